/// The version of httplint, as `httplint --version` and the reports show it.
public enum HTTPLintVersion {
    public static let current = "0.1.0"
    /// Where httplint lives: reports link its rule documentation (`Rules/README.md`) there.
    public static let repository = "https://github.com/httplint/httplint"
}
