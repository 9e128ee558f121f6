// The status codes httplint knows: every code of the IANA HTTP Status Code Registry, with the
// section of its defining RFC, plus the unofficial and vendor codes met in the wild.
// Data only; the type and its look-ups are in `StatusCode.swift`.
//
// requiredFields: a MUST in the code's definition. recommendedFields: a SHOULD, or what the
// response needs to be useful. cacheableByDefault: RFC 9110 §15.1's heuristically cacheable
// list plus 451 (RFC 7725 §3).

extension StatusCode {
    static let entries: [StatusCode] = [
        // MARK: 1xx
        StatusCode(code: 100, registration: .init("Continue", spec: .rfc9110("15.2.1")),
                   contentAllowed: false, needsRequest: true),
        StatusCode(code: 101, registration: .init("Switching Protocols", spec: .rfc9110("15.2.2")),
                   requiredFields: ["Upgrade"], contentAllowed: false, needsRequest: true),
        // Registered by RFC 2518 §10.1 (WebDAV); RFC 4918 dropped it, the registry still lists it.
        StatusCode(code: 102, registration: .init("Processing", spec: SpecReference(rfc: 2518, section: "10.1")),
                   contentAllowed: false),
        // Before Early Hints, Google Gears' resumable-upload proposal used 103 (Spring's HttpStatus.CHECKPOINT).
        StatusCode(code: 103, registration: .init("Early Hints", spec: SpecReference(rfc: 8297, section: "2")),
                   unofficialUses: [
                       .init(vendor: "Google Gears", phrase: "Checkpoint",
                             meaning: "Resumable HTTP requests proposal: the server checkpoints an interrupted PUT or POST so the client can resume it.",
                             reference: "http://code.google.com/p/gears/wiki/ResumableHttpRequestsProposal"),
                   ],
                   contentAllowed: false),

        // MARK: 2xx
        StatusCode(code: 200, registration: .init("OK", spec: .rfc9110("15.3.1")), cacheableByDefault: true),
        StatusCode(code: 201, registration: .init("Created", spec: .rfc9110("15.3.2")), recommendedFields: ["Location"]),
        StatusCode(code: 202, registration: .init("Accepted", spec: .rfc9110("15.3.3"))),
        StatusCode(code: 203, registration: .init("Non-Authoritative Information", spec: .rfc9110("15.3.4")),
                   cacheableByDefault: true),
        StatusCode(code: 204, registration: .init("No Content", spec: .rfc9110("15.3.5")),
                   contentAllowed: false, cacheableByDefault: true),
        StatusCode(code: 205, registration: .init("Reset Content", spec: .rfc9110("15.3.6")), contentAllowed: false),
        // Content-Range is required for a single part (§15.3.7.1); multipart/byteranges carries it per part.
        StatusCode(code: 206, registration: .init("Partial Content", spec: .rfc9110("15.3.7")),
                   recommendedFields: ["Content-Range"], cacheableByDefault: true, needsRequest: true),
        StatusCode(code: 207, registration: .init("Multi-Status", spec: SpecReference(rfc: 4918, section: "11.1"))),
        StatusCode(code: 208, registration: .init("Already Reported", spec: SpecReference(rfc: 5842, section: "7.1"))),
        // Not sent by Apache httpd itself; a convention with no vendor documentation.
        StatusCode(code: 218, registration: nil, unofficialUses: [
            .init(vendor: "Apache HTTP Server", phrase: "This is fine",
                  meaning: "Catch-all used with ProxyErrorOverride so that an error body can pass through in place of a 4xx or 5xx page.",
                  reference: "Wikipedia, List of HTTP status codes (no Apache documentation found)"),
        ]),
        StatusCode(code: 226, registration: .init("IM Used", spec: SpecReference(rfc: 3229, section: "10.4.1"))),

        // MARK: 3xx
        StatusCode(code: 300, registration: .init("Multiple Choices", spec: .rfc9110("15.4.1")), cacheableByDefault: true),
        StatusCode(code: 301, registration: .init("Moved Permanently", spec: .rfc9110("15.4.2")),
                   recommendedFields: ["Location"], cacheableByDefault: true),
        StatusCode(code: 302, registration: .init("Found", spec: .rfc9110("15.4.3")), recommendedFields: ["Location"]),
        StatusCode(code: 303, registration: .init("See Other", spec: .rfc9110("15.4.4")), recommendedFields: ["Location"]),
        // Must carry the fields a 200 would have had (§15.4.5); Date and ETag are the ones to expect.
        StatusCode(code: 304, registration: .init("Not Modified", spec: .rfc9110("15.4.5")),
                   recommendedFields: ["Date", "ETag"], contentAllowed: false, needsRequest: true),
        StatusCode(code: 305, registration: .init("Use Proxy", spec: .rfc9110("15.4.6"), standing: .deprecated)),
        StatusCode(code: 306, registration: .init("(Unused)", spec: .rfc9110("15.4.7"), standing: .reserved)),
        StatusCode(code: 307, registration: .init("Temporary Redirect", spec: .rfc9110("15.4.8")),
                   recommendedFields: ["Location"]),
        // Google's resumable uploads answer an unfinished upload with 308 and a Range field, no Location.
        StatusCode(code: 308, registration: .init("Permanent Redirect", spec: .rfc9110("15.4.9")),
                   unofficialUses: [
                       .init(vendor: "Google", phrase: "Resume Incomplete",
                             meaning: "Resumable upload protocol (Cloud Storage, Drive, YouTube): the upload is incomplete; Range tells how much was received.",
                             reference: "https://cloud.google.com/storage/docs/performing-resumable-uploads"),
                   ],
                   recommendedFields: ["Location"], cacheableByDefault: true),

        // MARK: 4xx
        StatusCode(code: 400, registration: .init("Bad Request", spec: .rfc9110("15.5.1"))),
        StatusCode(code: 401, registration: .init("Unauthorized", spec: .rfc9110("15.5.2")),
                   requiredFields: ["WWW-Authenticate"]),
        StatusCode(code: 402, registration: .init("Payment Required", spec: .rfc9110("15.5.3"))),
        StatusCode(code: 403, registration: .init("Forbidden", spec: .rfc9110("15.5.4"))),
        StatusCode(code: 404, registration: .init("Not Found", spec: .rfc9110("15.5.5")), cacheableByDefault: true),
        StatusCode(code: 405, registration: .init("Method Not Allowed", spec: .rfc9110("15.5.6")),
                   requiredFields: ["Allow"], cacheableByDefault: true),
        StatusCode(code: 406, registration: .init("Not Acceptable", spec: .rfc9110("15.5.7"))),
        StatusCode(code: 407, registration: .init("Proxy Authentication Required", spec: .rfc9110("15.5.8")),
                   requiredFields: ["Proxy-Authenticate"]),
        StatusCode(code: 408, registration: .init("Request Timeout", spec: .rfc9110("15.5.9"))),
        StatusCode(code: 409, registration: .init("Conflict", spec: .rfc9110("15.5.10"))),
        StatusCode(code: 410, registration: .init("Gone", spec: .rfc9110("15.5.11")), cacheableByDefault: true),
        StatusCode(code: 411, registration: .init("Length Required", spec: .rfc9110("15.5.12"))),
        StatusCode(code: 412, registration: .init("Precondition Failed", spec: .rfc9110("15.5.13")), needsRequest: true),
        StatusCode(code: 413, registration: .init("Content Too Large", spec: .rfc9110("15.5.14"),
                                                  formerPhrases: ["Payload Too Large", "Request Entity Too Large"])),
        StatusCode(code: 414, registration: .init("URI Too Long", spec: .rfc9110("15.5.15"),
                                                  formerPhrases: ["Request-URI Too Long"]),
                   cacheableByDefault: true),
        StatusCode(code: 415, registration: .init("Unsupported Media Type", spec: .rfc9110("15.5.16"))),
        StatusCode(code: 416, registration: .init("Range Not Satisfiable", spec: .rfc9110("15.5.17"),
                                                  formerPhrases: ["Requested Range Not Satisfiable"]),
                   recommendedFields: ["Content-Range"], needsRequest: true),
        StatusCode(code: 417, registration: .init("Expectation Failed", spec: .rfc9110("15.5.18")), needsRequest: true),
        // Reserved by RFC 9110; "I'm a teapot" was never registered, so it is an unofficial use, not a former phrase.
        StatusCode(code: 418, registration: .init("(Unused)", spec: .rfc9110("15.5.19"), standing: .reserved),
                   unofficialUses: [
                       .init(vendor: "HTCPCP", phrase: "I'm a teapot",
                             meaning: "April Fools' coffee-pot protocol: the pot asked to brew coffee is a teapot; kept alive as an easter egg.",
                             reference: "RFC 2324 §2.3.2; RFC 7168 §2.3.3"),
                   ]),
        // 420: an early WebDAV draft's code, kept by Spring; and Twitter's old rate-limit answer.
        StatusCode(code: 420, registration: nil, unofficialUses: [
            .init(vendor: "Spring Framework", phrase: "Method Failure",
                  meaning: "From draft-ietf-webdav-protocol-05: a failure in one part of a method stopped the whole method (deprecated HttpStatus.METHOD_FAILURE).",
                  reference: "Spring Framework HttpStatus.METHOD_FAILURE (deprecated)"),
            .init(vendor: "Twitter", phrase: "Enhance Your Calm",
                  meaning: "The client is being rate limited (Search and Streaming API v1); replaced by 429 in API v1.1.",
                  reference: "Twitter API v1 response codes (retired)"),
        ]),
        StatusCode(code: 421, registration: .init("Misdirected Request", spec: .rfc9110("15.5.20"))),
        StatusCode(code: 422, registration: .init("Unprocessable Content", spec: .rfc9110("15.5.21"),
                                                  formerPhrases: ["Unprocessable Entity"])),
        StatusCode(code: 423, registration: .init("Locked", spec: SpecReference(rfc: 4918, section: "11.3"))),
        StatusCode(code: 424, registration: .init("Failed Dependency", spec: SpecReference(rfc: 4918, section: "11.4"))),
        StatusCode(code: 425, registration: .init("Too Early", spec: SpecReference(rfc: 8470, section: "5.2"))),
        StatusCode(code: 426, registration: .init("Upgrade Required", spec: .rfc9110("15.5.22")),
                   requiredFields: ["Upgrade"]),
        StatusCode(code: 428, registration: .init("Precondition Required", spec: SpecReference(rfc: 6585, section: "3"))),
        StatusCode(code: 429, registration: .init("Too Many Requests", spec: SpecReference(rfc: 6585, section: "4")),
                   recommendedFields: ["Retry-After"]),
        // Shopify: once a rate-limit code (the name 431 had in RFC 6585's drafts), now a security rejection.
        StatusCode(code: 430, registration: nil, unofficialUses: [
            .init(vendor: "Shopify", phrase: "Request Header Fields Too Large",
                  meaning: "Former use in place of 429: too many URLs requested within a time frame.",
                  reference: "https://shopify.dev/docs/api/usage/response-codes"),
            .init(vendor: "Shopify", phrase: "Shopify Security Rejection",
                  meaning: "The request was judged malicious and rejected by Shopify's security layer.",
                  reference: "https://shopify.dev/docs/api/usage/response-codes"),
        ]),
        StatusCode(code: 431, registration: .init("Request Header Fields Too Large",
                                                  spec: SpecReference(rfc: 6585, section: "5"))),
        // Microsoft IIS / Outlook Web Access.
        StatusCode(code: 440, registration: nil, unofficialUses: [
            .init(vendor: "Microsoft IIS", phrase: "Login Time-out",
                  meaning: "The client's session has expired and it must log in again (Outlook Web Access on IIS).",
                  reference: "https://technet.microsoft.com/en-us/library/dd789741(v=EXCHG.80).aspx"),
        ]),
        // nginx: code 444 makes nginx close the connection without sending a response; it only reaches the access log.
        StatusCode(code: 444, registration: nil, unofficialUses: [
            .init(vendor: "nginx", phrase: "No Response",
                  meaning: "`return 444` closes the connection without sending anything; the code only appears in the access log.",
                  reference: "https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return (NGX_HTTP_CLOSE, ngx_http_request.h)",
                  isLogOnly: true),
        ]),
        // Microsoft: [MS-WDV] (WebDAV extensions) and Exchange ActiveSync. [MS-WDV]'s ABNF misspells the phrase "Reply With".
        StatusCode(code: 449, registration: nil, unofficialUses: [
            .init(vendor: "Microsoft IIS", phrase: "Retry With",
                  meaning: "WebDAV extensions: the client gave too little information; it must repeat the request with Ms-Echo-Reply (the response carries Ms-Echo-Request).",
                  reference: "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-wdv/83ecf19f-e0f8-4706-aae5-ba618f52f100"),
            .init(vendor: "Microsoft IIS", phrase: "Retry With",
                  meaning: "Exchange ActiveSync: the device must send a Provision command (apply the current policy) before retrying.",
                  reference: "https://learn.microsoft.com/en-us/archive/blogs/openspecification/exchange-activesync-provisioning"),
        ]),
        // Windows Vista/7 Parental Controls web filter; no Microsoft documentation of the code was found.
        StatusCode(code: 450, registration: nil, unofficialUses: [
            .init(vendor: "Microsoft", phrase: "Blocked by Windows Parental Controls",
                  meaning: "Windows Parental Controls are on and block the requested page.",
                  reference: "Wikipedia, List of HTTP status codes (no Microsoft documentation found)"),
        ]),
        // Exchange ActiveSync reuses 451 for a redirect to another server, given in X-MS-Location.
        StatusCode(code: 451, registration: .init("Unavailable For Legal Reasons", spec: SpecReference(rfc: 7725, section: "3")),
                   unofficialUses: [
                       .init(vendor: "Microsoft IIS", phrase: "Redirect",
                             meaning: "Exchange ActiveSync: a better server can reach the user's mailbox; its URL is in X-MS-Location.",
                             reference: "https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-ashttp/a907164a-907c-48b4-b2ef-44a06867f03f"),
                   ],
                   cacheableByDefault: true),
        // nginx's own 49x codes (ngx_http_request.h). 494-497 exist only for error_page: nginx sends and logs them as 400.
        StatusCode(code: 494, registration: nil, unofficialUses: [
            .init(vendor: "nginx", phrase: "Request header too large",
                  meaning: "Request line or header exceeded large_client_header_buffers; internal code for error_page, sent and logged as 400 \"Request Header Or Cookie Too Large\".",
                  reference: "https://nginx.org/en/docs/http/ngx_http_core_module.html#large_client_header_buffers (ngx_http_special_response.c)",
                  isLogOnly: true),
        ]),
        StatusCode(code: 495, registration: nil, unofficialUses: [
            .init(vendor: "nginx", phrase: "SSL Certificate Error",
                  meaning: "Client certificate verification failed; internal code for error_page, sent and logged as 400 \"The SSL certificate error\".",
                  reference: "https://nginx.org/en/docs/http/ngx_http_ssl_module.html#errors",
                  isLogOnly: true),
        ]),
        StatusCode(code: 496, registration: nil, unofficialUses: [
            .init(vendor: "nginx", phrase: "SSL Certificate Required",
                  meaning: "A required client certificate was not presented; internal code for error_page, sent and logged as 400 \"No required SSL certificate was sent\".",
                  reference: "https://nginx.org/en/docs/http/ngx_http_ssl_module.html#errors",
                  isLogOnly: true),
        ]),
        StatusCode(code: 497, registration: nil, unofficialUses: [
            .init(vendor: "nginx", phrase: "HTTP Request Sent to HTTPS Port",
                  meaning: "A plain HTTP request reached an HTTPS port; internal code for error_page, sent and logged as 400 \"The plain HTTP request was sent to HTTPS port\".",
                  reference: "https://nginx.org/en/docs/http/ngx_http_ssl_module.html#errors",
                  isLogOnly: true),
        ]),
        // Esri ArcGIS token errors, usually inside the JSON error object (often with HTTP 200) rather than on the status line.
        StatusCode(code: 498, registration: nil, unofficialUses: [
            .init(vendor: "Esri ArcGIS", phrase: "Invalid Token",
                  meaning: "The token is expired or otherwise invalid.",
                  reference: "ArcGIS REST API, token-based authentication error codes"),
        ]),
        StatusCode(code: 499, registration: nil, unofficialUses: [
            .init(vendor: "Esri ArcGIS", phrase: "Token Required",
                  meaning: "The resource is secured and the request carried no token.",
                  reference: "ArcGIS REST API, token-based authentication error codes"),
            .init(vendor: "nginx", phrase: "Client Closed Request",
                  meaning: "The client closed the connection before nginx sent the response; logged, never sent.",
                  reference: "nginx src/http/ngx_http_request.h (NGX_HTTP_CLIENT_CLOSED_REQUEST)",
                  isLogOnly: true),
        ]),

        // MARK: 5xx
        StatusCode(code: 500, registration: .init("Internal Server Error", spec: .rfc9110("15.6.1"))),
        StatusCode(code: 501, registration: .init("Not Implemented", spec: .rfc9110("15.6.2")), cacheableByDefault: true),
        StatusCode(code: 502, registration: .init("Bad Gateway", spec: .rfc9110("15.6.3"))),
        StatusCode(code: 503, registration: .init("Service Unavailable", spec: .rfc9110("15.6.4")),
                   recommendedFields: ["Retry-After"]),
        StatusCode(code: 504, registration: .init("Gateway Timeout", spec: .rfc9110("15.6.5"))),
        StatusCode(code: 505, registration: .init("HTTP Version Not Supported", spec: .rfc9110("15.6.6"))),
        StatusCode(code: 506, registration: .init("Variant Also Negotiates", spec: SpecReference(rfc: 2295, section: "8.1"))),
        StatusCode(code: 507, registration: .init("Insufficient Storage", spec: SpecReference(rfc: 4918, section: "11.5"))),
        StatusCode(code: 508, registration: .init("Loop Detected", spec: SpecReference(rfc: 5842, section: "7.2"))),
        // Shared hosting; not in Apache httpd itself.
        StatusCode(code: 509, registration: nil, unofficialUses: [
            .init(vendor: "Apache HTTP Server / cPanel", phrase: "Bandwidth Limit Exceeded",
                  meaning: "The site exceeded the bandwidth its hosting account allows.",
                  reference: "cPanel bandwidth limit; Apache bandwidth modules (no specification)"),
        ]),
        // The registry marks 510 OBSOLETED (RFC 2774 moved to Historic); the type has no such standing, so: deprecated.
        StatusCode(code: 510, registration: .init("Not Extended", spec: SpecReference(rfc: 2774, section: "7"),
                                                  standing: .deprecated)),
        StatusCode(code: 511, registration: .init("Network Authentication Required",
                                                  spec: SpecReference(rfc: 6585, section: "6"))),
        // Cloudflare, between the visitor and the origin.
        StatusCode(code: 520, registration: nil, unofficialUses: [
            .init(vendor: "Cloudflare", phrase: "Web Server Returned an Unknown Error",
                  meaning: "The origin returned an empty, unknown or unexpected response.",
                  reference: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-520/"),
        ]),
        StatusCode(code: 521, registration: nil, unofficialUses: [
            .init(vendor: "Cloudflare", phrase: "Web Server Is Down",
                  meaning: "The origin refused the connection.",
                  reference: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-521/"),
        ]),
        StatusCode(code: 522, registration: nil, unofficialUses: [
            .init(vendor: "Cloudflare", phrase: "Connection Timed Out",
                  meaning: "The TCP connection to the origin timed out.",
                  reference: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/"),
        ]),
        StatusCode(code: 523, registration: nil, unofficialUses: [
            .init(vendor: "Cloudflare", phrase: "Origin Is Unreachable",
                  meaning: "Cloudflare could not reach the origin (bad DNS record or routing).",
                  reference: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-523/"),
        ]),
        StatusCode(code: 524, registration: nil, unofficialUses: [
            .init(vendor: "Cloudflare", phrase: "A Timeout Occurred",
                  meaning: "The origin accepted the connection but did not answer in time.",
                  reference: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524/"),
        ]),
        StatusCode(code: 525, registration: nil, unofficialUses: [
            .init(vendor: "Cloudflare", phrase: "SSL Handshake Failed",
                  meaning: "The TLS handshake with the origin failed.",
                  reference: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-525/"),
        ]),
        StatusCode(code: 526, registration: nil, unofficialUses: [
            .init(vendor: "Cloudflare", phrase: "Invalid SSL Certificate",
                  meaning: "The origin's certificate could not be validated (Full (strict) SSL mode).",
                  reference: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-526/"),
        ]),
        StatusCode(code: 527, registration: nil, unofficialUses: [
            .init(vendor: "Cloudflare", phrase: "Railgun Error",
                  meaning: "The Railgun listener could not reach the origin (\"Railgun Listener to Origin\"); Railgun is a discontinued product.",
                  reference: "Cloudflare Railgun documentation (product discontinued)"),
        ]),
        StatusCode(code: 529, registration: nil, unofficialUses: [
            .init(vendor: "Qualys SSL Labs", phrase: "Site is overloaded",
                  meaning: "The SSL Labs assessment API is overloaded; the client should back off for a randomized while.",
                  reference: "https://github.com/ssllabs/ssllabs-scan/blob/master/ssllabs-api-docs-v3.md"),
        ]),
        StatusCode(code: 530, registration: nil, unofficialUses: [
            .init(vendor: "Pantheon", phrase: "Site Frozen",
                  meaning: "An inactive sandbox site was frozen; every request gets 530 until it is unfrozen.",
                  reference: "Pantheon docs, Platform Considerations: Inactive Site Freezing"),
            .init(vendor: "Cloudflare", phrase: "Origin DNS Error",
                  meaning: "Cloudflare cannot resolve the origin hostname; the body carries a 1xxx error page.",
                  reference: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-530/"),
        ]),
        // 598/599: an informal convention of some proxies, with no specification behind it.
        StatusCode(code: 598, registration: nil, unofficialUses: [
            .init(vendor: "HTTP proxies (informal)", phrase: "Network read timeout error",
                  meaning: "The proxy timed out reading from the server behind it.",
                  reference: "Informal convention, no specification (Wikipedia, List of HTTP status codes)"),
        ]),
        StatusCode(code: 599, registration: nil, unofficialUses: [
            .init(vendor: "HTTP proxies (informal)", phrase: "Network connect timeout error",
                  meaning: "The proxy timed out connecting to the server behind it.",
                  reference: "Informal convention, no specification (Wikipedia, List of HTTP status codes)"),
            .init(vendor: "Tornado", phrase: "Timeout",
                  meaning: "Tornado's HTTP client reports 599 to the application when no response arrived (timeout, connection error); a server never sends it.",
                  reference: "https://www.tornadoweb.org/en/stable/httpclient.html#tornado.httpclient.HTTPClientError",
                  isLogOnly: true),
        ]),
    ]
}
