#!/usr/bin/env bash
# The command plugin as a user meets it: a package in a temporary directory depends on httplint
# by path, and `swift package --allow-writing-to-package-directory httplint Samples/ -o ...`
# lints its recorded traffic and writes the reports into it. Without the permission the plugin
# must refuse to run. Usage: .ci/plugin-check.sh [DIRECTORY] (default: a new temporary one).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
probe="${1:-$(mktemp -d)}"
mkdir -p "$probe/Sources/Traffic" "$probe/Samples"
cat > "$probe/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "traffic",
    dependencies: [.package(path: "$repo")],
    targets: [.target(name: "Traffic")]
)
MANIFEST
echo "// Recorded traffic lives in Samples/." > "$probe/Sources/Traffic/Traffic.swift"
cp "$repo/Samples/302-without-location.http" "$repo/Samples/nginx-405-post-to-static-file.http" \
   "$repo/Samples/nginx-405-post-to-static-file.req" "$repo/Samples/103-early-hints-then-200.http" "$probe/Samples/"
cd "$probe"
rm -f report.html report.sarif
set +e
swift package --allow-writing-to-package-directory httplint Samples/ -o html=report.html -o sarif=report.sarif > lint.txt 2> lint.err
status=$?
set -e
cat lint.txt
# The samples have errors: httplint exits 1, and so does the plugin.
[ "$status" -ne 0 ] || { echo "plugin-check: expected a failing status for samples with errors"; exit 1; }
grep -q "error: 302 Found response has no Location" lint.txt || { echo "plugin-check: no finding in the output"; cat lint.err; exit 1; }
grep -q "httplint: 3 inputs" lint.txt || { echo "plugin-check: unexpected summary"; exit 1; }
grep -q "redirect-without-location" report.html || { echo "plugin-check: no HTML report written"; exit 1; }
grep -q '"version": *"2.1.0"' report.sarif || { echo "plugin-check: no SARIF report written"; exit 1; }
# A clean input: status 0.
swift package --allow-writing-to-package-directory httplint Samples/103-early-hints-then-200.http > clean.txt
# Without the permission, no report is written.
rm -f denied.html
if swift package httplint Samples/ -o html=denied.html < /dev/null > denied.txt 2>&1; then
    echo "plugin-check: ran without the permission to write"; exit 1
fi
[ ! -e denied.html ] || { echo "plugin-check: wrote without the permission"; exit 1; }
echo "plugin-check: the plugin lints, writes its reports with the permission and refuses without it ($probe)"
