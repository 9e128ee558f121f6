/// One request (when known) and everything sent back for it: interim 1xx responses, then the
/// final response. Rules look at one exchange at a time.
///
/// A class, immutable, for the reason ``Response`` is one.
public final class Exchange: Sendable {
    /// 0-based position of this exchange in its input.
    public let index: Int
    /// The request this exchange answers, when the caller gave one. Rules that need it stay
    /// silent without it.
    public let request: Request?
    /// Interim (1xx other than 101) responses before the final one, in order.
    public let interim: [Response]
    /// The final response. For input that holds no response at all, a placeholder with no
    /// status whose deviations say what was found instead.
    public let response: Response
    /// Every deviation from RFC 9112 the parser met while reading this exchange.
    public let deviations: [Deviation]
    /// The interim responses followed by the final one (built once: most rules walk it).
    public let responses: [Response]
    /// The protocol version an input recorded for this exchange when it rebuilt the exchange
    /// as HTTP/1.1 text rather than keeping the bytes sent: a HAR entry's `httpVersion` (`h2`,
    /// `HTTP/2.0`, `h3`…), as written. `nil` for bytes as sent, whose status line tells.
    public let recordedVersion: String?

    public init(index: Int, request: Request?, interim: [Response], response: Response, deviations: [Deviation],
                recordedVersion: String? = nil) {
        self.index = index
        self.recordedVersion = recordedVersion
        self.request = request
        self.interim = interim
        self.response = response
        self.deviations = deviations
        // Without interim responses (most exchanges) one array is made, not two (`interim + [response]`).
        if interim.isEmpty {
            self.responses = [response]
        } else {
            var responses = interim
            responses.append(response)
            self.responses = responses
        }
    }

    /// The input the spans refer to.
    public var source: SourceText { response.source }

    /// This exchange as an input recorded it in `version` (``recordedVersion``).
    public func recorded(as version: String?) -> Exchange {
        Exchange(index: index, request: request, interim: interim, response: response, deviations: deviations,
                 recordedVersion: version)
    }

    /// The major version of ``recordedVersion`` when it names HTTP/2 (`h2`, `h2c`, `HTTP/2`,
    /// `HTTP/2.0`) or HTTP/3 (`h3`, `h3-29`, `HTTP/3`, `HTTP/3.0`): 2 or 3. `nil` otherwise,
    /// Google QUIC's `http/2+quic/46` included: it is neither RFC 9113 nor RFC 9114.
    public var recordedMajorVersion: Int? {
        guard let version = recordedVersion?.asciiLowercased() else { return nil }
        switch version {
        case "h2", "h2c", "http/2", "http/2.0": return 2
        case "h3", "http/3", "http/3.0": return 3
        default: return version.hasPrefix("h3-") ? 3 : nil
        }
    }
}
