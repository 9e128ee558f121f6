import HTTPLintCore

/// The request's preconditions (RFC 9110 §13.1) evaluated against the validators a response
/// shows, step by step in the order of §13.2.2, for the rules that judge what the server did
/// with them. A condition that the response cannot settle (no validator shown, a value that
/// does not parse) is `nil`: rules stay silent on it.
struct Preconditions {
    /// One precondition field of the request, with its verdict.
    struct Step {
        enum Kind: String {
            case ifMatch = "If-Match"
            case ifUnmodifiedSince = "If-Unmodified-Since"
            case ifNoneMatch = "If-None-Match"
            case ifModifiedSince = "If-Modified-Since"
        }

        let kind: Kind
        /// The field value (the lines of a list field joined with ", ").
        let value: String
        /// The first field line, where a finding points in the request.
        let span: ByteSpan
        /// Whether the condition is true; `nil` when the response does not show enough.
        let isTrue: Bool?
        /// Why, naming the validator compared with (`ETag "v2"`, `Last-Modified …`).
        let reason: String

        /// The status §13.2.2 gives when this condition is false: 412 for If-Match and
        /// If-Unmodified-Since, 304 for If-None-Match on GET or HEAD (412 otherwise) and for
        /// If-Modified-Since.
        func statusWhenFalse(method: String) -> Int {
            switch kind {
            case .ifMatch, .ifUnmodifiedSince: 412
            case .ifNoneMatch: method == "GET" || method == "HEAD" ? 304 : 412
            case .ifModifiedSince: 304
            }
        }
    }

    /// The validators of the selected representation as a response shows them.
    struct Validators {
        /// The ETag, when the response has exactly one valid one.
        var etag: EntityTag?
        /// The ETag field as sent, for messages.
        var etagText: String?
        /// Whether the response is known to show every entity tag the representation has: then
        /// no ETag means none, which no If-Match list matches (a 2xx to GET or HEAD, where
        /// §8.8.3 has the origin send the ETag it has). Elsewhere an absent ETag settles nothing.
        var absentETagMeansNone = false
        var lastModified: HTTPDate?
        var lastModifiedText: String?
        /// Whether the response shows that a current representation exists (a 2xx to GET or
        /// HEAD does), which settles `If-Match: *` and `If-None-Match: *`.
        var representationExists = false

        init(of response: Response) {
            let etags = response.fields.named(.etag)
            if etags.count == 1, let tag = EntityTag(etags[0].value.trimmingWhitespace()) {
                etag = tag
                etagText = etags[0].value
            } else if etags.isEmpty {
                etagText = nil
            } else {
                etagText = etags.map(\.value).joined(separator: ", ")
            }
            let dates = response.fields.named(.lastModified)
            if dates.count == 1, let date = try? HTTPDate.parse(dates[0].value) {
                lastModified = date
                lastModifiedText = dates[0].value
            }
        }

        /// Whether the response has ETag lines, valid or not.
        var hasETagField: Bool { etagText != nil }
    }

    /// The steps of §13.2.2 that apply to `request`, in order: If-Match, If-Unmodified-Since
    /// only without If-Match, If-None-Match, If-Modified-Since only without If-None-Match and
    /// on GET or HEAD. A date that is not one valid HTTP-date, or sent on several lines, is
    /// ignored as §13.1.3 and §13.1.4 require, and so is a list mixing `*` with tags.
    static func steps(of request: Request, against validators: Validators) -> [Step] {
        var steps: [Step] = []
        let fields = request.fields
        let isGETOrHEAD = request.method == "GET" || request.method == "HEAD"
        if let (value, span) = joined(fields.named(.ifMatch)) {
            steps.append(ifMatch(value, span, validators))
        } else if let (value, span) = single(fields.named(.ifUnmodifiedSince)), let date = try? HTTPDate.parse(value) {
            steps.append(ifUnmodifiedSince(value, date, span, validators))
        }
        if let (value, span) = joined(fields.named(.ifNoneMatch)) {
            steps.append(ifNoneMatch(value, span, validators))
        } else if isGETOrHEAD, let (value, span) = single(fields.named(.ifModifiedSince)),
                  let date = try? HTTPDate.parse(value) {
            steps.append(ifModifiedSince(value, date, span, validators))
        }
        return steps
    }

    /// §13.1.1: `*` is true when a current representation exists; a list is true when a member
    /// matches the ETag by the strong comparison (§8.8.3.2).
    private static func ifMatch(_ value: String, _ span: ByteSpan, _ v: Validators) -> Step {
        let step = { (isTrue: Bool?, reason: String) in Step(kind: .ifMatch, value: value, span: span, isTrue: isTrue, reason: reason) }
        switch EntityTag.list(value) {
        case .any?:
            return step(v.representationExists ? true : nil, "a current representation exists")
        case .tags(let tags)?:
            if let etag = v.etag, let text = v.etagText {
                let matches = tags.contains { $0.strongMatches(etag) }
                return step(matches, matches ? "it strongly matches ETag \(text)"
                                             : "no member strongly matches ETag \(text)")
            }
            if !v.hasETagField, v.absentETagMeansNone {
                return step(false, "the response has no ETag, and a representation without one matches no entity tag")
            }
            return step(nil, "")
        case nil:
            return step(nil, "")
        }
    }

    /// §13.1.2: `*` is false when a current representation exists; a list is false when a
    /// member matches the ETag by the weak comparison.
    private static func ifNoneMatch(_ value: String, _ span: ByteSpan, _ v: Validators) -> Step {
        let step = { (isTrue: Bool?, reason: String) in Step(kind: .ifNoneMatch, value: value, span: span, isTrue: isTrue, reason: reason) }
        switch EntityTag.list(value) {
        case .any?:
            return step(v.representationExists ? false : nil, "a current representation exists")
        case .tags(let tags)?:
            guard let etag = v.etag, let text = v.etagText else { return step(nil, "") }
            let matches = tags.contains { $0.weakMatches(etag) }
            return step(!matches, matches ? "it matches ETag \(text)" : "no member matches ETag \(text), even weakly")
        case nil:
            return step(nil, "")
        }
    }

    /// §13.1.4: true when the last modification date is earlier than or equal to the date.
    private static func ifUnmodifiedSince(_ value: String, _ date: HTTPDate, _ span: ByteSpan, _ v: Validators) -> Step {
        guard let modified = v.lastModified, let text = v.lastModifiedText else {
            return Step(kind: .ifUnmodifiedSince, value: value, span: span, isTrue: nil, reason: "")
        }
        let isTrue = modified.secondsSince1970 <= date.secondsSince1970
        return Step(kind: .ifUnmodifiedSince, value: value, span: span, isTrue: isTrue,
                    reason: "Last-Modified is \(text), \(isTrue ? "not later" : "later")")
    }

    /// §13.1.3: false when the last modification date is earlier than or equal to the date.
    private static func ifModifiedSince(_ value: String, _ date: HTTPDate, _ span: ByteSpan, _ v: Validators) -> Step {
        guard let modified = v.lastModified, let text = v.lastModifiedText else {
            return Step(kind: .ifModifiedSince, value: value, span: span, isTrue: nil, reason: "")
        }
        let isTrue = modified.secondsSince1970 > date.secondsSince1970
        return Step(kind: .ifModifiedSince, value: value, span: span, isTrue: isTrue,
                    reason: "Last-Modified is \(text), \(isTrue ? "later" : "not later")")
    }

    /// A list field's lines joined with ", ", and the first line; `nil` when absent.
    private static func joined(_ lines: FieldLines) -> (String, ByteSpan)? {
        guard let first = lines.first else { return nil }
        return (lines.count == 1 ? first.value : lines.map(\.value).joined(separator: ", "), first.lineSpan)
    }

    /// A singleton field's value and line; `nil` when absent or sent more than once (then the
    /// value has more than one member, and §13.1.3 and §13.1.4 have it ignored).
    private static func single(_ lines: FieldLines) -> (String, ByteSpan)? {
        guard lines.count == 1 else { return nil }
        return (lines[0].value, lines[0].lineSpan)
    }
}
