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
        StatusCodeOutOfRange.self,
        IISSubstatusInStatusLine.self,
        UnregisteredStatusCode.self,
        UnofficialStatusCode.self,
        LogOnlyStatusCode.self,
        ReservedStatusCode.self,
        DeprecatedStatusCode.self,
        ReasonPhraseMismatch.self,
        ReasonPhraseOfAnotherCode.self,
        ReasonPhraseInvalidCharacters.self,
        SwitchingProtocolsWithoutUpgrade.self,
        UpgradeRequiredWithoutUpgrade.self,
        PartialContentWithoutContentRange.self,
        MultipartByterangesWithContentRange.self,
        RangeNotSatisfiableWithoutContentRange.self,
        CreatedWithoutLocation.self,
        NotModifiedMissingFields.self,
        NotModifiedWithRepresentationMetadata.self,
        MissingRetryAfter.self,
        NetworkAuthenticationRequiredFromOrigin.self,
        InvalidLocation.self,
        MissingFinalResponse.self,
        UnsolicitedContinue.self,
        SwitchingProtocolsWithoutUpgradeRequest.self,
        PartialContentWithoutRangeRequest.self,
        NotModifiedWithoutConditionalRequest.self,
        MethodNotAllowedListsRequestMethod.self,
        PreconditionFailedWithoutPrecondition.self,
        CreatedForSafeMethod.self,
        SuccessForInvalidRequest.self,
        PreconditionEvaluatedWrongly.self,
        LongTargetNotURITooLong.self,
        UnknownMethodNotNotImplemented.self,
        // Fields/
        SingletonFieldRepeated.self,
        DeprecatedField.self,
        RequestFieldInResponse.self,
        FieldNotAllowedInTrailers.self,
        InvalidHTTPDate.self,
        ObsoleteDateFormat.self,
        MissingDate.self,
        LastModifiedAfterDate.self,
        InvalidExpires.self,
        InvalidStructuredField.self,
        InvalidETag.self,
        InvalidMediaType.self,
        // Caching/
        CacheControlSyntax.self,
        ConflictingCacheControl.self,
        // Security/
        InvalidStrictTransportSecurity.self,
        ContentTypeOptionsNotNosniff.self,
        CORSWildcardWithCredentials.self,
        SameSiteNoneWithoutSecure.self,
        XSSProtectionEnabled.self,
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
        LimitExceeded.self,
        ExtraLineBreaks.self,
    ]

    /// The description of the rule with `id`, if there is one.
    public static func description(of id: String) -> RuleDescription? {
        byID[id]
    }

    private static let byID: [String: RuleDescription] = Dictionary(
        rules.map { ($0.description.id, $0.description) }, uniquingKeysWith: { first, _ in first })
}
