/// JSON Lines: one finding per line, written as soon as its input is linted, with the same
/// fields as the `json` format's findings; an input that could not be read gives one line
/// `{"path": …, "error": …}`.
///
/// ```
/// {"path":"a.http","exchange":0,"status":405,"rule":"method-not-allowed-without-allow",…}
/// ```
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func render(_ input: InputReport) -> String {
        if case .failed(let reason) = input.outcome {
            return JSON.object([("path", .string(input.name)), ("error", .string(reason))]).compact() + "\n"
        }
        return LocatedFinding.all(in: input).map { JSONReporter.object($0).compact() + "\n" }.joined()
    }

    public func finish(_ inputs: [InputReport]) -> String { "" }
}
