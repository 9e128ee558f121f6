#!/usr/bin/env python3
"""Send a fixed list of HTTP/1.x requests to a server and record the raw bytes.

usage: python3 capture.py HOST:PORT SERVER-NAME [CASE ...]

Every case runs on a fresh TCP connection.  The exact bytes sent go to
<server>/<case>.req, every byte received (until the server closes, or 2 s of
silence) to <server>/<case>.http.  The write side is never shut down.
<server>/cases.tsv gets one line per case.  Python 3 standard library only.
"""
import email.utils
import os
import socket
import sys
import time

SILENCE = 2.0        # seconds without a byte before we give up on a connection
EXPECT_WAIT = 1.5    # how long an Expect case waits for a 100 before sending the body
HERE = os.path.dirname(os.path.abspath(__file__))


def http_date(ts):
    return email.utils.formatdate(ts, usegmt=True).encode()


def build_cases(host, etag, last_modified):
    """Return [(name, [chunk, ...])]; chunks after the first are sent after the
    Expect wait (only the expect cases have two chunks)."""
    H = b"Host: " + host + b"\r\n"
    P = b"/data.txt"
    get = b"GET " + P + b" HTTP/1.1\r\n" + H + b"\r\n"

    def g(*fields, method=b"GET", version=b"HTTP/1.1", target=P, body=b""):
        head = method + b" " + target + b" " + version + b"\r\n" + H
        for f in fields:
            head += f + b"\r\n"
        return head + b"\r\n" + body

    other_tag = b'"not-the-etag-0000"'
    weak = etag if etag.startswith(b"W/") else b"W/" + etag
    lm = email.utils.parsedate_to_datetime(last_modified.decode()).timestamp()
    lm_s = http_date(lm)
    day, year = 86400, 365 * 86400
    post = b"POST " + P + b" HTTP/1.1\r\n" + H
    hello = b"Content-Length: 5\r\n\r\nhello"
    chunked_hello = b"5\r\nhello\r\n0\r\n\r\n"
    with open(os.path.join(HERE, "tls-client-hello.bin"), "rb") as f:
        client_hello = f.read()

    c = [
        ("get", [get]),
        ("head", [g(method=b"HEAD")]),
        ("http10-get", [b"GET /data.txt HTTP/1.0\r\n\r\n"]),
        ("http11-no-host", [b"GET /data.txt HTTP/1.1\r\n\r\n"]),
        ("two-hosts", [g(b"Host: " + host)]),
        ("invalid-host", [b"GET /data.txt HTTP/1.1\r\nHost: a b.example\r\n\r\n"]),
        ("absolute-form-host-mismatch", [g(target=b"http://other.example/data.txt")]),
        # request line
        ("http09", [b"GET /data.txt\r\n"]),
        ("lowercase-version", [g(version=b"http/1.1")]),
        ("http12", [g(version=b"HTTP/1.2")]),
        ("http20", [g(version=b"HTTP/2.0")]),
        ("http30", [g(version=b"HTTP/3.0")]),
        ("two-spaces", [b"GET  /data.txt HTTP/1.1\r\n" + H + b"\r\n"]),
        ("tab-in-request-line", [b"GET\t/data.txt HTTP/1.1\r\n" + H + b"\r\n"]),
        ("invalid-method-char", [g(method=b"G(T")]),
        ("lowercase-method", [g(method=b"get")]),
        ("unknown-method", [g(method=b"BREW")]),
        ("tls-client-hello", [client_hello]),
        # field syntax
        ("whitespace-before-colon", [g(b"X-Test : 1")]),
        ("field-without-colon", [g(b"X-Test 1")]),
        ("obs-fold", [g(b"X-Test: a\r\n b")]),
        ("bare-lf", [b"GET /data.txt HTTP/1.1\nHost: " + host + b"\n\n"]),
        ("nul-in-value", [g(b"X-Test: a\x00b")]),
        ("cr-in-value", [g(b"X-Test: a\rb")]),
        # framing, each followed by a pipelined plain GET in the same write
        ("invalid-content-length", [post + b"Content-Length: abc\r\n\r\nhello" + get]),
        ("conflicting-content-length",
         [post + b"Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello" + get]),
        ("te-not-chunked-last", [post + b"Transfer-Encoding: gzip\r\n\r\nhello" + get]),
        ("te-and-cl", [post + b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                       + chunked_hello + get]),
        ("te-http10", [b"POST /data.txt HTTP/1.0\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n"
                       + chunked_hello + get]),
        ("te-unknown", [post + b"Transfer-Encoding: foo, chunked\r\n\r\n" + chunked_hello + get]),
        # methods
        ("options-star", [g(method=b"OPTIONS", target=b"*")]),
        ("options", [g(method=b"OPTIONS")]),
        ("trace", [g(method=b"TRACE")]),
        ("put", [post.replace(b"POST", b"PUT", 1) + hello]),
        ("delete", [g(method=b"DELETE")]),
        # targets
        ("long-target-9k", [g(target=b"/" + b"a" * 8999)]),
        ("long-target-70k", [g(target=b"/" + b"a" * 69999)]),
        # Expect
        ("expect-100-http11", [post + b"Content-Length: 5\r\nExpect: 100-continue\r\n\r\n", b"hello"]),
        ("expect-100-http10", [b"POST /data.txt HTTP/1.0\r\n" + H
                               + b"Content-Length: 5\r\nExpect: 100-continue\r\n\r\n", b"hello"]),
        # conditionals
        ("inm-match", [g(b"If-None-Match: " + etag)]),
        ("inm-star", [g(b"If-None-Match: *")]),
        ("inm-nomatch", [g(b"If-None-Match: " + other_tag)]),
        ("inm-weak-match", [g(b"If-None-Match: " + weak)]),
        ("im-nomatch", [g(b"If-Match: " + other_tag)]),
        ("im-star", [g(b"If-Match: *")]),
        ("ims-equal", [g(b"If-Modified-Since: " + lm_s)]),
        ("ims-earlier", [g(b"If-Modified-Since: " + http_date(lm - day))]),
        ("ius-earlier", [g(b"If-Unmodified-Since: " + http_date(lm - year))]),
        ("ius-later", [g(b"If-Unmodified-Since: " + http_date(lm + day))]),
        ("im-nomatch-ius-later", [g(b"If-Match: " + other_tag,
                                    b"If-Unmodified-Since: " + http_date(lm + day))]),
        ("inm-match-ims-earlier", [g(b"If-None-Match: " + etag,
                                     b"If-Modified-Since: " + http_date(lm - day))]),
        # ranges
        ("range-single", [g(b"Range: bytes=0-9")]),
        ("range-suffix", [g(b"Range: bytes=-10")]),
        ("range-multi", [g(b"Range: bytes=0-9,20-29")]),
        ("range-overlap", [g(b"Range: bytes=0-9,5-14")]),
        ("range-unsatisfiable", [g(b"Range: bytes=5000-")]),
        ("range-invalid", [g(b"Range: bytes=abc")]),
        ("range-other-unit", [g(b"Range: items=0-1")]),
        ("if-range-etag-match", [g(b"Range: bytes=0-9", b"If-Range: " + etag)]),
        ("if-range-etag-nomatch", [g(b"Range: bytes=0-9", b"If-Range: " + other_tag)]),
        ("if-range-date-match", [g(b"Range: bytes=0-9", b"If-Range: " + lm_s)]),
        ("if-range-date-old", [g(b"Range: bytes=0-9", b"If-Range: " + http_date(lm - year))]),
        ("range-head", [g(b"Range: bytes=0-9", method=b"HEAD")]),
        ("range-post", [post + b"Range: bytes=0-9\r\n" + hello]),
        # pipelining
        ("pipeline-get-get", [get + get]),
        ("pipeline-head-get", [g(method=b"HEAD") + get]),
        ("pipeline-get-close", [get + g(b"Connection: close") + get]),
    ]
    return c


def run_case(addr, chunks):
    """Returns (received bytes, 'closed'|'open', expect-note, error-note)."""
    s = socket.create_connection(addr, timeout=5)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    got = bytearray()
    state, note, expect = "open", "", ""

    def read(until):
        nonlocal state, note
        while state == "open":
            left = until - time.monotonic()
            if left <= 0:
                return
            s.settimeout(left)
            try:
                b = s.recv(65536)
            except socket.timeout:
                return
            except ConnectionResetError:
                state, note = "closed", "reset by peer"
                return
            if not b:
                state = "closed"
                return
            got.extend(b)
            if until_100[0] and b"\r\n\r\n" in got:
                return

    until_100 = [False]
    try:
        s.sendall(chunks[0])
    except OSError as e:
        note = "send failed: %s" % e.__class__.__name__
    if len(chunks) > 1:
        until_100[0] = True
        read(time.monotonic() + EXPECT_WAIT)
        until_100[0] = False
        if got[:13] in (b"HTTP/1.1 100 ", b"HTTP/1.0 100 "):
            expect = "100-before-body"
        elif got:
            expect = "final-before-body(%s)" % got[9:12].decode("latin-1")
        else:
            expect = "nothing-before-body"
        if state == "open":
            try:
                s.sendall(b"".join(chunks[1:]))
            except OSError as e:
                note = "body send failed: %s" % e.__class__.__name__
        else:
            expect += ";closed-before-body"
    # read until close or SILENCE seconds without a byte
    while state == "open":
        before = len(got)
        read(time.monotonic() + SILENCE)
        if len(got) == before:
            break
    s.close()
    return bytes(got), state, expect, note


def header(resp, name):
    head = resp.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == name:
            return v.strip()
    return None


def main():
    hostport, server = sys.argv[1], sys.argv[2]
    only = set(sys.argv[3:])
    h, p = hostport.rsplit(":", 1)
    addr = (h, int(p))
    out = os.path.join(HERE, server)
    os.makedirs(out, exist_ok=True)
    # base GET: read the validators the conditional and If-Range cases use
    base = b"GET /data.txt HTTP/1.1\r\nHost: " + hostport.encode() + b"\r\n\r\n"
    resp, _, _, _ = run_case(addr, [base])
    etag = header(resp, b"etag")
    lm = header(resp, b"last-modified")
    basenote = "base ETag=%s Last-Modified=%s" % (etag, lm)
    if etag is None:
        etag = b'"no-etag-in-base-response"'
    if lm is None:
        lm = b"Thu, 01 Jan 2026 00:00:00 GMT"
    rows = ["case\tsent\treceived\tconnection\texpect\tnote"]
    for name, chunks in build_cases(hostport.encode(), etag, lm):
        if only and name not in only:
            continue
        data, state, expect, note = run_case(addr, chunks)
        with open(os.path.join(out, name + ".req"), "wb") as f:
            f.write(b"".join(chunks))
        with open(os.path.join(out, name + ".http"), "wb") as f:
            f.write(data)
        if name == "get":
            note = (note + " " + basenote).strip()
        rows.append("\t".join([name, str(sum(map(len, chunks))), str(len(data)), state,
                               expect or "-", note or "-"]))
        print(rows[-1], flush=True)
    if not only:
        with open(os.path.join(out, "cases.tsv"), "w") as f:
            f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
