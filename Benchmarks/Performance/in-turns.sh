#!/usr/bin/env bash
# Times two checkouts of httplint against each other, in turns, for every row of the speed
# table in Benchmarks/README.md: the in-memory phases of `throughput` (best of 5 runs each),
# the CLI on a 1000 MB stream (CPU seconds and peak memory) and the CLI on 10,000 files with
# one job and with two. The machine's speed drifts from minute to minute, so each round runs
# the old build and then the new one seconds apart; compare within a round.
#
#   bash Benchmarks/Performance/in-turns.sh OLD_CHECKOUT NEW_CHECKOUT [ROUNDS] [WORKDIR]
#
# Each checkout needs its release builds: `swift build -c release` (the CLI) and
# `swift build -c release --package-path Benchmarks/Performance`. Needs GNU time.
set -euo pipefail
old=${1:?usage: in-turns.sh OLD_CHECKOUT NEW_CHECKOUT [ROUNDS] [WORKDIR]}
new=${2:?usage: in-turns.sh OLD_CHECKOUT NEW_CHECKOUT [ROUNDS] [WORKDIR]}
rounds=${3:-3}
work=${4:-/tmp/httplint-in-turns}
mkdir -p "$work"
corpus_tool="$new/Benchmarks/Performance/.build/release/make-corpus"
[ -d "$work/files" ] || "$corpus_tool" files "$work/files" 10000 > /dev/null
[ -f "$work/stream-1000.http" ] || "$corpus_tool" stream "$work/stream-1000.http" 1000 > /dev/null

phases() {  # checkout → one line of figures from `throughput 64 --no-corners`
    "$1/Benchmarks/Performance/.build/release/throughput" 64 --no-corners | awk '
        /NIOHTTP1 HTTPResponseDecoder/ { nio = $(NF-1) }
        /httplint parse \(one stream\)/ { parse = $(NF-3) " " $(NF-2) " " $(NF-1) }
        /httplint lint, every rule \(stream\)/ { every = $(NF-3) " " $(NF-2) " " $(NF-1) }
        /httplint lint, default rules/ { deflt = $(NF-3) " " $(NF-2) " " $(NF-1) }
        /httplint lint, file by file/ { files = $(NF-4) " k/s, " $(NF-1) " ms" }
        END { printf "NIOHTTP1 %s ms | parse %s | every rule %s | default %s | 2000 files %s\n", nio, parse, every, deflt, files }'
}
cli() {  # checkout, arguments… → "CPU seconds, peak KB"
    local binary="$1/.build/release/httplint"
    shift
    /usr/bin/time -f "%U %S %M %e" -o "$work/time" "$binary" --no-config --quiet "$@" > /dev/null 2>&1 || true
    # GNU time puts "Command exited with non-zero status 1" (findings) before the figures.
    tail -1 "$work/time" | awk '{ printf "%.2f s CPU (%.2f wall), %d KB peak", $1 + $2, $4, $3 }'
}

echo "load before the first round: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
    echo "== round $round (load $(cut -d' ' -f1 /proc/loadavg))"
    for side in old new; do
        checkout=${!side}
        echo "  $side in-memory: $(phases "$checkout")"
        echo "  $side CLI 1000 MB stream: $(cli "$checkout" "$work/stream-1000.http")"
        echo "  $side CLI 10,000 files --jobs 1: $(cli "$checkout" --jobs 1 "$work/files")"
        echo "  $side CLI 10,000 files --jobs 2: $(cli "$checkout" --jobs 2 "$work/files")"
    done
done
