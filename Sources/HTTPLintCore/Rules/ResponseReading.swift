/// A reading of one response that several rules share: its Cache-Control directives, its
/// dates, its Content-Security-Policy. Rules get it through ``FindingReporter/reading(_:of:)``,
/// which makes it once per response while the linter runs the rules of one exchange, instead
/// of once per rule.
///
/// A reading depends on the response alone, so that a rule finds the same with a shared
/// reading as with its own.
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
        let value: Any
    }

    /// Few readings per exchange: a list searched in order beats a dictionary here.
    private var entries: [Entry] = []

    public init() {}

    /// The `Reading` of `response`, made now unless an earlier call made it.
    public func reading<Reading: ResponseReading>(_ type: Reading.Type, of response: Response) -> Reading {
        let key = ObjectIdentifier(type)
        // Responses of one exchange never share their first byte, so type and span identify one.
        for entry in entries where entry.type == key && entry.span == response.span {
            if let value = entry.value as? Reading { return value }
        }
        let value = Reading(response)
        entries.append(Entry(type: key, span: response.span, value: value))
        return value
    }
}
