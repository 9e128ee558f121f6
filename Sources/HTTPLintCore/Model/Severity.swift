/// How serious a finding is.
///
/// - ``error``: the message breaks a requirement (a MUST in the specification) or breaks clients.
/// - ``warning``: the message breaks a recommendation (a SHOULD) or is very likely a mistake.
/// - ``info``: advice; nothing is broken.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
