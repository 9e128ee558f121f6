import HTTPLint

/// What the command line asks for.
enum Command: Equatable {
    case lint(LintOptions)
    /// `httplint probe URL`: request a live server and lint its answers.
    case probe(ProbeOptions)
    case listRules(RuleListing)
    case explain(String)
    case help
    case version
}

struct LintOptions: Equatable {
    var inputs: [String] = []
    var requestPath: String?
    var format: OutputFormat = .text
    /// Extra reports written to files: `--output FORMAT=PATH`.
    var outputs: [FileOutput] = []
    /// `nil`: the profile's own threshold.
    var failOn: Severity?
    /// Findings never make the exit status 1 (`--fail-on never`, `--exit-zero`).
    var exitZero = false
    /// The name standard input is reported by (`--stdin-filename`); `nil`: `-`.
    var standardInputName: String?
    /// `nil`: the configuration file's, or `recommended`.
    var profile: Linter.Profile?
    /// `.httplint.json` to use; found from the current directory when `nil`.
    var configPath: String?
    var noConfig = false
    var baselinePath: String?
    var writeBaselinePath: String?
    var ignoredRules: [String] = []
    /// `nil`: colour when standard output is a terminal and NO_COLOR is not set.
    var color: Bool?
    /// The kind of every input; detected per input when `nil`.
    var inputKind: InputKind?
    /// For packet captures: the TCP ports whose connections are read (all when empty).
    var ports: Set<Int> = []
    /// Bounds on each input (`--max-…`).
    var limits = ParserLimits.default
    /// Inputs linted at the same time.
    var jobs = 1
    /// Print only error findings and input errors.
    var quiet = false
    /// Print the number of findings per rule.
    var statistics = false
    /// Raw inputs larger than this are read and linted a window of this size at a time.
    var streamThreshold = 1 << 20
}

/// What `httplint probe` sends, and how its findings are reported (the output options of a
/// lint; its one input is the URL).
struct ProbeOptions: Equatable {
    var url: String
    var method = "GET"
    var headers: [String] = []
    var data: String?
    var robustness = false
    var rate = 20.0
    var timeout = 3.0
    var saveDirectory: String?
    var output: LintOptions
}

/// How `httplint rules` prints the catalogue.
enum RuleListing: Equatable {
    /// One line per rule.
    case plain
    /// The README's Markdown table.
    case table
    /// The full Markdown documentation page, `Rules/README.md`.
    case docs
}

/// A report written to a file as well as the one on standard output.
struct FileOutput: Equatable {
    var format: OutputFormat
    var path: String
}

/// A mistake on the command line: reported in one line, exit status 2.
struct UsageError: Error, Equatable {
    let message: String
}

enum CommandLineParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        guard let first = arguments.first else {
            throw UsageError(message: "no input given; name a response file, or - for standard input")
        }
        switch first {
        case "rules":
            switch Array(arguments.dropFirst()) {
            case []: return .listRules(.plain)
            case ["--markdown"]: return .listRules(.table)
            case ["--docs"]: return .listRules(.docs)
            case let rest:
                throw UsageError(message: "'rules' takes --markdown or --docs only (got '\(rest.joined(separator: " "))')")
            }
        case "probe":
            return try parseProbe(Array(arguments.dropFirst()))
        case "explain":
            guard arguments.count == 2 else {
                throw UsageError(message: "'explain' takes one rule id or status code, such as 'httplint explain redirect-without-location' or 'httplint explain 499'")
            }
            return .explain(arguments[1])
        default:
            return try parseLint(arguments)
        }
    }

    private static func parseLint(_ arguments: [String]) throws(UsageError) -> Command {
        var options = LintOptions()
        var index = 0
        var onlyInputs = false
        func value(for option: String, inline: String?) throws(UsageError) -> String {
            try optionValue(option, inline, arguments, &index)
        }
        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            if onlyInputs || argument == "-" || !argument.hasPrefix("-") {
                options.inputs.append(argument)
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            let inline = parts.count == 2 ? parts[1] : nil
            switch name {
            case "--":
                onlyInputs = true
            case "-h", "--help":
                return .help
            case "--version":
                return .version
            case "--request":
                options.requestPath = try value(for: name, inline: inline)
            case "--format":
                let text = try value(for: name, inline: inline)
                guard let format = OutputFormat(rawValue: text) else {
                    throw UsageError(message: "unknown format '\(text)'; use one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                options.format = format
            case "-o", "--output":
                let text = try value(for: name, inline: inline)
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let format = OutputFormat(rawValue: parts[0]), !parts[1].isEmpty else {
                    throw UsageError(message: "--output takes FORMAT=PATH, such as --output sarif=httplint.sarif (got '\(text)')")
                }
                options.outputs.append(FileOutput(format: format, path: parts[1]))
            case "--fail-on":
                let text = try value(for: name, inline: inline)
                if text == "never" {
                    options.exitZero = true
                    continue
                }
                guard let severity = Severity(rawValue: text) else {
                    throw UsageError(message: "unknown severity '\(text)' for --fail-on; use error, warning, info or never")
                }
                options.failOn = severity
            case "--exit-zero":
                options.exitZero = true
            case "--stdin-filename":
                let text = try value(for: name, inline: inline)
                guard !text.isEmpty else { throw UsageError(message: "--stdin-filename needs a name") }
                options.standardInputName = text
            case "--profile":
                let text = try value(for: name, inline: inline)
                guard let profile = Linter.Profile(named: text) else {
                    throw UsageError(message: "unknown profile '\(text)'; use recommended, strict or all")
                }
                options.profile = profile
            case "--ignore":
                let id = try value(for: name, inline: inline)
                guard RuleCatalogue.description(of: id) != nil else {
                    throw UsageError(message: "unknown rule id '\(id)' for --ignore; 'httplint rules' lists them")
                }
                options.ignoredRules.append(id)
            case "--config":
                options.configPath = try value(for: name, inline: inline)
            case "--no-config":
                options.noConfig = true
            case "--baseline":
                options.baselinePath = try value(for: name, inline: inline)
            case "--write-baseline":
                options.writeBaselinePath = try value(for: name, inline: inline)
            case "--input":
                let text = try value(for: name, inline: inline)
                if text != "auto" {
                    guard let kind = InputKind(rawValue: text) else {
                        throw UsageError(message: "unknown input kind '\(text)'; use auto, raw, curl, har, records or pcap")
                    }
                    options.inputKind = kind
                }
            case "--port":
                let text = try value(for: name, inline: inline)
                for item in text.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let port = Int(item), (1...65_535).contains(port) else {
                        throw UsageError(message: "--port takes TCP port numbers from 1 to 65535, separated by commas (got '\(text)')")
                    }
                    options.ports.insert(port)
                }
            case "--max-line-length", "--max-field-section-size", "--max-fields", "--max-chunks",
                 "--max-json-depth", "--max-input-size", "--stream-window", "--max-target-length":
                let text = try value(for: name, inline: inline)
                guard let number = Self.size(text), number > 0 else {
                    throw UsageError(message: "\(name) takes a positive number, with an optional K, M or G suffix (got '\(text)')")
                }
                switch name {
                case "--max-line-length": options.limits.maxLineLength = number
                case "--max-field-section-size": options.limits.maxFieldSectionSize = number
                case "--max-fields": options.limits.maxFields = number
                case "--max-chunks": options.limits.maxChunks = number
                case "--max-json-depth": options.limits.maxJSONDepth = number
                case "--stream-window": options.streamThreshold = number
                case "--max-target-length": options.limits.maxTargetLength = number
                default: options.limits.maxInputSize = number
                }
            case "-j", "--jobs":
                let text = try value(for: name, inline: inline)
                guard let jobs = Int(text), jobs >= 1, jobs <= 256 else {
                    throw UsageError(message: "--jobs takes a number from 1 to 256 (got '\(text)')")
                }
                options.jobs = jobs
            case "-q", "--quiet":
                options.quiet = true
            case "--statistics":
                options.statistics = true
            case "--no-color":
                options.color = false
            case "--color":
                options.color = true
            default:
                throw UsageError(message: "unknown option '\(argument)'")
            }
        }
        guard !options.inputs.isEmpty else {
            throw UsageError(message: "no input given; name a response file, or - for standard input")
        }
        return .lint(options)
    }

    /// `probe URL [probe options] [output options]`: the probe's own options are taken out,
    /// the rest are read as a lint's.
    private static func parseProbe(_ arguments: [String]) throws(UsageError) -> Command {
        var rest: [String] = []
        var method: String?
        var headers: [String] = []
        var data: String?
        var robustness = false
        var rate = 20.0
        var timeout = 3.0
        var save: String?
        var index = 0
        func value(_ option: String, _ inline: String?) throws(UsageError) -> String {
            try optionValue(option, inline, arguments, &index)
        }
        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let name = argument.hasPrefix("--") ? parts[0] : argument
            let inline = argument.hasPrefix("--") && parts.count == 2 ? parts[1] : nil
            switch name {
            case "-X", "--method":
                let text = try value(name, inline)
                guard !text.isEmpty, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !"()<>@,;:\\\"/[]?={}".utf8.contains($0) }) else {
                    throw UsageError(message: "--method takes a method token such as GET or POST (got '\(text)')")
                }
                method = text
            case "-H", "--header":
                let text = try value(name, inline)
                guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                      !text.contains("\r"), !text.contains("\n") else {
                    throw UsageError(message: "--header takes 'Name: value' on one line (got '\(text)')")
                }
                headers.append(text)
            case "-d", "--data":
                data = try value(name, inline)
            case "--robustness":
                robustness = true
            case "--rate":
                let text = try value(name, inline)
                guard let number = Double(text), number > 0, number <= 1000 else {
                    throw UsageError(message: "--rate takes requests per second, from 0.1 to 1000 (got '\(text)')")
                }
                rate = number
            case "--timeout":
                let text = try value(name, inline)
                guard let number = Double(text), number > 0, number <= 300 else {
                    throw UsageError(message: "--timeout takes seconds, up to 300 (got '\(text)')")
                }
                timeout = number
            case "--save":
                save = try value(name, inline)
            case "--request", "--input", "--port", "-j", "--jobs", "--baseline", "--write-baseline", "--stream-window":
                throw UsageError(message: "\(name) does not apply to 'probe'")
            default:
                rest.append(argument)
            }
        }
        let oneURL = UsageError(message: "'probe' takes one http:// URL, such as 'httplint probe http://127.0.0.1:8080/'")
        let parsed: Command
        do {
            parsed = try parseLint(rest)
        } catch {
            throw error.message.hasPrefix("no input given") ? oneURL : error
        }
        if parsed == .help { return .help }
        guard case .lint(let output) = parsed, output.inputs.count == 1 else { throw oneURL }
        return .probe(ProbeOptions(url: output.inputs[0], method: method ?? (data == nil ? "GET" : "POST"), headers: headers,
                                   data: data, robustness: robustness, rate: rate, timeout: timeout, saveDirectory: save,
                                   output: output))
    }

    /// An option's value: given inline (`--format=json`), or the next argument (`index` moves to it).
    private static func optionValue(_ option: String, _ inline: String?, _ arguments: [String], _ index: inout Int) throws(UsageError) -> String {
        if let inline { return inline }
        index += 1
        guard index < arguments.count else { throw UsageError(message: "option \(option) needs a value") }
        return arguments[index]
    }

    /// `4096`, `64K`, `16M`, `1G` (binary multiples).
    static func size(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        if let last = text.last?.uppercased().first, let unit = units[last] {
            return Int(text.dropLast()).flatMap { $0.multipliedReportingOverflow(by: unit).overflow ? nil : $0 * unit }
        }
        return Int(text)
    }

    static let help = """
        httplint \(HTTPLintVersion.current): find where HTTP/1.x responses break the HTTP specifications

        USAGE:
          httplint [options] PATH...      lint raw responses: files, directories (walked for
                                          *.http, *.resp, *.txt…; NAME.req beside NAME.http
                                          is its request), - for standard input
          httplint probe URL [options]    request a live server (plain http://) with GET and
                                          the variants its answer calls for (HEAD, conditional,
                                          range, gzip, OPTIONS, an unknown method, HTTP/1.0 and
                                          1.2, pipelining) and lint every exchange
          httplint rules [--markdown|--docs]
                                          list every rule (--markdown: the README table;
                                          --docs: the full rule documentation)
          httplint explain RULE|CODE      what a rule checks, why, and examples; or what a
                                          status code means (registered, vendor, log-only)

        OPTIONS:
          --input auto|raw|curl|har|records|pcap
                               what the inputs are (default auto: HAR, curl -v and pcap or
                               pcapng captures are recognised; name curl -i transcripts
                               with --input curl; records: JSON Lines of {"name",
                               "response", "request"} (base64, or *_text), each its own
                               input, from - or files)
          --port N[,N…]        in packet captures, read only connections on these TCP ports
          --request FILE       the raw request (or pipelined requests) the responses answer;
                               needed to read responses to HEAD and CONNECT and for rules
                               about the request, which stay silent without it
          --format FORMAT      output format on standard output (default: text); one of
                               text, json, jsonl, sarif, junit, github, checkstyle, markdown, html
          -o, --output FORMAT=PATH
                               also write a report in FORMAT to PATH (repeatable)
          --profile recommended|strict|all
                               which rules run: recommended (default) leaves out opt-in rules;
                               all runs every rule; strict runs every rule and fails on info
          --fail-on error|warning|info|never
                               lowest severity that makes the exit status 1 (default: warning,
                               info with --profile strict); never (or --exit-zero): findings
                               never do, for pipelines that only collect reports
          --stdin-filename NAME
                               report standard input (-) as NAME, such as the path it was
                               read from (default: -; SARIF shows stdin)
          --ignore RULE        do not run RULE (repeatable)
          --config FILE        settings file (default: .httplint.json in the current
                               directory or the nearest parent); --no-config ignores it
          --baseline FILE      leave out the findings recorded in FILE: report only new ones
          --write-baseline FILE
                               record this run's findings in FILE
          -j, --jobs N         lint N inputs at a time (output stays in input order)

        PROBE (httplint probe URL; the output options above apply):
          -X, --method METHOD  the base request's method (default GET, or POST with --data);
                               otherwise only GET, HEAD, OPTIONS and one unknown method are sent
          -H, --header 'Name: value'
                               a field added to every request (repeatable)
          -d, --data TEXT      content of the base request (adds an Expect: 100-continue probe)
          --robustness         also send the malformed requests a server must reject (no
                               Host, two Hosts, whitespace before a colon, invalid
                               Content-Length, Transfer-Encoding with Content-Length, obs-fold,
                               an invalid method, a 9000-byte target), each on its own connection
          --rate N             at most N requests a second (default 20)
          --timeout SECONDS    connect and read timeout per request (default 3)
          --save DIR           write each exchange as DIR/NN-step.http and .req, to lint later

        LIMITS (past one, a limit-exceeded finding, or for input size an input error):
          --max-line-length N        longest status, field or chunk-size line (default 1M)
          --max-field-section-size N largest header or trailer section (default 16M)
          --max-fields N             most fields in one section (default 100000)
          --max-chunks N             most chunks in one message (default 10000000)
          --max-json-depth N         deepest nesting in a HAR archive (default 512)
          --max-input-size N         largest input read whole, and largest single exchange
                                     in a streamed one (default 256M)
          --max-target-length N      a request-target longer than N is noted as long: a
                                     server should answer it with 414 (default 8000)
          --stream-window N          raw inputs larger than N are read N bytes at a time
                                     when every output format writes as it goes (text,
                                     jsonl, github), so memory stays bounded (default 1M)
          -q, --quiet          print only error findings and unreadable inputs, no summary
          --statistics         print the number of findings per rule after the summary
          --no-color, --color  never or always colour the text output (default: colour on a
                               terminal unless NO_COLOR is set)
          -h, --help           show this help
          --version            show the version

        EXIT STATUS:
          0  no finding at or above the --fail-on severity (or --fail-on never)
          1  at least one finding at or above the --fail-on severity
          2  usage error, or an input that could not be read

        """
}
