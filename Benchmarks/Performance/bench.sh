#!/usr/bin/env bash
# Whole-process figures for the httplint CLI, then the Python peers on the same files.
#   bash Benchmarks/Performance/bench.sh [WORKDIR]   (from the repository root; WORKDIR default /tmp/httplint-bench)
# Needs: a release build of httplint (swift build -c release), this package built in release
# (swift build -c release --package-path Benchmarks/Performance), GNU time, and for the peers
# `pip install httplint HTTPolice 'bitstring<4'`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/httplint-bench}
httplint=$root/.build/release/httplint
corpus=$root/Benchmarks/Performance/.build/release/make-corpus
mkdir -p "$work"

measure() {  # prints "seconds peak-KB" for a command, output discarded
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
    tail -1 "$work/time"
}

echo "== start-up (median of 21 runs)"
printf 'HTTP/1.1 200 OK\r\nDate: Sun, 22 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n' > "$work/one.http"
for what in "--version" "$work/one.http"; do
    times=()
    for _ in $(seq 21); do times+=("$(measure "$httplint" $what | cut -d' ' -f1)"); done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
    echo "  httplint $(basename -- "$what"): ${median} s"
done

echo "== 10,000 small files"
[ -d "$work/files" ] || "$corpus" files "$work/files" 10000
for jobs in 1 2; do
    best=""
    for _ in 1 2 3; do
        read -r seconds kb < <(measure "$httplint" --no-config --quiet --jobs "$jobs" "$work/files")
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; bestkb=$kb; fi
    done
    echo "  --jobs $jobs: ${best} s, peak ${bestkb} KB (best of 3)"
done

echo "== one stream, text output (linear growth, bounded memory)"
for mb in 1 10 100 1000; do
    [ -f "$work/stream-$mb.http" ] || "$corpus" stream "$work/stream-$mb.http" "$mb" > /dev/null
    read -r seconds kb < <(measure "$httplint" --no-config --quiet "$work/stream-$mb.http")
    echo "  ${mb} MB: ${seconds} s, peak ${kb} KB"
done

echo "== one stream of small responses, text output (memory bounded by the window, not the count)"
tiny=$(printf 'HTTP/1.1 204 No Content\r\nDate: Sun, 22 Nov 2026 10:00:00 GMT\r\n\r')  # yes adds the last LF
for count in 100000 1000000; do
    [ -f "$work/tiny-$count.http" ] || { (yes "$tiny" || true) | head -n $((count * 3)) > "$work/tiny-$count.http"; }
    read -r seconds kb < <(measure "$httplint" --no-config --quiet "$work/tiny-$count.http")
    echo "  ${count} responses: ${seconds} s, peak ${kb} KB"
done

echo "== Python peers, in-process, on the first 2000 of the files (best of 3: the first pass also imports and warms up)"
python3 "$root/Benchmarks/Performance/peers.py" "$work/files" 2000 --runs 3 || echo "  (peers not installed)"
