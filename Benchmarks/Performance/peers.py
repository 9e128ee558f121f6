#!/usr/bin/env python3
"""Lints the same corpus files with the Python peers, in-process, and prints responses per
second, to compare with httplint's figures from the same run (see bench.sh).

    python3 peers.py CORPUS_DIR [MAX_FILES] [--only MODE] [--runs N]

--only runs one mode; --runs N times each mode N times and prints the best (default 1).

Modes:
  httplint-api      Python httplint's HttpResponseLinter fed parts split beforehand
                    (its own parsing left out, which favours it)
  httplint-parser   Python httplint's CLI parser (thor) and linter in-process, per file
  httpolice-api     HTTPolice's Response/Exchange API with parts split beforehand
Interim 1xx responses are left out for the peers; only final responses are counted.
"""
import io
import os
import sys
import time
import contextlib


def files(root, limit):
    paths = []
    for folder, _, names in os.walk(root):
        paths += [os.path.join(folder, n) for n in names if n.endswith(".http")]
    paths.sort()
    return paths[:limit]


def final_response(data):
    """The bytes of the final response (interim 1xx responses dropped)."""
    while data.startswith(b"HTTP/1.1 1"):
        data = data[data.index(b"\r\n\r\n") + 4:]
    return data


def split(data):
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    version, status, reason = (lines[0].split(b" ", 2) + [b""])[:3]
    fields = []
    for line in lines[1:]:
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] = (fields[-1][0], fields[-1][1] + b" " + line.strip())
            continue
        name, _, value = line.partition(b":")
        fields.append((name.strip(), value.strip()))
    chunked = any(n.lower() == b"transfer-encoding" and b"chunked" in v.lower() for n, v in fields)
    body = rest
    if chunked:
        body, position = b"", 0
        while True:
            end = rest.index(b"\r\n", position)
            size = int(rest[position:end].split(b";")[0], 16)
            if size == 0:
                break
            body += rest[end + 2:end + 2 + size]
            position = end + 2 + size + 2
    return version.split(b"/")[1], status, reason, fields, body


def run_httplint_api(parts):
    from httplint import HttpResponseLinter
    notes = 0
    for version, status, reason, fields, body in parts:
        linter = HttpResponseLinter()
        linter.process_response_topline(version, status, reason)
        linter.process_headers(fields)
        linter.feed_content(body)
        linter.finish_content(True)
        notes += len(linter.notes)
    return notes


def run_httplint_parser(raws):
    from argparse import Namespace
    from httplint.cli.http_parser import HttpCliParser, modes
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        for raw in raws:
            HttpCliParser(Namespace(mode=modes.RESPONSE, now=False, locale=None), None).handle_input(raw)
    return sink.tell()


def run_httpolice_api(parts):
    import httpolice
    notices = 0
    for version, status, reason, fields, body in parts:
        request = httpolice.Request("https", "GET", "/", "HTTP/1.1", [("Host", "example.com")], b"")
        response = httpolice.Response("HTTP/" + version.decode(), int(status), reason.decode("latin-1"),
                                      [(n.decode("latin-1"), v) for n, v in fields], body)
        exchange = httpolice.Exchange(request, [response])
        httpolice.check_exchange(exchange)
        notices += len(response.notices)
    return notices


def option(name, default):
    """The value after `name` in the arguments, or `default`."""
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def main():
    positional = [a for i, a in enumerate(sys.argv[1:], 1)
                  if not a.startswith("--") and not sys.argv[i - 1].startswith("--")]
    root = positional[0]
    limit = int(positional[1]) if len(positional) > 1 else 2000
    only = option("--only", None)
    runs = int(option("--runs", "1"))
    paths = files(root, limit)
    raws = [final_response(open(p, "rb").read()) for p in paths]
    size = sum(len(r) for r in raws)
    parts = [split(r) for r in raws]
    print(f"peers: {len(raws)} final responses, {size} bytes (Python {sys.version.split()[0]})")
    for name, body, argument in [("httplint-api", run_httplint_api, parts),
                                 ("httplint-parser", run_httplint_parser, raws),
                                 ("httpolice-api", run_httpolice_api, parts)]:
        if only is not None and name != only:
            continue
        try:
            seconds = float("inf")
            for _ in range(runs):
                start = time.perf_counter()
                body(argument)
                seconds = min(seconds, time.perf_counter() - start)
        except Exception as error:  # a peer that cannot run is reported, not hidden
            print(f"  {name:<18} failed: {error!r}")
            continue
        print(f"  {name:<18} {size / seconds / 1e6:8.2f} MB/s {len(raws) / seconds:10.0f} responses/s  {seconds * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
