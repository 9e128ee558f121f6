#!/usr/bin/env bash
# Instructions one pass of each phase executes over the same 8 MB corpus, counted by callgrind:
# a figure that does not drift with the machine's load, unlike the times `throughput` prints.
#   bash Benchmarks/Performance/instructions.sh [MB]   (from the repository root; MB default 8)
# Needs this package built in release (swift build -c release --package-path Benchmarks/Performance)
# and valgrind. Each phase runs once with one pass and once with none; the difference is one pass,
# without the corpus generator.
set -euo pipefail
# Swift seeds its hashing per process; fixed here so that dictionary and set look-ups probe
# the same way in every run (otherwise counts vary by about 1% from run to run).
export SWIFT_DETERMINISTIC_HASHING=1
root=$(cd "$(dirname "$0")/../.." && pwd)
megabytes=${1:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the debug information of Swift release binaries; symbols are enough.
strip --strip-debug -o "$work/throughput" "$root/Benchmarks/Performance/.build/release/throughput"

count() {  # instructions of `throughput MB --only PHASE --repeat N`
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/throughput" "$megabytes" --only "$1" --repeat "$2" --no-corners 2>&1 \
        | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}

declare -A per_pass
for phase in scan nio parse lint lint-default; do
    per_pass[$phase]=$(( $(count "$phase" 1) - $(count "$phase" 0) ))
done
nio=${per_pass[nio]}
echo "instructions per pass over the $megabytes MB corpus without defects (callgrind)"
for phase in scan nio parse lint lint-default; do
    ratio=$(awk -v n="$nio" -v p="${per_pass[$phase]}" 'BEGIN { printf "%.2f", n / p }')
    printf '  %-14s %8d M   NIOHTTP1 / this: %s\n' "$phase" $(( per_pass[$phase] / 1000000 )) "$ratio"
done
# The 2000 files peers.py lints, one lint call per file with every rule (not the corpus above).
files=$(( $(count files 1) - $(count files 0) ))
printf '  %-14s %8d M   for the 2000 files of peers.py linted one by one (every rule), %d k per file\n' \
    files $(( files / 1000000 )) $(( files / 2000000 ))
