#!/usr/bin/env bash
# Checks that two httplint binaries write byte-identical reports: every sample and a corpus of
# generated response files, in every output format, with the default rules and with every rule.
# Speed work must not change a single byte of output; run this with the build before a change
# and the build after it.
#
#   bash Benchmarks/compare-reports.sh OLD_BINARY NEW_BINARY [FILES]
#
# FILES (default 10000) response files are written by `make-corpus files` of the Performance
# package (built in release: swift build -c release --package-path Benchmarks/Performance).
# The only part of a report allowed to differ is the run time in the text summary line.
# Exits 1 and names each report that differs.
set -euo pipefail
old=${1:?usage: compare-reports.sh OLD_BINARY NEW_BINARY [FILES]}
new=${2:?usage: compare-reports.sh OLD_BINARY NEW_BINARY [FILES]}
files=${3:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus_tool="$root/Benchmarks/Performance/.build/release/make-corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$corpus_tool" ] || { echo "compare-reports: build the Performance package first ($corpus_tool is missing)" >&2; exit 2; }
"$corpus_tool" files "$work/corpus" "$files" > /dev/null

formats="text json jsonl sarif junit github checkstyle markdown html"
differ=0
compared=0
report() {  # binary, format, profile, inputs… → the report on standard output and error, run time removed
    local binary=$1 format=$2 profile=$3
    shift 3
    (cd "$root" && "$binary" --no-config --profile "$profile" --format "$format" "$@" 2>&1 || true) \
        | sed -E 's/ in [0-9]+\.[0-9]+ s$//'
}
for inputs in "Samples" "$work/corpus"; do
    for profile in recommended all; do
        for format in $formats; do
            report "$old" "$format" "$profile" "$inputs" > "$work/old"
            report "$new" "$format" "$profile" "$inputs" > "$work/new"
            compared=$((compared + 1))
            if ! cmp -s "$work/old" "$work/new"; then
                differ=$((differ + 1))
                echo "differs: $format, --profile $profile, ${inputs#"$work/"}"
                diff "$work/old" "$work/new" | head -6 || true
            fi
        done
    done
done
echo "$compared reports compared ($files corpus files and Samples/, 9 formats, 2 profiles): $differ differ"
[ "$differ" -eq 0 ]
