// The fields httplint knows: those of the IANA HTTP Field Name Registry that a request or a
// response may realistically carry, with their status there and the section of their defining
// specification, plus the unregistered fields met in the wild. Data only; the type and its
// look-ups are in `FieldDefinition.swift`.
//
// standing: the registry's status (permanent, provisional, deprecated, obsoleted).
// cardinality: from the field's ABNF: a `#` (or `1#`) rule is a list, anything else a
// singleton; Set-Cookie is the one field that repeats without combining (RFC 9110 §5.3).
// structuredType: only where the defining specification says the field is a Structured Field.
// allowedInTrailers: `true` where the definition says the field may be sent as a trailer;
// `false` where its definition, or RFC 9110 §6.5.1's categories (framing, routing,
// authentication, request modifiers, response controls, content format), rule it out. For the
// categories, RFC 7230 §4.1.2 and RFC 7231 §5 and §7.1 (which RFC 9110 replaced) give the
// examples: Host, cookies, the request modifiers, and the control data Age, Cache-Control,
// Date, Expires, Location, Retry-After, Vary and Warning. `nil` when nothing says.
// isHopByHop: the fields RFC 9110 §7.6.1 tells intermediaries to remove, and Connection itself.
// Proxy-Authenticate and Proxy-Authorization were hop-by-hop in RFC 2616 §13.5.1; RFC 9110
// §11.7 lets proxies in one domain pass them on, so they are not marked.

extension FieldDefinition {
    static let entries: [FieldDefinition] = [
        // MARK: RFC 9110, HTTP Semantics
        FieldDefinition("Accept", spec: .rfc9110("12.5.1"), cardinality: .list, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("Accept-Charset", standing: .deprecated, spec: .rfc9110("12.5.2"), cardinality: .list,
                        direction: .request, allowedInTrailers: false,
                        replacement: "nothing: UTF-8 is nearly ubiquitous, so leave the field out"),
        // Also a response field: a server lists the codings it accepts in request content, as
        // a 415 caused by an unsupported coding ought to (§12.5.3, §15.5.16; RFC 7694 §3).
        // `#( codings [ weight ] )`, `codings = content-coding / "identity" / "*"`,
        // `weight = OWS ";" OWS "q=" qvalue` (§12.4.2): checked as tokens with parameters.
        FieldDefinition("Accept-Encoding", spec: .rfc9110("12.5.3"), cardinality: .list,
                        valueSyntax: .list(.parameterizedToken(parameterValueRequired: true)), direction: .both,
                        allowedInTrailers: false),
        FieldDefinition("Accept-Language", spec: .rfc9110("12.5.4"), cardinality: .list, direction: .request,
                        allowedInTrailers: false),
        // "MAY be sent in a trailer section" (§14.3).
        FieldDefinition("Accept-Ranges", spec: .rfc9110("14.3"), cardinality: .list, direction: .response,
                        allowedInTrailers: true),
        // A response field since RFC 7231 (§10.2 "Response Context Fields"); RFC 2616 also let a PUT carry it.
        FieldDefinition("Allow", spec: .rfc9110("10.2.1"), cardinality: .list, direction: .response),
        // Trailers: "when the authentication scheme explicitly allows this" (§11.6.3).
        // `Authentication-Info = #auth-param`, `auth-param = token BWS "=" BWS ( token / quoted-string )` (§11.3).
        FieldDefinition("Authentication-Info", spec: .rfc9110("11.6.3"), cardinality: .list,
                        valueSyntax: .list(.parameter(valueRequired: true)), direction: .response,
                        allowedInTrailers: true),
        FieldDefinition("Authorization", spec: .rfc9110("11.6.2"), cardinality: .singleton, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("Connection", spec: .rfc9110("7.6.1"), cardinality: .list, allowedInTrailers: false,
                        isHopByHop: true),
        FieldDefinition("Content-Encoding", spec: .rfc9110("8.4"), cardinality: .list, allowedInTrailers: false),
        FieldDefinition("Content-Language", spec: .rfc9110("8.5"), cardinality: .list),
        FieldDefinition("Content-Length", spec: .rfc9110("8.6"), cardinality: .singleton, allowedInTrailers: false),
        // Also in requests (§8.7: "If Content-Location is included in a request message").
        FieldDefinition("Content-Location", spec: .rfc9110("8.7"), cardinality: .singleton),
        // Both: a partial PUT carries it in the request (§14.5).
        FieldDefinition("Content-Range", spec: .rfc9110("14.4"), cardinality: .singleton, allowedInTrailers: false),
        FieldDefinition("Content-Type", spec: .rfc9110("8.3"), cardinality: .singleton, allowedInTrailers: false),
        // Control data in RFC 7231 §7.1.1.2; caches need it before the content.
        FieldDefinition("Date", spec: .rfc9110("6.6.1"), cardinality: .singleton, allowedInTrailers: false),
        // "A sender MAY send the ETag field in a trailer section" (§8.8.3).
        FieldDefinition("ETag", spec: .rfc9110("8.8.3"), cardinality: .singleton, direction: .response,
                        allowedInTrailers: true),
        FieldDefinition("Expect", spec: .rfc9110("10.1.1"), cardinality: .list, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("From", spec: .rfc9110("10.1.2"), cardinality: .singleton, direction: .request),
        FieldDefinition("Host", spec: .rfc9110("7.2"), cardinality: .singleton, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("If-Match", spec: .rfc9110("13.1.1"), cardinality: .list, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("If-Modified-Since", spec: .rfc9110("13.1.3"), cardinality: .singleton, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("If-None-Match", spec: .rfc9110("13.1.2"), cardinality: .list, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("If-Range", spec: .rfc9110("13.1.5"), cardinality: .singleton, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("If-Unmodified-Since", spec: .rfc9110("13.1.4"), cardinality: .singleton, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("Last-Modified", spec: .rfc9110("8.8.2"), cardinality: .singleton, direction: .response),
        FieldDefinition("Location", spec: .rfc9110("10.2.2"), cardinality: .singleton, direction: .response,
                        allowedInTrailers: false),
        FieldDefinition("Max-Forwards", spec: .rfc9110("7.6.2"), cardinality: .singleton, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("Proxy-Authenticate", spec: .rfc9110("11.7.1"), cardinality: .list, direction: .response,
                        allowedInTrailers: false),
        // `Proxy-Authentication-Info = #auth-param` (§11.7.3).
        FieldDefinition("Proxy-Authentication-Info", spec: .rfc9110("11.7.3"), cardinality: .list,
                        valueSyntax: .list(.parameter(valueRequired: true)), direction: .response, allowedInTrailers: true),
        FieldDefinition("Proxy-Authorization", spec: .rfc9110("11.7.2"), cardinality: .singleton, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("Range", spec: .rfc9110("14.2"), cardinality: .singleton, direction: .request,
                        allowedInTrailers: false),
        FieldDefinition("Referer", spec: .rfc9110("10.1.3"), cardinality: .singleton, direction: .request),
        FieldDefinition("Retry-After", spec: .rfc9110("10.2.3"), cardinality: .singleton, direction: .response,
                        allowedInTrailers: false),
        FieldDefinition("Server", spec: .rfc9110("10.2.4"), cardinality: .singleton, direction: .response),
        FieldDefinition("TE", spec: .rfc9110("10.1.4"), cardinality: .list, direction: .request,
                        allowedInTrailers: false, isHopByHop: true),
        // `Trailer = #field-name`.
        FieldDefinition("Trailer", spec: .rfc9110("6.6.2"), cardinality: .list, valueSyntax: .list(.fieldName),
                        allowedInTrailers: false),
        // Sent in requests and in 101 and 426 responses.
        FieldDefinition("Upgrade", spec: .rfc9110("7.8"), cardinality: .list, allowedInTrailers: false,
                        isHopByHop: true),
        FieldDefinition("User-Agent", spec: .rfc9110("10.1.5"), cardinality: .singleton, direction: .request),
        FieldDefinition("Vary", spec: .rfc9110("12.5.5"), cardinality: .list, direction: .response,
                        allowedInTrailers: false),
        FieldDefinition("Via", spec: .rfc9110("7.6.3"), cardinality: .list),
        FieldDefinition("WWW-Authenticate", spec: .rfc9110("11.6.1"), cardinality: .list, direction: .response,
                        allowedInTrailers: false),

        // MARK: RFC 9111, HTTP Caching
        FieldDefinition("Age", spec: SpecReference(rfc: 9111, section: "5.1"), cardinality: .singleton,
                        direction: .response, allowedInTrailers: false),
        FieldDefinition("Cache-Control", spec: SpecReference(rfc: 9111, section: "5.2"), cardinality: .list,
                        allowedInTrailers: false),
        FieldDefinition("Expires", spec: SpecReference(rfc: 9111, section: "5.3"), cardinality: .singleton,
                        direction: .response, allowedInTrailers: false),
        // "The Pragma request header field" (§5.4); its meaning in responses was never specified.
        // RFC 9111 gives no ABNF; RFC 7234 §5.4 had `Pragma = 1#pragma-directive`.
        FieldDefinition("Pragma", standing: .deprecated, spec: SpecReference(rfc: 9111, section: "5.4"),
                        cardinality: .list, direction: .request, allowedInTrailers: false,
                        replacement: "Cache-Control"),
        // Obsoleted without ABNF; RFC 7234 §5.5 had `Warning = 1#warning-value`, for any message, with
        // `warning-value = warn-code SP warn-agent SP warn-text [ SP warn-date ]`.
        FieldDefinition("Warning", standing: .obsoleted, spec: SpecReference(rfc: 9111, section: "5.5"),
                        cardinality: .list, valueSyntax: .list(.warning, atLeastOne: true), allowedInTrailers: false,
                        replacement: "nothing (caches no longer send it)"),

        // MARK: RFC 9112, HTTP/1.1
        FieldDefinition("Transfer-Encoding", spec: .rfc9112("6.1"), cardinality: .list, allowedInTrailers: false,
                        isHopByHop: true),
        // Registered "(reserved)" so that no field can clash with the "close" connection option.
        FieldDefinition("Close", spec: .rfc9112("9.6"), cardinality: .singleton, allowedInTrailers: false),
        // No ABNF in RFC 9112; RFC 2616 §19.4.1 and RFC 2045 §4: `1*DIGIT "." 1*DIGIT`, comments allowed.
        FieldDefinition("MIME-Version", spec: .rfc9112("B.1"), cardinality: .singleton, valueSyntax: .single(.mimeVersion)),
        // Not registered; RFC 9112 tells clients not to send it, RFC 9110 §7.6.1 tells intermediaries
        // to remove it.
        FieldDefinition("Proxy-Connection", standing: .unregistered, spec: .rfc9112("C.2.2"),
                        reference: "Netscape-era proxy keep-alive; described (not defined) in RFC 9112 Appendix C.2.2",
                        cardinality: .list, direction: .request, allowedInTrailers: false, isHopByHop: true,
                        replacement: "nothing: HTTP/1.1 connections are persistent by default"),

        // MARK: RFC 2068, HTTP/1.1 (1997)
        // Still "permanent" in the registry. `Keep-Alive-header = "Keep-Alive" ":" 0# keepalive-param`.
        FieldDefinition("Keep-Alive", spec: SpecReference(rfc: 2068, section: "19.7.1.1"), cardinality: .list,
                        allowedInTrailers: false, isHopByHop: true),
        // `Content-Base = "Content-Base" ":" absoluteURI`.
        FieldDefinition("Content-Base", standing: .obsoleted, spec: SpecReference(rfc: 2068, section: "14.11"),
                        cardinality: .singleton, valueSyntax: .single(.absoluteURI), replacement: "Content-Location"),
        // `Public = "Public" ":" 1#method`; a proxy "MUST either remove the Public header field or
        // replace it" (§14.35).
        FieldDefinition("Public", standing: .obsoleted, spec: SpecReference(rfc: 2068, section: "14.35"),
                        cardinality: .list, valueSyntax: .list(.method, atLeastOne: true), direction: .response, isHopByHop: true, replacement: "Allow"),

        // MARK: RFC 2616, HTTP/1.1 (1999)
        // `md5-digest = <base64 of 128 bit MD5 digest as per RFC 1864>`.
        FieldDefinition("Content-MD5", standing: .obsoleted, spec: SpecReference(rfc: 2616, section: "14.15"),
                        cardinality: .singleton, valueSyntax: .single(.base64(decodedLength: 16)),
                        replacement: "Content-Digest (RFC 9530)"),

        // MARK: RFC 7540, HTTP/2 (2015)
        // Obsolete since RFC 9113 §3.1 deprecated the h2c upgrade; it had to be listed in Connection.
        FieldDefinition("HTTP2-Settings", standing: .obsoleted, spec: SpecReference(rfc: 7540, section: "3.2.1"),
                        cardinality: .singleton, direction: .request, allowedInTrailers: false, isHopByHop: true,
                        replacement: "nothing: h2c upgrade is deprecated (RFC 9113 §3.1); use TLS with ALPN or prior knowledge"),

        // MARK: RFC 6265, Cookies
        // RFC 6265 §5.4: "the user agent MUST NOT attach more than one Cookie header field"
        // (RFC 6265bis drops that rule).
        FieldDefinition("Cookie", spec: SpecReference(rfc: 6265, section: "4.2"), cardinality: .singleton,
                        direction: .request, allowedInTrailers: false),
        FieldDefinition("Set-Cookie", spec: SpecReference(rfc: 6265, section: "4.1"), cardinality: .multipleLines,
                        direction: .response, allowedInTrailers: false),

        // MARK: RFC 2965, Cookies (obsoleted by RFC 6265)
        FieldDefinition("Set-Cookie2", standing: .obsoleted, spec: SpecReference(rfc: 2965, section: "3.2.2"),
                        cardinality: .list, direction: .response, allowedInTrailers: false,
                        replacement: "Set-Cookie (RFC 6265)"),
        FieldDefinition("Cookie2", standing: .obsoleted, reference: "RFC 2965 (HTTP State Management Mechanism)",
                        cardinality: .singleton, direction: .request, allowedInTrailers: false,
                        replacement: "nothing: send Cookie (RFC 6265)"),

        // MARK: RFC 6266, Content-Disposition
        FieldDefinition("Content-Disposition", spec: SpecReference(rfc: 6266, section: "4"), cardinality: .singleton,
                        direction: .response),

        // MARK: RFC 8288, Web Linking
        FieldDefinition("Link", spec: SpecReference(rfc: 8288, section: "3"), cardinality: .list),

        // MARK: RFC 9652, Link-Template
        FieldDefinition("Link-Template", spec: SpecReference(rfc: 9652, section: "2"), cardinality: .list,
                        structuredType: .list),

        // MARK: RFC 7838, HTTP Alternative Services
        FieldDefinition("Alt-Svc", spec: SpecReference(rfc: 7838, section: "3"), cardinality: .list,
                        direction: .response),
        FieldDefinition("Alt-Used", spec: SpecReference(rfc: 7838, section: "5"), cardinality: .singleton,
                        direction: .request),

        // MARK: RFC 6797, HTTP Strict Transport Security
        FieldDefinition("Strict-Transport-Security", spec: SpecReference(rfc: 6797, section: "6.1"),
                        cardinality: .singleton, direction: .response),

        // MARK: RFC 7469, Public Key Pinning
        // Still "permanent" in the registry, but no browser has honoured them since 2020.
        // `Public-Key-Pins = directive *( OWS ";" OWS directive )`,
        // `directive = directive-name [ "=" directive-value ]`, a token or quoted-string value (§2.1).
        FieldDefinition("Public-Key-Pins", spec: SpecReference(rfc: 7469, section: "2.1"), cardinality: .singleton,
                        valueSyntax: .single(.semicolonDirectives), direction: .response,
                        replacement: "nothing: browsers removed HPKP; Certificate Transparency took its place"),
        FieldDefinition("Public-Key-Pins-Report-Only", spec: SpecReference(rfc: 7469, section: "2.1"),
                        cardinality: .singleton, valueSyntax: .single(.semicolonDirectives), direction: .response,
                        replacement: "nothing: browsers removed HPKP; Certificate Transparency took its place"),

        // MARK: RFC 9163, Expect-CT
        // `Expect-CT = #expect-ct-directive`, `expect-ct-directive = directive-name [ "=" directive-value ]`.
        FieldDefinition("Expect-CT", standing: .deprecated, spec: SpecReference(rfc: 9163, section: "2.1"),
                        cardinality: .list, valueSyntax: .list(.parameter(valueRequired: false)), direction: .response,
                        replacement: "nothing: Certificate Transparency is enforced by browsers"),

        // MARK: RFC 9209, Proxy-Status
        // "Proxy-Status MAY be sent as an HTTP trailer field" (§2).
        // Members are a String or Token (§2); error is a Token, next-hop a String or Token,
        // next-protocol a Token or Byte Sequence, received-status an Integer, details a String (§2.1).
        FieldDefinition("Proxy-Status", spec: SpecReference(rfc: 9209, section: "2"), cardinality: .list,
                        structuredType: .list, valueSyntax: .structured(StructuredMembers(
                            members: .either(.string, .token),
                            parameters: [("error", .token), ("next-hop", .either(.string, .token)),
                                         ("next-protocol", .either(.token, .byteSequence)),
                                         ("received-status", .integer(nil)), ("details", .string)])),
                        direction: .response, allowedInTrailers: true),

        // MARK: RFC 9211, Cache-Status
        // Members are a String or Token (§2); hit, stored and collapsed are Booleans, fwd a Token,
        // fwd-status and ttl Integers, key a String, detail a String or Token (§2.1–2.8).
        FieldDefinition("Cache-Status", spec: SpecReference(rfc: 9211, section: "2"), cardinality: .list,
                        structuredType: .list, valueSyntax: .structured(StructuredMembers(
                            members: .either(.string, .token),
                            parameters: [("hit", .boolean), ("fwd", .token), ("fwd-status", .integer(nil)),
                                         ("ttl", .integer(nil)), ("stored", .boolean), ("collapsed", .boolean),
                                         ("key", .string), ("detail", .either(.string, .token))])),
                        direction: .response),

        // MARK: RFC 9213, Targeted Cache-Control
        // Same semantics as Cache-Control (§2), so a response control like it.
        FieldDefinition("CDN-Cache-Control", spec: SpecReference(rfc: 9213, section: "3"), cardinality: .list,
                        structuredType: .dictionary, direction: .response, allowedInTrailers: false),

        // MARK: RFC 9875, HTTP Cache Groups
        // Published after the registry snapshot used here; the RFC registers both as permanent.
        // Both are "a List of Strings" (§2, §3).
        FieldDefinition("Cache-Groups", spec: SpecReference(rfc: 9875, section: "2"), cardinality: .list,
                        structuredType: .list, valueSyntax: .structured(StructuredMembers(members: .string)),
                        direction: .response),
        FieldDefinition("Cache-Group-Invalidation", spec: SpecReference(rfc: 9875, section: "3"), cardinality: .list,
                        structuredType: .list, valueSyntax: .structured(StructuredMembers(members: .string)),
                        direction: .response),

        // MARK: RFC 9218, Extensible Prioritization
        // "It can appear in requests and responses" (§5).
        // u is an Integer from 0 to 7 (§4.1), i a Boolean (§4.2).
        FieldDefinition("Priority", spec: SpecReference(rfc: 9218, section: "5"), cardinality: .list,
                        structuredType: .dictionary, valueSyntax: .structured(StructuredMembers(
                            keys: [("u", .integer(0...7)), ("i", .boolean)]))),

        // MARK: RFC 9421, HTTP Message Signatures
        // "The signer MAY include the Signature-Input field as a trailer" (§4.1), likewise Signature (§4.2).
        // Signature-Input values are Inner Lists of Strings (§4.1) with the parameters of §2.3:
        // created and expires Integers, nonce, alg, keyid and tag Strings; Signature values are
        // Byte Sequences (§4.2).
        FieldDefinition("Signature-Input", spec: SpecReference(rfc: 9421, section: "4.1"), cardinality: .list,
                        structuredType: .dictionary, valueSyntax: .structured(StructuredMembers(
                            members: .innerList(.string),
                            parameters: [("created", .integer(nil)), ("expires", .integer(nil)), ("nonce", .string),
                                         ("alg", .string), ("keyid", .string), ("tag", .string)])),
                        allowedInTrailers: true),
        FieldDefinition("Signature", spec: SpecReference(rfc: 9421, section: "4.2"), cardinality: .list,
                        structuredType: .dictionary, valueSyntax: .structured(StructuredMembers(members: .byteSequence)),
                        allowedInTrailers: true),
        FieldDefinition("Accept-Signature", spec: SpecReference(rfc: 9421, section: "5.1"), cardinality: .list,
                        structuredType: .dictionary),

        // MARK: RFC 9530, Digest Fields
        // "`Content-Digest` can be sent in a trailer section" (§2), likewise Repr-Digest (§3).
        // Digest values are Byte Sequences (§2, §3); preferences are Integers from 0 to 10 (§4).
        FieldDefinition("Content-Digest", spec: SpecReference(rfc: 9530, section: "2"), cardinality: .list,
                        structuredType: .dictionary, valueSyntax: .structured(StructuredMembers(members: .byteSequence)),
                        allowedInTrailers: true),
        FieldDefinition("Repr-Digest", spec: SpecReference(rfc: 9530, section: "3"), cardinality: .list,
                        structuredType: .dictionary, valueSyntax: .structured(StructuredMembers(members: .byteSequence)),
                        allowedInTrailers: true),
        FieldDefinition("Want-Content-Digest", spec: SpecReference(rfc: 9530, section: "4"), cardinality: .list,
                        structuredType: .dictionary, valueSyntax: .structured(StructuredMembers(members: .integer(0...10)))),
        FieldDefinition("Want-Repr-Digest", spec: SpecReference(rfc: 9530, section: "4"), cardinality: .list,
                        structuredType: .dictionary, valueSyntax: .structured(StructuredMembers(members: .integer(0...10)))),

        // MARK: RFC 3230, Instance Digests (obsoleted by RFC 9530)
        // `Digest = "Digest" ":" #(instance-digest)`, `instance-digest = digest-algorithm "=" <encoded digest output>`.
        FieldDefinition("Digest", standing: .obsoleted, spec: SpecReference(rfc: 3230, section: "4.3.2"),
                        cardinality: .list, valueSyntax: .list(.instanceDigest), replacement: "Repr-Digest or Content-Digest (RFC 9530)"),
        FieldDefinition("Want-Digest", standing: .obsoleted, spec: SpecReference(rfc: 3230, section: "4.3.1"),
                        cardinality: .list, replacement: "Want-Repr-Digest or Want-Content-Digest (RFC 9530)"),

        // MARK: RFC 7239, Forwarded
        FieldDefinition("Forwarded", spec: SpecReference(rfc: 7239, section: "4"), cardinality: .list,
                        direction: .request),

        // MARK: RFC 8470, Early Data
        FieldDefinition("Early-Data", spec: SpecReference(rfc: 8470, section: "5.1"), cardinality: .singleton,
                        direction: .request),

        // MARK: RFC 9440, Client-Cert
        // Both "MUST NOT be used in HTTP responses" (§2.2, §2.3); Client-Cert is a singleton.
        FieldDefinition("Client-Cert", spec: SpecReference(rfc: 9440, section: "2.2"), cardinality: .singleton,
                        structuredType: .item, direction: .request),
        FieldDefinition("Client-Cert-Chain", spec: SpecReference(rfc: 9440, section: "2.3"), cardinality: .list,
                        structuredType: .list, direction: .request),

        // MARK: RFC 6454, The Web Origin Concept
        // The value is a space-separated origin list, not a `#` list. Fetch redefines it as
        // `Origin = origin-or-null`.
        FieldDefinition("Origin", spec: SpecReference(rfc: 6454, section: "7"), cardinality: .singleton,
                        direction: .request),

        // MARK: RFC 8942, HTTP Client Hints
        // "an sf-list whose members are Tokens" (§3.1).
        FieldDefinition("Accept-CH", spec: SpecReference(rfc: 8942, section: "3.1"), cardinality: .list,
                        structuredType: .list, valueSyntax: .structured(StructuredMembers(members: .token)),
                        direction: .response),

        // MARK: RFC 5789, PATCH
        // `Accept-Patch = "Accept-Patch" ":" 1#media-type`.
        FieldDefinition("Accept-Patch", spec: SpecReference(rfc: 5789, section: "3.1"), cardinality: .list,
                        valueSyntax: .list(.mediaType, atLeastOne: true), direction: .response),

        // MARK: RFC 7240, Prefer
        FieldDefinition("Prefer", spec: SpecReference(rfc: 7240, section: "2"), cardinality: .list,
                        direction: .request),
        // `Preference-Applied = 1#applied-pref`, `applied-pref = token [ BWS "=" BWS word ]`.
        FieldDefinition("Preference-Applied", spec: SpecReference(rfc: 7240, section: "3"), cardinality: .list,
                        valueSyntax: .list(.parameter(valueRequired: false), atLeastOne: true), direction: .response),

        // MARK: RFC 8594, Sunset
        // `Sunset = HTTP-date`.
        FieldDefinition("Sunset", spec: SpecReference(rfc: 8594, section: "3"), cardinality: .singleton,
                        valueSyntax: .single(.httpDate), direction: .response),

        // MARK: RFC 9745, Deprecation
        // An Item whose value is a Date (RFC 9651 §3.3.7).
        FieldDefinition("Deprecation", spec: SpecReference(rfc: 9745, section: "2"), cardinality: .singleton,
                        structuredType: .item, valueSyntax: .structured(StructuredMembers(members: .date)),
                        direction: .response),

        // MARK: RFC 8586, CDN-Loop
        FieldDefinition("CDN-Loop", spec: SpecReference(rfc: 8586, section: "2"), cardinality: .list,
                        direction: .request),

        // MARK: RFC 9842, Compression Dictionary Transport
        // match is a required String, match-dest an Inner List of Strings, id a String, type a Token (§2.1.1–2.1.4).
        FieldDefinition("Use-As-Dictionary", spec: SpecReference(rfc: 9842, section: "2.1"), cardinality: .list,
                        structuredType: .dictionary, valueSyntax: .structured(StructuredMembers(
                            keys: [("match", .string), ("match-dest", .innerList(.string)), ("id", .string), ("type", .token)],
                            requiredKeys: ["match"])),
                        direction: .response),
        // "The client MUST only send a single Available-Dictionary request header" (§2.2).
        FieldDefinition("Available-Dictionary", spec: SpecReference(rfc: 9842, section: "2.2"),
                        cardinality: .singleton, structuredType: .item, direction: .request),
        FieldDefinition("Dictionary-ID", spec: SpecReference(rfc: 9842, section: "2.3"), cardinality: .singleton,
                        structuredType: .item, direction: .request),

        // MARK: RFC 9297, HTTP Datagrams and the Capsule Protocol
        // "Its value MUST be a Boolean" (§3.4).
        FieldDefinition("Capsule-Protocol", spec: SpecReference(rfc: 9297, section: "3.4"), cardinality: .singleton,
                        structuredType: .item, valueSyntax: .structured(StructuredMembers(members: .boolean))),

        // MARK: RFC 9449, OAuth 2.0 DPoP
        FieldDefinition("DPoP", spec: SpecReference(rfc: 9449, section: "4.1"), cardinality: .singleton,
                        direction: .request, allowedInTrailers: false),
        // `nonce = 1*NQCHAR` (§8.1).
        FieldDefinition("DPoP-Nonce", spec: SpecReference(rfc: 9449, section: "8"), cardinality: .singleton,
                        valueSyntax: .single(.nqchars), direction: .response),

        // MARK: RFC 9729, Concealed HTTP Authentication
        FieldDefinition("Concealed-Auth-Export", spec: SpecReference(rfc: 9729, section: "6.2"),
                        cardinality: .singleton, structuredType: .item, direction: .request, allowedInTrailers: false),

        // MARK: RFC 7089, Memento
        FieldDefinition("Accept-Datetime", spec: SpecReference(rfc: 7089, section: "2.1.1"), cardinality: .singleton,
                        direction: .request, allowedInTrailers: false),
        // `Memento-Datetime = "Memento-Datetime" ":" HTTP-date`.
        FieldDefinition("Memento-Datetime", spec: SpecReference(rfc: 7089, section: "2.1.1"), cardinality: .singleton,
                        valueSyntax: .single(.httpDate), direction: .response),

        // MARK: RFC 8030, Web Push
        // The push service answers with the TTL it applied, so TTL goes both ways.
        // `TTL = 1*DIGIT`.
        FieldDefinition("TTL", spec: SpecReference(rfc: 8030, section: "5.2"), cardinality: .singleton,
                        valueSyntax: .single(.digits)),
        FieldDefinition("Urgency", spec: SpecReference(rfc: 8030, section: "5.3"), cardinality: .singleton,
                        direction: .request),
        FieldDefinition("Topic", spec: SpecReference(rfc: 8030, section: "5.4"), cardinality: .singleton,
                        direction: .request),

        // MARK: RFC 8555, ACME
        // `Replay-Nonce = 1*base64url`, `base64url = ALPHA / DIGIT / "-" / "_"`.
        FieldDefinition("Replay-Nonce", spec: SpecReference(rfc: 8555, section: "6.5.1"), cardinality: .singleton,
                        valueSyntax: .single(.base64url), direction: .response),

        // MARK: RFC 6455, The WebSocket Protocol
        FieldDefinition("Sec-WebSocket-Key", spec: SpecReference(rfc: 6455, section: "11.3.1"),
                        cardinality: .singleton, direction: .request, allowedInTrailers: false),
        // §4.3: `extension-list = 1#extension`, `extension = extension-token *( ";" extension-param )`,
        // `extension-param = token [ "=" (token | quoted-string) ]`.
        FieldDefinition("Sec-WebSocket-Extensions", spec: SpecReference(rfc: 6455, section: "11.3.2"),
                        cardinality: .list, valueSyntax: .list(.parameterizedToken(parameterValueRequired: false), atLeastOne: true),
                        allowedInTrailers: false),
        // `Sec-WebSocket-Accept = base64-value-non-empty`: the base64 of a 20-byte SHA-1 hash (§4.2.2).
        FieldDefinition("Sec-WebSocket-Accept", spec: SpecReference(rfc: 6455, section: "11.3.3"),
                        cardinality: .singleton, valueSyntax: .single(.base64(decodedLength: 20)), direction: .response,
                        allowedInTrailers: false),
        // A server answers with one: `Sec-WebSocket-Protocol-Server = token` (§4.3); clients send `1#token`.
        FieldDefinition("Sec-WebSocket-Protocol", spec: SpecReference(rfc: 6455, section: "11.3.4"),
                        cardinality: .list, valueSyntax: .single(.token), allowedInTrailers: false),
        // Once in a request; a 426 response may list several versions (`1#version`), each 0–255
        // without leading zeros (§4.3).
        FieldDefinition("Sec-WebSocket-Version", spec: SpecReference(rfc: 6455, section: "11.3.5"),
                        cardinality: .list, valueSyntax: .list(.webSocketVersion, atLeastOne: true), allowedInTrailers: false),

        // MARK: RFC 4918, WebDAV
        // `DAV = #( compliance-class )`, `compliance-class = "1" / "2" / "3" / Coded-URL / token`.
        FieldDefinition("DAV", spec: SpecReference(rfc: 4918, section: "10.1"), cardinality: .list,
                        valueSyntax: .list(.tokenOrCodedURL)),
        FieldDefinition("Depth", spec: SpecReference(rfc: 4918, section: "10.2"), cardinality: .singleton,
                        direction: .request, allowedInTrailers: false),
        FieldDefinition("Destination", spec: SpecReference(rfc: 4918, section: "10.3"), cardinality: .singleton,
                        direction: .request, allowedInTrailers: false),
        FieldDefinition("If", spec: SpecReference(rfc: 4918, section: "10.4"), cardinality: .singleton,
                        direction: .request, allowedInTrailers: false),
        // In LOCK responses and UNLOCK requests.
        // `Lock-Token = Coded-URL`, `Coded-URL = "<" absolute-URI ">"`.
        FieldDefinition("Lock-Token", spec: SpecReference(rfc: 4918, section: "10.5"), cardinality: .singleton,
                        valueSyntax: .single(.codedURL)),
        FieldDefinition("Overwrite", spec: SpecReference(rfc: 4918, section: "10.6"), cardinality: .singleton,
                        direction: .request, allowedInTrailers: false),
        FieldDefinition("Timeout", spec: SpecReference(rfc: 4918, section: "10.7"), cardinality: .list,
                        direction: .request),

        // MARK: RFC 2295, Transparent Content Negotiation
        // Apache httpd's mod_negotiation still sends TCN and Alternates.
        FieldDefinition("Alternates", spec: SpecReference(rfc: 2295, section: "8.3"), cardinality: .list,
                        direction: .response),
        FieldDefinition("Negotiate", spec: SpecReference(rfc: 2295, section: "8.4"), cardinality: .list,
                        direction: .request),
        // `TCN = #( response-type | server-side-override-directive | tcn-extension )`: tokens,
        // `tcn-extension = token [ "=" ( token | quoted-string ) ]`.
        FieldDefinition("TCN", spec: SpecReference(rfc: 2295, section: "8.5"), cardinality: .list,
                        valueSyntax: .list(.parameter(valueRequired: false)), direction: .response),

        // MARK: WHATWG Fetch
        FieldDefinition("Access-Control-Allow-Credentials",
                        reference: "https://fetch.spec.whatwg.org/#http-access-control-allow-credentials",
                        cardinality: .singleton, direction: .response),
        // Fetch §3.3.3: `#field-name` and `#method`.
        FieldDefinition("Access-Control-Allow-Headers",
                        reference: "https://fetch.spec.whatwg.org/#http-access-control-allow-headers",
                        cardinality: .list, valueSyntax: .list(.fieldName), direction: .response),
        FieldDefinition("Access-Control-Allow-Methods",
                        reference: "https://fetch.spec.whatwg.org/#http-access-control-allow-methods",
                        cardinality: .list, valueSyntax: .list(.method), direction: .response),
        FieldDefinition("Access-Control-Allow-Origin",
                        reference: "https://fetch.spec.whatwg.org/#http-access-control-allow-origin",
                        cardinality: .singleton, direction: .response),
        FieldDefinition("Access-Control-Expose-Headers",
                        reference: "https://fetch.spec.whatwg.org/#http-access-control-expose-headers",
                        cardinality: .list, valueSyntax: .list(.fieldName), direction: .response),
        FieldDefinition("Access-Control-Max-Age",
                        reference: "https://fetch.spec.whatwg.org/#http-access-control-max-age",
                        cardinality: .singleton, direction: .response),
        FieldDefinition("Access-Control-Request-Headers",
                        reference: "https://fetch.spec.whatwg.org/#http-access-control-request-headers",
                        cardinality: .list, direction: .request),
        FieldDefinition("Access-Control-Request-Method",
                        reference: "https://fetch.spec.whatwg.org/#http-access-control-request-method",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("Cross-Origin-Resource-Policy",
                        reference: "https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header",
                        cardinality: .singleton, direction: .response),
        // Fetch's ABNF is `X-Content-Type-Options = "nosniff"`.
        FieldDefinition("X-Content-Type-Options",
                        reference: "https://fetch.spec.whatwg.org/#x-content-type-options-header",
                        cardinality: .singleton, direction: .response),
        FieldDefinition("Sec-Purpose", reference: "https://fetch.spec.whatwg.org/#sec-purpose-header",
                        cardinality: .singleton, structuredType: .item, direction: .request),

        // MARK: WHATWG HTML
        FieldDefinition("Cross-Origin-Embedder-Policy",
                        reference: "https://html.spec.whatwg.org/multipage/browsers.html#the-coep-headers",
                        cardinality: .singleton, structuredType: .item, direction: .response),
        FieldDefinition("Cross-Origin-Embedder-Policy-Report-Only",
                        reference: "https://html.spec.whatwg.org/multipage/browsers.html#the-coep-headers",
                        cardinality: .singleton, structuredType: .item, direction: .response),
        FieldDefinition("Cross-Origin-Opener-Policy",
                        reference: "https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers",
                        cardinality: .singleton, structuredType: .item, direction: .response),
        FieldDefinition("Cross-Origin-Opener-Policy-Report-Only",
                        reference: "https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers",
                        cardinality: .singleton, structuredType: .item, direction: .response),
        // "a structured header whose value must be a boolean".
        FieldDefinition("Origin-Agent-Cluster",
                        reference: "https://html.spec.whatwg.org/multipage/browsers.html#origin-agent-cluster",
                        cardinality: .singleton, structuredType: .item,
                        valueSyntax: .structured(StructuredMembers(members: .boolean)), direction: .response),
        FieldDefinition("Refresh", reference: "https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-refresh-header",
                        cardinality: .singleton, direction: .response),
        // Registered with HTML as its reference. RFC 7034's ABNF is a single value, but HTML gets,
        // decodes and splits the field as a list, and ignores it only when the values disagree.
        FieldDefinition("X-Frame-Options",
                        reference: "https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header",
                        cardinality: .list, direction: .response),
        FieldDefinition("Last-Event-ID", reference: "https://html.spec.whatwg.org/multipage/server-sent-events.html#last-event-id",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("Ping-From", reference: "https://html.spec.whatwg.org/multipage/links.html#ping-from",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("Ping-To", reference: "https://html.spec.whatwg.org/multipage/links.html#ping-to",
                        cardinality: .singleton, direction: .request),

        // MARK: W3C and other non-RFC specifications in the registry
        FieldDefinition("Content-Security-Policy", reference: "https://www.w3.org/TR/CSP3/#csp-header",
                        cardinality: .list, direction: .response),
        FieldDefinition("Content-Security-Policy-Report-Only", reference: "https://www.w3.org/TR/CSP3/#cspro-header",
                        cardinality: .list, direction: .response),
        FieldDefinition("Referrer-Policy", reference: "https://www.w3.org/TR/referrer-policy/#referrer-policy-header",
                        cardinality: .list, direction: .response),
        FieldDefinition("Permissions-Policy", standing: .provisional,
                        reference: "https://www.w3.org/TR/permissions-policy/#permissions-policy-http-header-field",
                        cardinality: .list, structuredType: .dictionary, direction: .response),
        // `NEL = json-field-value`: "an array of JSON objects" without the brackets.
        FieldDefinition("NEL", reference: "https://www.w3.org/TR/network-error-logging/#nel-response-header",
                        cardinality: .list, valueSyntax: .single(.jsonObjects), direction: .response),
        // "The entry value MUST be a string", read as a URI-reference.
        FieldDefinition("Reporting-Endpoints", standing: .provisional,
                        reference: "https://www.w3.org/TR/reporting-1/#header",
                        cardinality: .list, structuredType: .dictionary,
                        valueSyntax: .structured(StructuredMembers(members: .string)), direction: .response),
        // The specification's example sends it in a trailer section.
        // `Server-Timing = #server-timing-metric`, `server-timing-metric = metric-name *( OWS ";" OWS
        // server-timing-param )`, `server-timing-param = token OWS "=" OWS ( token / quoted-string )`.
        FieldDefinition("Server-Timing", reference: "https://www.w3.org/TR/server-timing/#the-server-timing-header-field",
                        cardinality: .list, valueSyntax: .list(.parameterizedToken(parameterValueRequired: true)),
                        direction: .response, allowedInTrailers: true),
        // `Timing-Allow-Origin = 1#( origin-or-null / wildcard )`.
        FieldDefinition("Timing-Allow-Origin", standing: .provisional,
                        reference: "https://www.w3.org/TR/resource-timing/#sec-timing-allow-origin",
                        cardinality: .list, valueSyntax: .list(.originOrWildcard, atLeastOne: true), direction: .response),
        // `Clear-Site-Data = 1#( quoted-string )`: unquoted types are ignored.
        FieldDefinition("Clear-Site-Data", reference: "https://www.w3.org/TR/clear-site-data/#header",
                        cardinality: .list, valueSyntax: .list(.quotedString, atLeastOne: true), direction: .response),
        // `Accept-Post = "Accept-Post" ":" # media-range`.
        FieldDefinition("Accept-Post", reference: "https://www.w3.org/TR/ldp/#header-accept-post",
                        cardinality: .list, valueSyntax: .list(.mediaType), direction: .response),
        FieldDefinition("Traceparent", reference: "https://www.w3.org/TR/trace-context/#traceparent-header",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("Tracestate", reference: "https://www.w3.org/TR/trace-context/#tracestate-header",
                        cardinality: .list, direction: .request),
        FieldDefinition("Sec-GPC", standing: .provisional, reference: "https://w3c.github.io/gpc/",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("Activate-Storage-Access", standing: .provisional,
                        reference: "https://privacycg.github.io/storage-access-headers/",
                        cardinality: .singleton, structuredType: .item, direction: .response),
        FieldDefinition("Sec-Fetch-Storage-Access", standing: .provisional,
                        reference: "https://privacycg.github.io/storage-access-headers/",
                        cardinality: .singleton, structuredType: .item, direction: .request),
        FieldDefinition("Surrogate-Control", standing: .provisional,
                        reference: "https://www.w3.org/TR/edge-arch/ (Edge Architecture Specification)",
                        cardinality: .list, direction: .response),
        FieldDefinition("Surrogate-Capability", standing: .provisional,
                        reference: "https://www.w3.org/TR/edge-arch/ (Edge Architecture Specification)",
                        cardinality: .list, direction: .request),
        FieldDefinition("SoapAction", reference: "https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383528",
                        cardinality: .singleton, direction: .request),
        // §2.2.2: `p3p-header-field *( "," p3p-header-field )`, each `policyref="URI"`, `CP="…"` or
        // `extension-field = token [ "=" ( token | quoted-string ) ]`.
        FieldDefinition("P3P", standing: .obsoleted, reference: "https://www.w3.org/TR/P3P/",
                        cardinality: .list, valueSyntax: .list(.parameter(valueRequired: false), atLeastOne: true),
                        direction: .response,
                        replacement: "nothing: no browser reads P3P policies any more"),

        // MARK: Not registered: security fields
        // Subresource Integrity: "a Dictionary, with every member-value being an inner list of
        // tokens"; the specification asks for no registration.
        FieldDefinition("Integrity-Policy", standing: .unregistered,
                        reference: "https://w3c.github.io/webappsec-subresource-integrity/#integrity-policy-section",
                        cardinality: .list, structuredType: .dictionary,
                        valueSyntax: .structured(StructuredMembers(members: .innerList(.token))), direction: .response),
        FieldDefinition("Integrity-Policy-Report-Only", standing: .unregistered,
                        reference: "https://w3c.github.io/webappsec-subresource-integrity/#integrity-policy-section",
                        cardinality: .list, structuredType: .dictionary,
                        valueSyntax: .structured(StructuredMembers(members: .innerList(.token))), direction: .response),
        FieldDefinition("X-XSS-Protection", standing: .unregistered,
                        reference: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-XSS-Protection",
                        cardinality: .singleton, direction: .response, replacement: "Content-Security-Policy"),
        FieldDefinition("X-Content-Security-Policy", standing: .unregistered,
                        reference: "Prefixed CSP 1.0 of Firefox 4-22 and Internet Explorer 10-11",
                        cardinality: .list, direction: .response, replacement: "Content-Security-Policy"),
        FieldDefinition("X-WebKit-CSP", standing: .unregistered, reference: "Prefixed CSP 1.0 of Chrome 14-24 and Safari 6",
                        cardinality: .list, direction: .response, replacement: "Content-Security-Policy"),
        // The specification's meta-policies, with none-this-response for the header only.
        FieldDefinition("X-Permitted-Cross-Domain-Policies", standing: .unregistered,
                        reference: "Adobe Cross-Domain Policy File Specification",
                        cardinality: .singleton,
                        valueSyntax: .single(.keyword(["none", "master-only", "by-content-type", "by-ftp-filename", "all",
                                                       "none-this-response"])),
                        direction: .response),
        FieldDefinition("X-Download-Options", standing: .unregistered,
                        reference: "Internet Explorer 8 (noopen)", cardinality: .singleton,
                        valueSyntax: .single(.keyword(["noopen"])), direction: .response,
                        replacement: "nothing: only Internet Explorer read it"),
        FieldDefinition("X-DNS-Prefetch-Control", standing: .unregistered,
                        reference: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-DNS-Prefetch-Control",
                        cardinality: .singleton, valueSyntax: .single(.keyword(["on", "off"])), direction: .response),
        FieldDefinition("Feature-Policy", standing: .unregistered, reference: "https://w3c.github.io/webappsec-feature-policy/",
                        cardinality: .list, direction: .response, replacement: "Permissions-Policy"),
        // Reporting API v0, replaced in the Reporting API by Reporting-Endpoints.
        // `Report-To = json-field-value`, each member a JSON object (an endpoint group).
        FieldDefinition("Report-To", standing: .unregistered,
                        reference: "https://www.w3.org/TR/2018/WD-reporting-1-20180925/#header",
                        cardinality: .list, valueSyntax: .single(.jsonObjects), direction: .response,
                        replacement: "Reporting-Endpoints"),
        FieldDefinition("Upgrade-Insecure-Requests", standing: .unregistered,
                        reference: "https://www.w3.org/TR/upgrade-insecure-requests/#preference",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("DNT", standing: .unregistered, reference: "https://www.w3.org/TR/tracking-dnt/#dnt-header-field",
                        cardinality: .singleton, direction: .request, replacement: "Sec-GPC"),
        // Fetch Metadata asks for registration; the registry does not list them.
        FieldDefinition("Sec-Fetch-Dest", standing: .unregistered,
                        reference: "https://www.w3.org/TR/fetch-metadata/#sec-fetch-dest-header",
                        cardinality: .singleton, structuredType: .item, direction: .request),
        FieldDefinition("Sec-Fetch-Mode", standing: .unregistered,
                        reference: "https://www.w3.org/TR/fetch-metadata/#sec-fetch-mode-header",
                        cardinality: .singleton, structuredType: .item, direction: .request),
        FieldDefinition("Sec-Fetch-Site", standing: .unregistered,
                        reference: "https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header",
                        cardinality: .singleton, structuredType: .item, direction: .request),
        FieldDefinition("Sec-Fetch-User", standing: .unregistered,
                        reference: "https://www.w3.org/TR/fetch-metadata/#sec-fetch-user-header",
                        cardinality: .singleton, structuredType: .item, direction: .request),

        // MARK: Not registered: client hints, service workers, source maps
        FieldDefinition("Sec-CH-UA", standing: .unregistered, reference: "https://wicg.github.io/ua-client-hints/#sec-ch-ua",
                        cardinality: .list, structuredType: .list, direction: .request),
        FieldDefinition("Sec-CH-UA-Mobile", standing: .unregistered,
                        reference: "https://wicg.github.io/ua-client-hints/#sec-ch-ua-mobile",
                        cardinality: .singleton, structuredType: .item, direction: .request),
        FieldDefinition("Sec-CH-UA-Platform", standing: .unregistered,
                        reference: "https://wicg.github.io/ua-client-hints/#sec-ch-ua-platform",
                        cardinality: .singleton, structuredType: .item, direction: .request),
        // Like Accept-CH: a List of Tokens.
        FieldDefinition("Critical-CH", standing: .unregistered,
                        reference: "https://wicg.github.io/client-hints-infrastructure/#critical-ch",
                        cardinality: .list, structuredType: .list,
                        valueSyntax: .structured(StructuredMembers(members: .token)), direction: .response),
        // A List of Strings, each a URL of a rule set.
        // "if present its value must be one or more of the tokens" credentialed-prerender, prerender-cross-origin-frames….
        FieldDefinition("Supports-Loading-Mode", standing: .unregistered,
                        reference: "https://wicg.github.io/nav-speculation/prerendering.html#supports-loading-mode",
                        cardinality: .list, structuredType: .list,
                        valueSyntax: .structured(StructuredMembers(members: .token)), direction: .response),
        FieldDefinition("Speculation-Rules", standing: .unregistered,
                        reference: "https://wicg.github.io/nav-speculation/speculation-rules.html#speculation-rules-header",
                        cardinality: .list, structuredType: .list,
                        valueSyntax: .structured(StructuredMembers(members: .string)), direction: .response),
        FieldDefinition("Service-Worker", standing: .unregistered,
                        reference: "https://w3c.github.io/ServiceWorker/#service-worker",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("Service-Worker-Allowed", standing: .unregistered,
                        reference: "https://w3c.github.io/ServiceWorker/#service-worker-allowed",
                        cardinality: .singleton, direction: .response),
        FieldDefinition("SourceMap", standing: .unregistered, reference: "https://tc39.es/ecma426/#sec-linking-http-header",
                        cardinality: .singleton, direction: .response),
        FieldDefinition("X-SourceMap", standing: .unregistered, reference: "Source Map Revision 3 (before ECMA-426)",
                        cardinality: .singleton, direction: .response, replacement: "SourceMap"),

        // MARK: Not registered: proxies, caches and CDNs
        // The de facto predecessor of Forwarded (RFC 7239).
        FieldDefinition("X-Forwarded-For", standing: .unregistered,
                        reference: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Forwarded-For",
                        cardinality: .list, direction: .request),
        FieldDefinition("X-Forwarded-Host", standing: .unregistered,
                        reference: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Forwarded-Host",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("X-Forwarded-Proto", standing: .unregistered,
                        reference: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Forwarded-Proto",
                        cardinality: .singleton, direction: .request),
        FieldDefinition("X-Real-IP", standing: .unregistered,
                        reference: "https://nginx.org/en/docs/http/ngx_http_realip_module.html",
                        cardinality: .singleton, direction: .request),
        // Squid, Varnish and CDNs; Cache-Status (RFC 9211) standardises the idea.
        FieldDefinition("X-Cache", standing: .unregistered, reference: "Squid, Varnish and CDNs (no specification)",
                        cardinality: .list, direction: .response),
        FieldDefinition("X-Request-ID", standing: .unregistered,
                        reference: "Heroku, nginx ($request_id) and many frameworks (no specification)",
                        cardinality: .singleton),
        // Space-separated keys: lines cannot be joined with commas.
        FieldDefinition("Surrogate-Key", standing: .unregistered,
                        reference: "https://www.fastly.com/documentation/reference/http/http-headers/Surrogate-Key/",
                        cardinality: .singleton, direction: .response),

        // MARK: Not registered: servers and frameworks
        // PHP, ASP.NET and Express each add one; several lines are common.
        FieldDefinition("X-Powered-By", standing: .unregistered, reference: "PHP, ASP.NET, Express and others (no specification)",
                        cardinality: .list, direction: .response),
        FieldDefinition("X-AspNet-Version", standing: .unregistered,
                        reference: "ASP.NET (httpRuntime enableVersionHeader)", cardinality: .singleton,
                        direction: .response),
        FieldDefinition("X-AspNetMvc-Version", standing: .unregistered,
                        reference: "ASP.NET MVC (MvcHandler.DisableMvcResponseHeader)", cardinality: .singleton,
                        direction: .response),
        FieldDefinition("X-UA-Compatible", standing: .unregistered,
                        reference: "https://learn.microsoft.com/en-us/openspecs/ie_standards/ms-iedoco/380e2488-f5eb-4457-a07a-0cb1b6e4b4b5",
                        cardinality: .singleton, direction: .response,
                        replacement: "nothing: document modes went away with Internet Explorer"),
        FieldDefinition("X-Robots-Tag", standing: .unregistered,
                        reference: "https://developers.google.com/search/docs/crawling-indexing/robots-meta-tag#xrobotstag",
                        cardinality: .list, direction: .response),
    ]
}
