@_exported import HTTPLintCore
@_exported import HTTPLintRules
