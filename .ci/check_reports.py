#!/usr/bin/env python3
"""Checks httplint's machine reports against what their consumers expect.

Usage: check_reports.py HTTPLINT_BINARY SARIF_SCHEMA

- SARIF: validates against the official OASIS SARIF 2.1.0 JSON schema.
- JUnit: parses as XML; tests/failures/errors agree with the JSON report of the same run.
Runs over every sample plus one missing input, so that unreadable inputs are covered too.
"""
import glob
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema


def run(binary, fmt, inputs):
    done = subprocess.run([binary, "--format", fmt] + inputs, capture_output=True, text=True)
    if done.returncode not in (0, 1, 2):
        sys.exit(f"httplint --format {fmt} exited {done.returncode}: {done.stderr}")
    return done.stdout


def main():
    binary, schema_path = sys.argv[1], sys.argv[2]
    inputs = sorted(glob.glob("Samples/*.http")) + ["Samples/no-such-file.http"]

    report = json.loads(run(binary, "json", inputs))
    try:
        handle = open(schema_path)
    except OSError as error:
        sys.exit(f"the SARIF schema is missing ({error}); CI keeps it in ../shared/conformance/sarif/")
    with handle:
        schema = json.load(handle)
    sarif = json.loads(run(binary, "sarif", inputs))
    jsonschema.Draft4Validator(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    if len(results) != len(report["findings"]):
        sys.exit(f"SARIF has {len(results)} results, JSON {len(report['findings'])} findings")
    if len(sarif["runs"][0]["artifacts"]) != len(inputs):
        sys.exit("SARIF does not list every input as an artifact")
    print(f"SARIF: valid against {schema_path}; {len(results)} results, {len(inputs)} artifacts")

    root = ET.fromstring(run(binary, "junit", inputs))
    suites = root.findall("testsuite")
    failed_exchanges = {(f["path"], f["exchange"]) for f in report["findings"]}
    unreadable = [i for i in report["inputs"] if "error" in i]
    expected = {"failures": len(failed_exchanges), "errors": len(unreadable), "suites": len(inputs)}
    actual = {"failures": int(root.get("failures")), "errors": int(root.get("errors")), "suites": len(suites)}
    if expected != actual:
        sys.exit(f"JUnit counts {actual} differ from the JSON report's {expected}")
    cases = sum(len(s.findall("testcase")) for s in suites)
    if cases != int(root.get("tests")):
        sys.exit(f"JUnit says tests={root.get('tests')} but has {cases} test cases")
    print(f"JUnit: well-formed; {cases} test cases, {actual['failures']} failures, {actual['errors']} errors")


if __name__ == "__main__":
    main()
