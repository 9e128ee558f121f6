import HTTPLintCore

/// The Bearer challenges of a response's WWW-Authenticate (RFC 6750 §3), and how a request
/// carried a bearer token (§2).
enum BearerChallenges {
    /// The Bearer challenges with the WWW-Authenticate line each starts on.
    static func of(_ response: Response) -> [(challenge: AuthChallenge, line: Field)] {
        let lines = response.fields.named("WWW-Authenticate")
        guard !lines.isEmpty else { return [] }
        return AuthChallenges.parse(lines).challenges
            .filter { $0.isScheme("Bearer") && $0.fieldIndex < lines.count }
            .map { ($0, lines[$0.fieldIndex]) }
    }

    /// The attributes that carry error information (§3): `error`, `error_description`,
    /// `error_uri`.
    static let errorAttributes = ["error", "error_description", "error_uri"]

    /// Whether the request's target has an `access_token` query parameter (§2.3).
    static func hasTokenInQuery(_ request: Request) -> Bool {
        guard let question = request.target.firstIndex(of: "?") else { return false }
        let query = request.target[request.target.index(after: question)...].prefix { $0 != "#" }
        return query.split(separator: "&").contains { $0.split(separator: "=", maxSplits: 1).first == "access_token" }
    }

    /// Whether the request has an `Authorization: Bearer` field (§2.1).
    static func hasBearerAuthorization(_ request: Request) -> Bool { hasAuthorization(request, scheme: "Bearer") }

    /// Whether the request has an Authorization field of `scheme` (compared without case,
    /// RFC 9110 §11.1).
    static func hasAuthorization(_ request: Request, scheme: String) -> Bool {
        request.fields.named("Authorization").contains { field in
            let value = field.value.trimmingWhitespace()
            let name = value.prefix { $0 != " " && $0 != "\t" }
            return name.asciiLowercased() == scheme.asciiLowercased()
        }
    }

    /// Whether the request may carry a token in its form-encoded content (§2.2), which is not
    /// read here.
    static func mayHaveTokenInContent(_ request: Request) -> Bool {
        request.fields.named("Content-Type").contains { $0.value.asciiLowercased().contains("application/x-www-form-urlencoded") }
    }
}
