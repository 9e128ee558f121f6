import HTTPLintCore

/// A Content-Type value read as `type "/" subtype *( OWS ";" OWS [ parameter ] )` (RFC 9110
/// §8.3.1, §5.6.6), for the rules about its parameters. A value that does not parse is left
/// to invalid-media-type.
struct MediaType {
    /// The type and subtype in lowercase (they are case-insensitive).
    let type: String
    let subtype: String
    let parameters: [WrittenParameter]

    /// The media type of a value given as its UTF-8 bytes (``Field/valueUTF8``).
    init?(bytes: [UInt8]) {
        var scanner = ParameterScanner(bytes)
        scanner.skipWhitespace()
        guard let type = scanner.lowercasedToken(), scanner.peek == 0x2F else { return nil }
        scanner.index += 1
        guard let subtype = scanner.lowercasedToken(),
              case .success(let parameters) = scanner.parameters(valueRequired: true, spaceAroundEquals: false) else { return nil }
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// The first parameter called `name` (case-insensitive).
    func parameter(_ name: String) -> WrittenParameter? {
        parameters.first { $0.key == name }
    }
}

/// The Content-Type fields of a response and their media types, read once for the rules about
/// its parameters (``FindingReporter/reading(_:of:)``).
final class ContentTypes: ResponseReading {
    /// Each Content-Type field in order, with its media type when the value parses.
    let all: [Line]

    /// One Content-Type field line and its media type. A class rather than a tuple or struct:
    /// the rules iterate these lines, and each copy of a struct holding a ``Field`` and a
    /// ``MediaType`` retained every reference inside both; a class is one retain.
    final class Line {
        let field: Field
        let mediaType: MediaType?

        init(field: Field, mediaType: MediaType?) {
            self.field = field
            self.mediaType = mediaType
        }
    }

    init(_ response: Response) {
        all = response.fields.named(.contentType).map { Line(field: $0, mediaType: MediaType(bytes: $0.valueUTF8)) }
    }
}
