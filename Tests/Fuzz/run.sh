#!/usr/bin/env bash
# Builds and runs one libFuzzer target over httplint's own sources.
#
#   Tests/Fuzz/run.sh parser|request|linter|har|curl|config|glob|structured-fields|content|brotli|zstd|pcap|reassembly [SECONDS]
#
# The sources of HTTPLintCore, the rules and HTTPLint are compiled into one module with
# -sanitize=fuzzer,address together with Tests/Fuzz/Targets/TARGET.swift. Seeds come from
# Samples/ and the llhttp vectors; the corpus grows in .build-fuzz/corpus-TARGET and crashes
# land in .build-fuzz/artifacts-TARGET/ (turn each into a regression test). Leaks count as
# crashes, except the process-lifetime statics named in Tests/Fuzz/lsan.supp.
set -euo pipefail
target=${1:?usage: Tests/Fuzz/run.sh parser|request|linter|har|curl|config|glob|structured-fields|content|brotli|zstd|pcap|reassembly [SECONDS]}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
entry="$root/Tests/Fuzz/Targets/$target.swift"
[ -f "$entry" ] || { echo "no such fuzz target: $target" >&2; exit 2; }
work="$root/.build-fuzz"
src="$work/src-$target"
seeds="$work/seeds-$target"
rm -rf "$src" "$seeds"
mkdir -p "$src" "$seeds" "$work/corpus-$target" "$work/artifacts-$target"

# One module: drop the cross-module imports and point module-qualified names (HTTPLintCore.Exchange) at it.
while IFS= read -r file; do
  name=$(echo "${file#"$root"/}" | tr '/' '_')
  sed -e '/^import HTTPLintCore$/d' -e '/^import HTTPLintRules$/d' -e '/^@_exported import /d' \
    -e 's/\bHTTPLint\(Core\|Rules\)\?\.\([A-Z]\)/HTTPLintFuzz.\2/g' "$file" > "$src/$name"
done < <(find "$root/Sources/HTTPLintCore" "$root/Rules" "$root/Sources/HTTPLint" -name '*.swift' | sort)
cp "$entry" "$src/zz_target.swift"
swiftc -parse-as-library -sanitize=fuzzer,address -O -module-name HTTPLintFuzz "$src"/*.swift -o "$work/fuzz-$target"

max_len=8192
case "$target" in
  har) cp "$root"/Samples/traffic/*.har "$seeds"/ ;;
  pcap)
    cp "$root"/Samples/captures/*.pcap "$root"/Samples/captures/*.pcapng "$seeds"/
    max_len=16384 ;;
  reassembly)
    # Initial sequence numbers, then segments: control (0x80 server, 0x40 altered, SYN 0x02,
    # FIN 0x01, RST 0x04, ACK 0x10), 16-bit offset, length.
    python3 - "$seeds" <<'PY'
import struct, sys
def write(name, isn_c, isn_s, segments):
    open(f"{sys.argv[1]}/{name}", "wb").write(struct.pack("!II", isn_c, isn_s) + b"".join(struct.pack("!BHB", *s) for s in segments))
handshake = [(0x02, 0, 0), (0x92, 0, 0)]
write("in-order", 1000, 5000, handshake + [(0x10, 0, 100), (0x90, 0, 200), (0x90, 200, 50), (0x11, 100, 0), (0x91, 250, 0)])
write("wrap", 0xFFFFFFF0, 0xFFFFFF00, handshake + [(0x10, 0, 255), (0x90, 0, 255), (0x90, 255, 255), (0x11, 255, 0), (0x91, 510, 0)])
write("shuffled", 7, 9, handshake + [(0x90, 100, 50), (0x90, 0, 60), (0x90, 40, 80), (0xD0, 20, 10), (0x94, 0, 0)])
write("midstream", 1, 2, [(0x10, 300, 20), (0x90, 500, 40), (0x10, 320, 20), (0x02, 0, 0), (0x10, 0, 30)])
PY
    ;;
  config)
    printf '{"rules": {"reason-phrase-mismatch": "off"}, "ignorePaths": ["a/**"], "overrides": [{"files": ["*.http"], "rules": {"missing-retry-after": "error"}}]}' > "$seeds/config.json"
    printf '{"version": 1, "findings": [{"path": "a", "entry": null, "exchange": 0, "rule": "x", "message": "m", "count": 2}]}' > "$seeds/baseline.json" ;;
  curl) cp "$root"/Samples/traffic/*.txt "$seeds"/ ;;
  request)
    find "$root/Samples" -name '*.req' -exec cp {} "$seeds"/ \;
    printf 'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcPOST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n' > "$seeds/pipelined.req" ;;
  glob)
    printf 'captures/legacy/**\ncaptures/legacy/2024/a.http' > "$seeds/globstar"
    printf '**/cdn-??.http\na/b/cdn-01.http' > "$seeds/question"
    printf '*.har\ntraffic/run.har' > "$seeds/anywhere"
    printf '**/d*/**/d*/**/d*/**/x\nd1/d2/d3/d4/d5/d6/d7/d8/x' > "$seeds/many" ;;
  content)
    python3 - "$seeds" <<'PY'
import sys, zlib
text = b"".join(b"%d: the quick brown fox jumps over the lazy dog\n" % i for i in range(300))
for number, (wbits, level, strategy) in enumerate([(31, 6, 0), (31, 0, 0), (15, 9, 0), (-15, 1, zlib.Z_FIXED), (31, 9, zlib.Z_HUFFMAN_ONLY)]):
    compressor = zlib.compressobj(level, zlib.DEFLATED, wbits, 8, strategy)
    open(f"{sys.argv[1]}/content-{number}", "wb").write(compressor.compress(text) + compressor.flush())
PY
    ;;
  brotli)
    # Streams of the reference compressor (when the brotli tool is installed) over text,
    # HTML-like and binary bytes at several qualities and windows, and hand-made streams of
    # uncompressed meta-blocks (RFC 7932 §11.1's trivial compressor).
    python3 - "$seeds" <<'PY'
import shutil, subprocess, sys
text = b"".join(b"%d: the quick brown fox jumps over the lazy dog, <a href=\"/x\">caf\xc3\xa9</a>\n" % i for i in range(200))
binary = bytes((i * 7919 >> 3) & 0xFF for i in range(3000)) + bytes(range(256)) * 4
bodies = {"text": text, "binary": binary, "short": b"hello", "empty": b""}
if shutil.which("brotli"):
    for name, body in bodies.items():
        for quality, window in [(0, 10), (1, 16), (5, 18), (9, 22), (11, 24), (11, 10)]:
            out = subprocess.run(["brotli", "-c", "-q", str(quality), "-w", str(window)], input=body, capture_output=True, check=True).stdout
            open(f"{sys.argv[1]}/brotli-{name}-q{quality}-w{window}", "wb").write(out)
for name, body in bodies.items():
    stream = bytearray([12]) if body else bytearray([6])
    for start in range(0, len(body), 65536):
        part = body[start:start + 65536]
        last = len(part) - 1
        stream += bytes([(last & 31) << 3, last >> 5 & 0xFF, 8 + (last >> 13)]) + part
    if body:
        stream.append(3)
    open(f"{sys.argv[1]}/stored-{name}", "wb").write(bytes(stream))
PY
    ;;
  zstd)
    # Frames the zstd tool writes (levels, no checksum, a pipe's unknown size, two frames),
    # a skippable frame and Samples/ text; without the tool, the Samples/ text alone.
    text=$(cat "$root"/Samples/*.http | head -c 20000)
    if command -v zstd >/dev/null; then
      for option in -1 -3 -19 "--ultra -22" "--no-check -5" "--long=20 -9"; do
        # shellcheck disable=SC2086
        printf '%s' "$text" | zstd -q -c $option > "$seeds/zstd${option// /}"
      done
      printf 'hello' | zstd -q -c > "$seeds/zstd-hello"
      cat "$seeds/zstd-hello" "$seeds/zstd-1" > "$seeds/zstd-two"
      head -c 3000 /dev/urandom | zstd -q -c -3 > "$seeds/zstd-random"
    fi
    printf '\x50\x2a\x4d\x18\x03\x00\x00\x00abc\x28\xb5\x2f\xfd\x20\x05\x29\x00\x00hello' > "$seeds/zstd-skippable"
    printf '%s' "$text" > "$seeds/zstd-text" ;;
  structured-fields)
    python3 - "$root/Tests/Conformance/structured-field-tests" "$seeds" <<'PY'
import glob, json, sys
count = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    for case in json.load(open(path)):
        if "raw" in case:
            open(f"{sys.argv[2]}/sf-{count:05d}", "w").write(", ".join(case["raw"]))
            count += 1
PY
    ;;
  *)
    cp "$root"/Samples/*.http "$seeds"/
    python3 - "$root/Tests/Conformance/llhttp-responses.jsonl" "$seeds" <<'PY'
import json, sys
for number, line in enumerate(open(sys.argv[1])):
    case = json.loads(line)
    open(f"{sys.argv[2]}/llhttp-{number:03d}.http", "wb").write(case["raw"].encode("utf-8"))
PY
    ;;
esac

LSAN_OPTIONS="suppressions=$root/Tests/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
  "$work/fuzz-$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts-$target/" "$work/corpus-$target" "$seeds"
