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

    public init(index: Int, request: Request?, interim: [Response], response: Response, deviations: [Deviation]) {
        self.index = index
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
}
