#!/usr/bin/env bash
# Checks httplint's Zstandard decoder against the reference tool: a few hundred bodies (text,
# JSON, binary, random, runs; 0 B to 2 MB) are compressed with `zstd` at levels 1-19 and 22,
# with --long, with -B job sizes and multithreaded (-T2), without the checksum, and several
# frames one after another; each must decode to the exact bytes. The decoding runs in the test
# ZstandardTests.filesInTheDirectoryDecode, which reads every NAME.zst in HTTPLINT_ZSTD_DIR.
#
#   .ci/zstd-check.sh [COUNT]     (COUNT bodies, 300 unless given)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-300}

if ! command -v zstd >/dev/null; then
  if command -v apt-get >/dev/null; then
    as_root=$([ "$(id -u)" = 0 ] || echo "sudo -n")
    { $as_root apt-get update -qq && $as_root apt-get install -y -qq zstd; } >/dev/null 2>&1 || true
  elif command -v brew >/dev/null; then
    brew install zstd || true
  fi
fi
command -v zstd >/dev/null || { echo "zstd-check: the zstd tool is missing and could not be installed" >&2; exit 1; }
zstd --version

work=$(mktemp -d "${TMPDIR:-/tmp}/httplint-zstd.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$count" <<'PY'
import json, os, random, sys
work, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(8878)
words = "the a of http lint zstd frame block window content coding header field value server client cache".split()
def prose(n):
    out = []
    size = 0
    while size < n:
        word = rng.choice(words) + (".\n" if rng.random() < 0.08 else " ")
        out.append(word)
        size += len(word)
    return "".join(out).encode()[:n]
def body(kind, n):
    if kind == "text": return prose(n)
    if kind == "json":
        items = []
        while sum(map(len, items)) < n:
            items.append(json.dumps({"id": rng.randrange(10**6), "name": rng.choice(words), "tags": rng.sample(words, 3), "score": rng.random()}))
        return ("[" + ",\n".join(items) + "]").encode()[:n]
    if kind == "random": return rng.randbytes(n)
    if kind == "runs": return b"".join(bytes([rng.randrange(256)]) * rng.randrange(1, 5000) for _ in range(n // 500 + 1))[:n]
    if kind == "binary":  # structured records: counters, small numbers, some noise
        return b"".join(i.to_bytes(4, "little") + bytes([i % 7, 0, 0, rng.randrange(4)]) + (rng.randbytes(2) if i % 5 == 0 else b"") for i in range(n // 8 + 1))[:n]
    if kind == "mixed": return b"".join(body(rng.choice(["text", "random", "runs", "json"]), rng.randrange(1, 20000)) for _ in range(n // 10000 + 1))[:n]
kinds = ["text", "json", "random", "runs", "binary", "mixed"]
sizes = [0, 1, 2, 17, 100, 1000, 4096, 30000, 131072, 131073, 300000, 1 << 20, 2 << 20]
with open(os.path.join(work, "list"), "w") as listing:
    for number in range(count):
        kind = kinds[number % len(kinds)]
        n = sizes[number % len(sizes)] if number < 2 * len(sizes) else rng.choice(sizes[:9] + [rng.randrange(1, 2 << 20)])
        name = f"{number:04d}-{kind}-{n}"
        open(os.path.join(work, name), "wb").write(body(kind, n))
        listing.write(name + "\n")
PY

# Options by body number: levels 1-19 in turn, then the other ways of compressing.
options=("-1" "-2" "-3" "-4" "-5" "-6" "-7" "-8" "-9" "-10" "-11" "-12" "-13" "-14" "-15" "-16" "-17" "-18" "-19"
         "--ultra -22" "--long=23 -3" "--long=21 -19" "-B65536 -T2 -3" "-B131072 -T2 -9" "-T2 -1" "--no-check -6" "--fast=3"
         "--no-check --long=22 -12" "--zstd=wlog=10 -3" "-19 --zstd=wlog=12")
number=0
while IFS= read -r name; do
  option=${options[$((number % ${#options[@]}))]}
  # shellcheck disable=SC2086
  zstd -q -f $option "$work/$name" -o "$work/$name.zst"
  number=$((number + 1))
done < "$work/list"
# Several frames one after another, and from a pipe (no content size in the header).
for name in $(head -n 12 "$work/list"); do
  cat "$work/$name" "$work/$name" > "$work/$name-twice"
  { zstd -q -c -3 "$work/$name"; zstd -q -c -19 --no-check "$work/$name"; } > "$work/$name-twice.zst"
  zstd -q -c -5 < "$work/$name" > "$work/$name-piped.zst"
  cp "$work/$name" "$work/$name-piped"
done
rm "$work/list"

echo "$(ls "$work"/*.zst | wc -l) compressed bodies, $(du -sh "$work" | cut -f1) in all"
start=$(date +%s)
status=0
HTTPLINT_ZSTD_DIR="$work" swift test --filter 'ZstandardTests/filesInTheDirectoryDecode' > "$work/test.log" 2>&1 || status=$?
grep -E 'zstd-check:|recorded an issue' "$work/test.log" | head -50 || true
echo "built and decoded in $(( $(date +%s) - start )) s"
[ "$status" -eq 0 ] || { tail -20 "$work/test.log"; exit "$status"; }
