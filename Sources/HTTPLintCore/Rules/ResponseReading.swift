/// A reading of one response that several rules share: its Cache-Control directives, its
/// dates, its Content-Security-Policy. Rules get it through ``FindingReporter/reading(_:of:)``,
/// which makes it once per response while the linter runs the rules of one exchange, instead
/// of once per rule.
///
/// A reading depends on the response alone, so that a rule finds the same with a shared
/// reading as with its own. A final class suits a reading with several arrays or strings:
/// handing it to each rule then costs one reference count instead of one per part.
public protocol ResponseReading {
    init(_ response: Response)
}

/// The readings made so far for the responses of one exchange.
///
/// It belongs to the one thread that runs the rules of that exchange: the linter makes one per
/// exchange and hands it to every reporter it makes for that exchange.
public final class ResponseReadings {
    private struct Entry {
        let type: ObjectIdentifier
        let span: ByteSpan
        let box: AnyBox
    }

    /// A reading kept by reference: found again by its type's identifier, so that taking it
    /// back out needs no dynamic cast (a cast from `Any` cost more than some readings).
    private class AnyBox {}
    private final class Box<Reading>: AnyBox {
        let value: Reading
        init(_ value: Reading) { self.value = value }
    }

    /// Few readings per exchange: a list searched in order beats a dictionary here.
    private var entries: [Entry] = []

    public init() {}

    /// The `Reading` of `response`, made now unless an earlier call made it.
    public func reading<Reading: ResponseReading>(_ type: Reading.Type, of response: Response) -> Reading {
        let key = ObjectIdentifier(type)
        // Responses of one exchange never share their first byte, so type and span identify one.
        for entry in entries where entry.type == key && entry.span == response.span {
            // Only a Box<Reading> is ever stored under Reading's identifier.
            return unsafeDowncast(entry.box, to: Box<Reading>.self).value
        }
        let value = Reading(response)
        entries.append(Entry(type: key, span: response.span, box: Box(value)))
        return value
    }
}
