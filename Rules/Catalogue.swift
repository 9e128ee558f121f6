import HTTPLintCore

/// Every rule httplint has. Adding a rule: write its file in the folder of its category and
/// list its type here; the generic test then runs its examples and checks the README table.
public enum RuleCatalogue {
    public static let rules: [any Rule.Type] = [
        // Status/
        UnauthorizedWithoutWWWAuthenticate.self,
        ProxyAuthRequiredWithoutProxyAuthenticate.self,
        MethodNotAllowedWithoutAllow.self,
        RedirectWithoutLocation.self,
        ContentNotAllowed.self,
        InterimResponseToHTTP10Client.self,
        // Framing/
        NotAnHTTPResponse.self,
        MalformedStatusLine.self,
        BareLFLineEnding.self,
        BareCR.self,
        ObsoleteLineFolding.self,
        WhitespaceBeforeFirstField.self,
        WhitespaceBeforeColon.self,
        FieldLineWithoutColon.self,
        InvalidFieldName.self,
        InvalidFieldValueCharacter.self,
        InvalidContentLength.self,
        ConflictingContentLength.self,
        DuplicateContentLength.self,
        TransferEncodingWithContentLength.self,
        TransferEncodingNotChunkedLast.self,
        InvalidTransferEncoding.self,
        TransferEncodingInHTTP10.self,
        InvalidChunkSize.self,
        InvalidChunkExtension.self,
        InvalidChunkTerminator.self,
        TruncatedHeaderSection.self,
        TruncatedContent.self,
        BytesAfterMessage.self,
        ResponseAfterConnectionClose.self,
        ExtraLineBreaks.self,
    ]

    /// The description of the rule with `id`, if there is one.
    public static func description(of id: String) -> RuleDescription? {
        byID[id]
    }

    private static let byID: [String: RuleDescription] = Dictionary(
        rules.map { ($0.description.id, $0.description) }, uniquingKeysWith: { first, _ in first })
}
