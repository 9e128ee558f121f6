#!/usr/bin/env bash
# Checks httplint's decoders of content codings against the reference tools: writes a few
# hundred bodies (text, markup, JSON, binary, random and repetitive bytes, 0 B to 2 MB),
# compresses each with the reference compressor at many settings, and has httplint's own
# decoder give back the exact bytes. The decoder runs through a test that is skipped unless
# an environment variable names the corpus directory (no command-line subcommand).
#
#   .ci/codings-check.sh            # every section
#   .ci/codings-check.sh brotli     # the sections named
#
# To add a coding: write a function section_NAME that fills "$work/NAME" with pairs FILE and
# FILE.EXT (the reference tool's output) and runs its test, then add NAME to SECTIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
SECTIONS=(brotli)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# need TOOL PACKAGE: installs the Debian package when the tool is missing.
need() {
  command -v "$1" >/dev/null && return
  echo "installing $2"
  apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null; }
}

# bodies DIR: writes the uncompressed bodies, one file each, and prints how many.
bodies() {
  python3 - "$1" <<'PY'
import os, random, sys
out = sys.argv[1]
rng = random.Random(7932)
words = ("the of and to in is for that http content server cache header window value response request "
         "lint brotli compress decode stream meta block context distance literal café über 日本語 данные").split()
def text(n):
    parts, size = [], 0
    while size < n:
        w = rng.choice(words) + rng.choice([" ", " ", " ", ", ", ".\n", "\n"])
        parts.append(w); size += len(w.encode())
    return "".join(parts).encode()[:n]
def html(n):
    rows, size = [], 0
    while size < n:
        r = '<tr class="row-%d"><td><a href="/items/%d">%s</a></td><td>%s</td></tr>\n' % (rng.randrange(9), rng.randrange(10**6), rng.choice(words), text(rng.randrange(5, 60)).decode("utf-8", "ignore"))
        rows.append(r); size += len(r.encode())
    return ("<!doctype html><html><head><title>t</title></head><body><table>\n" + "".join(rows)).encode()[:n]
def json_(n):
    items, size = [], 0
    while size < n:
        i = '{"id": %d, "name": "%s", "score": %.3f, "tags": ["%s", "%s"], "ok": %s}' % (rng.randrange(10**9), rng.choice(words), rng.random() * 100, rng.choice(words), rng.choice(words), rng.choice(["true", "false", "null"]))
        items.append(i); size += len(i) + 2
    return ("[" + ",\n".join(items) + "]").encode()[:n]
def binary(n):
    # Little-endian integers that change slowly, and structs: what signed-context data looks like.
    b, v = bytearray(), 0
    while len(b) < n:
        v += rng.randrange(-300, 300)
        b += (v & 0xFFFFFFFF).to_bytes(4, "little") + bytes([rng.randrange(4), 0, 0xFF, rng.randrange(256)])
    return bytes(b[:n])
def noise(n): return rng.randbytes(n)
def repetitive(n):
    unit = rng.randbytes(rng.randrange(1, 40))
    return (unit * (n // len(unit) + 1))[:n]
def mixed(n):
    b = bytearray()
    while len(b) < n:
        b += rng.choice([text, noise, binary, repetitive])(rng.randrange(1, 5000))
    return bytes(b[:n])
kinds = {"text": text, "html": html, "json": json_, "binary": binary, "noise": noise, "repetitive": repetitive, "mixed": mixed}
# 40 sizes a kind: the edges (0-3 bytes, around 16, 1 KB and 64 KB), then log-uniform up to
# 300 KB, and one of 1 or 2 MB.
edges = [0, 1, 2, 3, 15, 16, 17, 1023, 1024, 1025, 65535, 65536, 65537]
count = 0
for kind, make in kinds.items():
    sizes = edges + [int(10 ** rng.uniform(1, 5.48)) for _ in range(26)] + [rng.choice([1 << 20, 2 << 20])]
    for number, size in enumerate(sizes):
        with open(os.path.join(out, "%s-%02d-%d" % (kind, number, size)), "wb") as f:
            f.write(make(size))
        count += 1
# The 2 MB text of the speed figure in the report (made at quality 11 below).
with open(os.path.join(out, "text-2097152"), "wb") as f:
    f.write(text(2 << 20))
print(count + 1)
PY
}

section_brotli() {
  need brotli brotli
  local dir="$work/brotli" raw="$work/raw"
  mkdir -p "$dir" "$raw"
  echo "brotli: $(bodies "$raw") bodies; $(brotli --version)"
  # Each body at three settings, quality and window stepping through 0-11 and 10-24 at
  # different strides so that every pair comes up; quality 10 and 11 (slow to make) only for
  # bodies up to 300 KB and the 2 MB text.
  local streams=0 step=0 body size quality window name round
  for body in "$raw"/*; do
    size=$(stat -c %s "$body")
    for round in 0 1 2; do
      step=$((step + 1))
      quality=$((step % 12))
      window=$((10 + (step * 4 + round) % 15))
      if [ "$quality" -ge 10 ] && [ "$size" -gt 300000 ] && [ "$(basename "$body")" != text-2097152 ]; then quality=$((quality - 4)); fi
      name="$dir/$(basename "$body")-q$quality-w$window"
      [ -e "$name" ] && continue
      ln "$body" "$name"
      brotli -c -q "$quality" -w "$window" "$body" > "$name.br"
      streams=$((streams + 1))
    done
  done
  # The 2 MB text at the highest quality and the largest window, whatever the steps gave.
  if [ ! -e "$dir/text-2097152-q11-w24" ]; then
    ln "$raw/text-2097152" "$dir/text-2097152-q11-w24"
    brotli -c -q 11 -w 24 "$raw/text-2097152" > "$dir/text-2097152-q11-w24.br"
    streams=$((streams + 1))
  fi
  echo "brotli: $streams streams made; decoding them with httplint's decoder"
  HTTPLINT_BROTLI_CORPUS="$dir" swift test --filter 'BrotliTests/referenceCorpus' 2>&1 | tee "$work/brotli.log" | grep -E "brotli corpus:|recorded an issue|error:" || true
  grep -q "Test referenceCorpus() passed" "$work/brotli.log" || { echo "brotli: FAILED"; tail -20 "$work/brotli.log"; return 1; }
  echo "brotli: passed"
}

[ $# -gt 0 ] || set -- "${SECTIONS[@]}"
status=0
for section in "$@"; do
  "section_$section" || status=1
done
exit $status
