#!/usr/bin/env bash
# httplint's API against Python httplint's, in turns, on the same 2000 files: each round lints
# them one by one in-process with httplint (every rule, best of 60 passes) and then with Python
# httplint's HttpResponseLinter (best of 5; its first pass also imports and warms up), and
# prints both rates and their ratio. The machine's speed drifts from minute to minute (both
# peers' rates move by a third): pairs taken seconds apart keep the ratio fair.
#   bash Benchmarks/Performance/versus-python.sh [ROUNDS] [WORKDIR]   (from the repository root)
# Needs this package built in release and `pip install httplint`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5}
work=${2:-/tmp/httplint-versus-python}
build=$root/Benchmarks/Performance/.build/release
# The files throughput's `files` phase holds in memory (make-corpus files DIR 2000).
[ -d "$work/files" ] || "$build/make-corpus" files "$work/files" 2000 > /dev/null
echo "round  httplint /s  Python httplint /s  ratio"
for round in $(seq "$rounds"); do
    ours=$("$build/throughput" 8 --only files --repeat 60 --no-corners | sed -n 's|.* \([0-9]*\) /s$|\1|p')
    theirs=$(python3 "$root/Benchmarks/Performance/peers.py" "$work/files" 2000 --only httplint-api --runs 5 \
        | sed -n 's|.* \([0-9]*\) responses/s.*|\1|p')
    printf '%5d  %11d  %18d  %5.1f\n' "$round" "$ours" "$theirs" "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { print a / b }')"
done
