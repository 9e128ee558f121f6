#!/usr/bin/env python3
"""Renders httplint's HTML reports in headless Chromium and checks the DOM it built.

    html_check.py HTTPLINT OUTDIR [--large]

Reports: every sample (Samples/), the mitmproxy HAR, a probe of a loopback server whose listing
and files carry markup in their names, and a response (with its request) whose every part is
markup, control bytes or invalid UTF-8. For each, in the DOM Chromium built:
- every finding of the run (the same run's JSON Lines) is listed, with its rule and severity,
  and its bytes are highlighted (`mark` with its number; in the request too when it has a place
  there);
- nothing from the wire became markup: only the reporter's own elements, no event attributes,
  one script; the hostile bytes are text and the control bytes escape markers;
- with the script off, everything is still there (the filters stay hidden);
- filters from the URL fragment (severity, rule, status) hide what they should.
Screenshots go to OUTDIR/screens. With --large, a 10,000-exchange report is timed too.
"""
import collections, html.parser, json, os, re, shutil, socket, subprocess, sys, threading, time
import http.server, functools

HTTPLINT, OUT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
LARGE = "--large" in sys.argv
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio", "--no-first-run",
         "--disable-dev-shm-usage"]
VOID = {"meta", "input", "br", "img", "link", "hr", "col", "area", "base", "embed", "source", "track", "wbr"}
OURS = {"html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3", "h4", "h5", "p", "span", "main",
        "section", "div", "figure", "figcaption", "svg", "text", "tspan", "rect", "form", "fieldset", "legend", "label",
        "input", "select", "option", "kbd", "details", "summary", "code", "pre", "mark", "ol", "ul", "li", "strong", "script"}
failures = []


def fail(report, message):
    failures.append(f"{report}: {message}")
    print(f"FAIL {report}: {message}")


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def hidden(self):
        node = self
        while node is not None:
            if "hidden" in node.attrs:
                return True
            node = node.parent
        return False

    def classes(self):
        return self.attrs.get("class", "").split()


class Builder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.node = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_endtag(self, tag):
        node = self.node
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.node = node.parent

    def handle_data(self, data):
        self.node.children.append(data)


def chromium(args, timeout=180):
    started = time.monotonic()
    done = subprocess.run([CHROMIUM] + FLAGS + args, capture_output=True, timeout=timeout)
    return done.stdout.decode("utf-8", "replace"), time.monotonic() - started


def dom(path, fragment=""):
    text, seconds = chromium(["--dump-dom", "file://" + path + fragment])
    builder = Builder()
    builder.feed(text)
    return builder.root, seconds


def screenshot(path, name, fragment=""):
    os.makedirs(os.path.join(OUT, "screens"), exist_ok=True)
    target = os.path.join(OUT, "screens", name + ".png")
    _, seconds = chromium(["--window-size=1400,2400", "--screenshot=" + target, "file://" + path + fragment])
    if not os.path.exists(target) or os.path.getsize(target) < 10000:
        fail(name, "no screenshot")
    return seconds


def run(name, args):
    """Writes NAME.html and NAME.jsonl from one run; the findings it expects."""
    page, lines = os.path.join(OUT, name + ".html"), os.path.join(OUT, name + ".jsonl")
    with open(page, "wb") as out:
        subprocess.run([HTTPLINT] + args + ["--format", "html", "-o", "jsonl=" + lines], stdout=out, cwd=ROOT,
                       stderr=subprocess.DEVNULL, timeout=600)
    records = [json.loads(line) for line in open(lines, encoding="utf-8") if line.strip()]
    return page, [r for r in records if "rule" in r]


def check(name, page, expected, hostile=False):
    before = len(failures)
    root, seconds = dom(page)
    nodes = list(root.walk())
    by_id = {n.attrs["id"]: n for n in nodes if "id" in n.attrs}
    items = [n for n in nodes if n.tag == "li" and "finding" in n.classes()]
    if len(items) != len(expected):
        fail(name, f"{len(items)} findings listed, the run found {len(expected)}")
    listed = collections.Counter((n.attrs.get("data-rule"), n.attrs.get("data-severity")) for n in items)
    found = collections.Counter((r["rule"], r["severity"]) for r in expected)
    if listed != found:
        fail(name, f"findings differ from the run's: {(listed - found) + (found - listed)}")
    marked = collections.defaultdict(list)
    for node in nodes:
        if node.tag == "mark":
            for number in node.attrs.get("data-f", "").split():
                marked[number].append(node)
    for item in items:
        number = item.attrs["id"][1:]
        marks = marked.get(number, [])
        if not marks:
            fail(name, f"finding {number} ({item.attrs.get('data-rule')}) has no highlighted bytes")
        for prefix in ("m", "r"):
            link = any(n.tag == "a" and n.attrs.get("href") == f"#{prefix}{number}" for n in item.walk())
            if link and f"{prefix}{number}" not in by_id:
                fail(name, f"finding {number} links to #{prefix}{number}, which is not on the page")
        if any(n.tag == "a" and n.attrs.get("href") == f"#r{number}" for n in item.walk()):
            anchor = by_id.get(f"r{number}")
            pre = anchor
            while pre is not None and pre.tag != "pre":
                pre = pre.parent
            if pre is None or not any(m.attrs.get("id") == f"r{number}" or number in m.attrs.get("data-f", "").split()
                                      for m in pre.walk() if m.tag == "mark"):
                fail(name, f"finding {number}'s request bytes are not highlighted")
    # Nothing from the wire became markup.
    strangers = {n.tag for n in nodes if n.tag != "#document"} - OURS
    if strangers:
        fail(name, f"elements the reporter never writes: {sorted(strangers)}")
    events = [(n.tag, a) for n in nodes for a in n.attrs if a.startswith("on")]
    if events:
        fail(name, f"event attributes: {events[:5]}")
    if sum(1 for n in nodes if n.tag == "script") != 1:
        fail(name, "more than one script")
    if by_id.get("filters") is None or "hidden" in by_id["filters"].attrs:
        fail(name, "the script did not show the filters")
    shown = by_id.get("shown").text() if "shown" in by_id else ""
    if not re.match(r"Showing (\d+) of \1 exchanges and (\d+) of \2 findings\.", shown):
        fail(name, f"unexpected count line: {shown!r}")
    if hostile:
        text = root.text()
        for phrase in ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "</pre><!-- <script>x</script>",
                       "<svg onload=alert(4)>"]:
            if phrase not in text:
                fail(name, f"{phrase!r} is not shown as text")
        escapes = {n.text() for n in nodes if n.tag == "span" and "esc" in n.classes()}
        for marker in ["\\x00", "\\x1B", "\\xFF", "\\xE2\\x80\\xAE", "\\r", "\\n"]:
            if marker not in escapes:
                fail(name, f"no escape marker {marker}")
        if "\u202e" in text or "\x00" in text or "\x1b" in text:
            fail(name, "a control character or override reached the page")
    if len(failures) == before:
        print(f"ok   {name}: {len(items)} findings, all highlighted, nothing from the wire became markup; DOM in {seconds:.1f} s")
    return root


def check_without_script(name, page, expected):
    """Without the script the page is its HTML as written (Chromium's --dump-dom needs the
    script on): every finding there and shown, the filters hidden; and a screenshot."""
    builder = Builder()
    builder.feed(open(page, encoding="utf-8").read())
    nodes = list(builder.root.walk())
    items = [n for n in nodes if n.tag == "li" and "finding" in n.classes()]
    filters = next((n for n in nodes if n.attrs.get("id") == "filters"), None)
    before = len(failures)
    if len(items) != len(expected) or any(n.hidden() for n in items):
        fail(name, "without the script, findings are missing")
    if filters is None or "hidden" not in filters.attrs:
        fail(name, "without the script, the filters (which need it) show")
    # Headless Chromium takes no screenshot with scripts switched off: the page without its
    # script is the same thing.
    bare = page[:-5] + "-no-script.html"
    text = open(page, encoding="utf-8").read()
    open(bare, "w", encoding="utf-8").write(text[:text.rindex("<script>")] + text[text.rindex("</script>") + 9:])
    screenshot(bare, name + "-no-script")
    if len(failures) == before:
        print(f"ok   {name} without the script: {len(items)} findings, none hidden, filters hidden")


def check_filters(name, page):
    root, _ = dom(page)
    exchanges = [n for n in root.walk() if n.tag == "details" and "exchange" in n.classes()]
    pairs = [n.attrs.get("data-findings", "").split() for n in exchanges]
    rules = collections.Counter(p.split(":", 1)[1] for ps in pairs for p in ps)
    rule = rules.most_common(1)[0][0]
    cases = [
        ("#severity=error", lambda x, ps: any(p.startswith("error:") for p in ps)),
        ("#rule=" + rule, lambda x, ps: any(p.split(":", 1)[1] == rule for p in ps)),
        ("#status=4xx", lambda x, ps: re.fullmatch(r"4\d\d", x.attrs.get("data-status", "")) is not None),
        ("#severity=clean", lambda x, ps: not ps),
    ]
    for fragment, wanted in cases:
        filtered, _ = dom(page, fragment)
        shown = [n for n in filtered.walk() if n.tag == "details" and "exchange" in n.classes()]
        expect = [wanted(x, x.attrs.get("data-findings", "").split()) for x in shown]
        visible = [not x.hidden() for x in shown]
        if expect != visible:
            fail(name, f"filter {fragment}: {sum(visible)} exchanges shown, {sum(expect)} expected")
        elif sum(visible) in (0, len(shown)) and fragment != "#severity=clean":
            fail(name, f"filter {fragment} changed nothing")
        else:
            print(f"ok   {name} filter {fragment}: {sum(visible)} of {len(shown)} exchanges shown")
        if fragment.startswith("#rule"):
            for item in (n for n in filtered.walk() if n.tag == "li" and "finding" in n.classes()):
                if (item.attrs.get("data-rule") == rule) == item.hidden() and not item.parent.hidden():
                    fail(name, f"filter {fragment}: finding of {item.attrs.get('data-rule')} wrongly shown or hidden")
                    break
    screenshot(page, name + "-filtered", "#rule=" + rule)


def hostile_inputs(directory):
    os.makedirs(directory, exist_ok=True)
    response = (b"HTTP/1.1 200 <script>alert(1)</script>\r\n"
                b"X-<b>: <img src=x onerror=alert(2)> &amp; \\x00 literal \x00\x1b\xff\xe2\x80\xae\r\n"
                b"Set-Cookie: a=<svg onload=alert(4)>; Path=/\"><script>alert(5)</script>\r\n"
                b"Content-Type: text/html\r\nContent-Length: 29\r\n\r\n</pre><!-- <script>x</script>\r\n")
    request = b"GET /<script>alert(3)</script>?q=\x00\xff HTTP/1.1\r\nHost: a\x01b\r\nX-Evil: </pre><b>\r\n\r\n"
    open(os.path.join(directory, "<script>alert(6)<%2Fscript>.http"), "wb").write(response)
    open(os.path.join(directory, "<script>alert(6)<%2Fscript>.req"), "wb").write(request)
    open(os.path.join(directory, "page <b>bold<%2Fb>.html"), "wb").write(b"<script>alert(7)</script>\x00\xff")


def large_inputs(directory):
    """100 files of 100 pipelined responses: a mix of clean ones and ones with findings."""
    os.makedirs(directory, exist_ok=True)
    kinds = [
        b"HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nhello world\n",
        b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 404 Not Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 22\r\n\r\n<h1>Not <b>found</b>\r\n",
        b"HTTP/1.1 401 Unauthorized\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nCache-Control: max-age=abc\r\nContent-Length: 0\r\n\r\n",
    ]
    for file in range(100):
        with open(os.path.join(directory, f"stream-{file:03}.http"), "wb") as out:
            for index in range(100):
                out.write(kinds[(file + index) % len(kinds)])


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    if CHROMIUM is None:
        sys.exit("html_check: no chromium (apt-get install -y chromium)")
    os.makedirs(OUT, exist_ok=True)
    hostile = os.path.join(OUT, "hostile")
    hostile_inputs(hostile)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=hostile))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    evil = os.path.join(hostile, "<script>alert(6)<%2Fscript>")
    reports = [
        ("samples", ["Samples/"], False),
        ("har", ["Samples/traffic/mitmproxy-nginx.har"], False),
        ("hostile", ["--request", evil + ".req", evil + ".http"], True),
        ("probe", ["probe", "--rate", "1000", f"http://127.0.0.1:{port}/"], True),
    ]
    for name, args, is_hostile in reports:
        page, expected = run(name, args)
        root = check(name, page, expected, hostile=is_hostile and name == "hostile")
        if name == "probe":
            text = root.text()
            if "<script>alert(6)<%2Fscript>.http" not in text and "%3Cscript%3E" not in text:
                fail(name, "the probed listing is not shown")
        check_without_script(name, page, expected)
        screenshot(page, name)
    check_filters("samples", os.path.join(OUT, "samples.html"))
    server.shutdown()
    if LARGE:
        large = os.path.join(OUT, "large")
        large_inputs(large)
        started = time.monotonic()
        page, expected = run("large", [large])
        written = time.monotonic() - started
        root = check("large", page, expected)
        _, opened = dom(page)
        shot = screenshot(page, "large")
        blank, _ = chromium(["--dump-dom", "about:blank"])
        _, baseline = chromium(["--dump-dom", "about:blank"])
        exchanges = sum(1 for n in root.walk() if n.tag == "details" and "exchange" in n.classes())
        print(f"large: {exchanges} exchanges, {len(expected)} findings, {os.path.getsize(page) / 1e6:.1f} MB written in "
              f"{written:.1f} s; Chromium loads it and runs the script in {opened:.1f} s and takes its screenshot in "
              f"{shot:.1f} s (an empty page: {baseline:.1f} s)")
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("html_check: every check passed; screenshots in " + os.path.join(OUT, "screens"))


main()
