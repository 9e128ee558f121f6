import HTTPLintCore

/// Reports `response` when its status is one of `statuses` and it carries no `field` line.
/// The rules that say "status X needs field Y" (101 and 426 Upgrade, 405 Allow, 201 Location,
/// 429 and 503 Retry-After) are this one check with their own message.
/// `statuses` is an array: a literal of constant codes costs nothing per call, where a set
/// literal was built and hashed on every exchange.
func requireField(_ field: String, on statuses: [Int], in response: Response, _ report: inout FindingReporter,
                  message: (Response) -> String) {
    guard let status = response.status, statuses.contains(status), !response.fields.contains(field) else { return }
    report.add(message(response), about: response)
}
