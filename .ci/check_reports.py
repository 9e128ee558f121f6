#!/usr/bin/env python3
"""Checks httplint's reports with the consumers people read them with.

Usage: check_reports.py HTTPLINT_BINARY SARIF_SCHEMA

Runs every sample (raw responses, curl transcripts, a HAR archive), one missing input, and
inputs made here (a response whose reason phrase is <script>x</script> under a file name with
spaces, dots, non-ASCII and a backtick; standard input; enough findings to pass 1 MiB), then:

- SARIF: valid against the official OASIS SARIF 2.1.0 JSON schema; read by sarif-tools (its
  Python loader and its `sarif summary` command): every result has a file and a line, as many
  results as the JSON report has findings; what GitHub code scanning documents: relative URIs
  under a uriBaseId that originalUriBaseIds declares, partialFingerprints, every rule with
  helpUri and help.
- JUnit: read by junitparser: counts add up (suites and root), only findings at or above the
  failing severity are failures (one per exchange that has them), no two cases share
  classname and name (GitLab's key), no classname has a dot (Jenkins splits there).
- Checkstyle: one <file> per file, every <error> has a line and a rule id as source.
- Markdown: rendered by Python-Markdown (tables extension): no <script> element, the reason
  phrase and the file name (backtick kept) show as text, one table row per finding; a report
  past 1 MiB is cut with a last line counting what was left out.
- JSON Lines: one record per input of the JSON report, and a summary equal to JSON's.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import jsonschema
import junitparser
import markdown
from sarif import loader as sarif_loader

SEVERITIES = {"info": 0, "warning": 1, "error": 2}


def run(binary, arguments, stdin=None):
    done = subprocess.run([binary] + arguments, capture_output=True, input=stdin)
    if done.returncode not in (0, 1, 2):
        sys.exit(f"httplint {' '.join(arguments)} exited {done.returncode}: {done.stderr.decode()}")
    return done.stdout.decode()


def fail(message):
    sys.exit(f"check_reports: {message}")


def check_sarif(binary, schema_path, inputs, report, scratch):
    try:
        handle = open(schema_path)
    except OSError as error:
        fail(f"the SARIF schema is missing ({error}); CI keeps it in ../shared/conformance/sarif/")
    with handle:
        schema = json.load(handle)
    text = run(binary, ["--format", "sarif"] + inputs)
    sarif = json.loads(text)
    jsonschema.Draft4Validator(schema).validate(sarif)
    run_ = sarif["runs"][0]
    results = run_["results"]
    if len(results) != len(report["findings"]):
        fail(f"SARIF has {len(results)} results, JSON {len(report['findings'])} findings")
    if len(run_["artifacts"]) != len(set(inputs)):
        fail("SARIF does not list every input as an artifact")
    bases = run_.get("originalUriBaseIds", {})
    if not bases.get("%SRCROOT%", {}).get("uri", "").endswith("/"):
        fail("SARIF declares no %SRCROOT% directory URI")
    for result in results:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        uri = location["uri"]
        if location.get("uriBaseId") not in bases or uri.startswith(("/", "./", "../")) or "/../" in uri:
            fail(f"SARIF result not relative to a declared base: {location}")
        if "httplintFinding/v2" not in result.get("partialFingerprints", {}):
            fail("SARIF result without a partial fingerprint")
    for rule in run_["tool"]["driver"]["rules"]:
        if not rule.get("helpUri", "").endswith("Rules/README.md#" + rule["id"]) or "markdown" not in rule.get("help", {}):
            fail(f"SARIF rule {rule['id']} lacks its helpUri or Markdown help")

    path = os.path.join(scratch, "report.sarif")
    with open(path, "w") as out:
        out.write(text)
    records = sarif_loader.load_sarif_file(path).get_records()
    if len(records) != len(results):
        fail(f"sarif-tools reads {len(records)} records of {len(results)} results")
    lineless = [r for r in records if not r.get("Location") or r.get("Line") in (None, "", "None")]
    if lineless:
        fail(f"sarif-tools finds {len(lineless)} results without a file and line, such as {lineless[0]}")
    summary = subprocess.run(["sarif", "summary", path], capture_output=True, text=True)
    if summary.returncode != 0:
        fail(f"sarif summary failed: {summary.stderr}")
    har_lines = {r["Line"] for r in records if r["Location"].endswith(".har")}
    print(f"SARIF: valid against the schema; sarif-tools reads {len(records)} results, each with a file and line "
          f"(HAR entries at lines {sorted(har_lines)[:5]}…), `sarif summary` runs; URIs relative to %SRCROOT%")

    stdin = run(binary, ["--format", "sarif", "--stdin-filename", "api/answer.http", "-"],
                stdin=b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
    uris = {a["location"]["uri"] for a in json.loads(stdin)["runs"][0]["artifacts"]}
    if uris != {"api/answer.http"}:
        fail(f"--stdin-filename is not the artifact's URI: {uris}")


def check_junit(binary, inputs, report, scratch):
    path = os.path.join(scratch, "report.xml")
    with open(path, "w") as out:
        out.write(run(binary, ["--format", "junit", "--fail-on", "error"] + inputs))
    xml = junitparser.JUnitXml.fromfile(path)
    cases, failures, errors, keys = 0, 0, 0, set()
    for suite in xml:
        counted = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for case in suite:
            counted["tests"] += 1
            kinds = [type(r).__name__ for r in case.result]
            counted["failures"] += kinds.count("Failure")
            counted["errors"] += kinds.count("Error")
            counted["skipped"] += kinds.count("Skipped")
            if kinds.count("Failure") > 1:
                fail(f"JUnit case {case.name} has {kinds.count('Failure')} failures (Jenkins keeps one)")
            if "." in (case.classname or ""):
                fail(f"JUnit classname {case.classname} has a dot")
            if (case.classname, case.name) in keys:
                fail(f"JUnit cases share classname and name: {case.classname} {case.name}")
            keys.add((case.classname, case.name))
        actual = {"tests": suite.tests, "failures": suite.failures, "errors": suite.errors, "skipped": suite.skipped}
        if actual != counted:
            fail(f"JUnit suite {suite.name} says {actual} but has {counted}")
        cases += counted["tests"]
        failures += counted["failures"]
        errors += counted["errors"]
    root = ET.parse(path).getroot()
    if (int(root.get("tests")), int(root.get("failures")), int(root.get("errors"))) != (cases, failures, errors):
        fail("JUnit's root counts do not add up")
    failing = {(f["path"], f["entry"], f["exchange"]) for f in report["findings"] if f["severity"] == "error"}
    unreadable = [i for i in report["inputs"] if "error" in i]
    if (failures, errors) != (len(failing), len(unreadable)):
        fail(f"JUnit has {failures} failures and {errors} errors; JSON has {len(failing)} exchanges with errors "
             f"and {len(unreadable)} unreadable inputs")
    print(f"JUnit: junitparser reads {len(xml)} suites, {cases} cases; {failures} failures (exchanges with an error "
          f"under --fail-on error), {errors} errors; counts add up, names unique, no dotted classname")


def check_checkstyle(binary, inputs, report):
    root = ET.fromstring(run(binary, ["--format", "checkstyle"] + inputs))
    names = [f.get("name") for f in root.findall("file")]
    if len(names) != len(set(names)) or set(names) != set(inputs):
        fail("checkstyle does not have one <file> per input file")
    errors = root.findall("file/error")
    if any(e.get("line") is None or not e.get("source") for e in errors):
        fail("a checkstyle <error> lacks its line or source")
    rules = {f["rule"] for f in report["findings"]}
    if not {e.get("source") for e in errors} <= rules | {"httplint.input"}:
        fail("a checkstyle source is not a rule id")
    print(f"Checkstyle: {len(names)} files, {len(errors)} errors, each with a line and its rule as source")


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.rows = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.rows += tag == "tr"

    def handle_data(self, data):
        self.text.append(data)


def check_markdown(binary, scratch):
    odd = os.path.join(scratch, "we`ird name.v1.ü.http")
    with open(odd, "wb") as out:
        out.write(b"HTTP/1.1 401 <script>x</script>\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n")
    report = json.loads(run(binary, ["--format", "json", odd]))
    html = markdown.markdown(run(binary, ["--format", "markdown", odd]), extensions=["tables"])
    page = Elements()
    page.feed(html)
    text = "".join(page.text)
    if "script" in page.tags:
        fail("Python-Markdown renders a <script> element from a reason phrase")
    if "<script>x</script>" not in text or "we`ird name.v1.ü.http" not in text:
        fail(f"Python-Markdown does not show the reason phrase and file name as text: {text}")
    if page.rows != len(report["findings"]) + 1:
        fail(f"Python-Markdown shows {page.rows - 1} rows for {len(report['findings'])} findings")

    many = os.path.join(scratch, "many.http")
    with open(many, "w") as out:
        # Findings are capped at 100 per rule and exchange: many exchanges, each under the cap.
        for _ in range(300):
            out.write("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nCache-Control: "
                      + ", ".join(["max-age=x"] * 60) + "\r\nContent-Length: 0\r\n\r\n")
    big = run(binary, ["--format", "markdown", many])
    if len(big.encode()) > 1 << 20 or "more findings left out" not in big.strip().splitlines()[-1]:
        fail("a Markdown report past 1 MiB is not cut with a last line")
    markdown.markdown(big, extensions=["tables"])
    print(f"Markdown: Python-Markdown shows the <script> reason phrase and the file name `{os.path.basename(odd)}` "
          f"as text in {page.rows - 1} rows; {len(big.encode())} bytes for 12,000 findings, cut with a last line")


def check_jsonl(binary, inputs, report):
    records = [json.loads(line) for line in run(binary, ["--format", "jsonl"] + inputs).splitlines()]
    per_input = [r for r in records if r.get("record") == "input" or "error" in r]
    if len(per_input) != len(report["inputs"]):
        fail(f"JSON Lines has {len(per_input)} input records, JSON {len(report['inputs'])} inputs")
    summary = dict(records[-1])
    if summary.pop("record", None) != "summary" or summary != report["summary"]:
        fail(f"the JSON Lines summary {records[-1]} differs from JSON's {report['summary']}")
    findings = [r for r in records if "rule" in r]
    if len(findings) != len(report["findings"]):
        fail("JSON Lines and JSON differ in findings")
    print(f"JSON Lines: {len(per_input)} input records (clean ones included), {len(findings)} findings, summary as JSON's")


def main():
    binary, schema_path = sys.argv[1], sys.argv[2]
    inputs = sorted(glob.glob("Samples/*.http")) + sorted(glob.glob("Samples/traffic/*.txt")) \
        + ["Samples/traffic/mitmproxy-nginx.har", "Samples/no-such-file.http"]
    report = json.loads(run(binary, ["--format", "json"] + inputs))
    with tempfile.TemporaryDirectory() as scratch:
        check_sarif(binary, schema_path, inputs, report, scratch)
        check_junit(binary, inputs, report, scratch)
        check_checkstyle(binary, inputs, report)
        check_markdown(binary, scratch)
        check_jsonl(binary, inputs, report)


if __name__ == "__main__":
    main()
