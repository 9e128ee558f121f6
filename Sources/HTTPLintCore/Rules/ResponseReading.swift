/// A reading of one response that several rules share: its Cache-Control directives, its
/// dates, its Content-Security-Policy. Rules get it through ``FindingReporter/reading(_:of:)``,
/// which makes it once per response while the linter runs the rules of one exchange, instead
/// of once per rule.
///
/// A reading depends on the response alone, so that a rule finds the same with a shared
/// reading as with its own. It is a class: handing it to each rule then costs one reference
/// count instead of one per part, and it is kept as it is, without a box around it.
public protocol ResponseReading: AnyObject {
    init(_ response: Response)
}

/// The readings made so far for the responses of one exchange.
///
/// It belongs to the one thread that runs the rules of that exchange. The linter makes one per
/// call and empties it (``removeAll()``) before each exchange.
public final class ResponseReadings {
    private struct Entry {
        let type: ObjectIdentifier
        let span: ByteSpan
        let reading: AnyObject
    }

    /// Few readings per exchange: a list searched in order beats a dictionary here.
    ///
    /// Not checked for exclusive access at run time (each look-up paid a runtime call for it):
    /// only the three methods below touch the list, none while another is using it, and a
    /// reading is made from its response alone, so it cannot call back in.
    @exclusivity(unchecked) private var entries: [Entry] = []

    public init() {
        // Room for the readings of one exchange at once: an array grown from empty would be
        // made again at 1, 2, 4 and 8 entries on each linter call.
        entries.reserveCapacity(16)
    }

    /// The `Reading` of `response`, made now unless an earlier call made it.
    public func reading<Reading: ResponseReading>(_ type: Reading.Type, of response: Response) -> Reading {
        let key = ObjectIdentifier(type)
        // Responses of one exchange never share their first byte, so type and span identify one.
        // By index, reading each entry where it is: a `for` loop over the entries copied each
        // one, counting a reference to its reading up and down.
        for index in entries.indices where entries[index].type == key && entries[index].span == response.span {
            // Only a Reading is ever stored under Reading's identifier: no dynamic cast needed
            // (a cast from `AnyObject` cost more than some readings).
            return unsafeDowncast(entries[index].reading, to: Reading.self)
        }
        let value = Reading(response)
        entries.append(Entry(type: key, span: response.span, reading: value))
        return value
    }

    /// Forgets every reading, keeping the room they took: for the next exchange.
    public func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }
}
