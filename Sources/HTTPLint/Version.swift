/// The version of httplint, as `httplint --version` and the reports show it.
public enum HTTPLintVersion {
    public static let current = "0.1.0"
}
