#!/usr/bin/env bash
# The single self-contained Linux binary: builds it (release, Swift runtime linked in), checks
# that it needs no libswift*, runs it in a chroot holding only the C libraries ldd names (when
# run as root), compares its output with the dynamic build's on Samples/ in every format, and
# prints its size and start-up time.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --scratch-path .build-static --product httplint
swift build --product httplint
static=.build-static/release/httplint
dynamic="$(swift build --show-bin-path)/httplint"
if ldd "$static" | grep -i swift; then echo "static-check: the binary needs the Swift runtime"; exit 1; fi

# Every format, the same bytes (but the text summary's time).
for format in text json jsonl sarif junit github checkstyle markdown html; do
    "$static" --format "$format" Samples/ > /tmp/static-check.$$.a 2>&1 || true
    "$dynamic" --format "$format" Samples/ > /tmp/static-check.$$.b 2>&1 || true
    if ! diff <(sed -E 's/ in [0-9.]+ s$//' /tmp/static-check.$$.a) <(sed -E 's/ in [0-9.]+ s$//' /tmp/static-check.$$.b) > /dev/null; then
        echo "static-check: --format $format differs from the dynamic build's"; exit 1
    fi
    echo "same output as the dynamic build: --format $format ($(wc -c < /tmp/static-check.$$.a) bytes)"
done
rm -f /tmp/static-check.$$.a /tmp/static-check.$$.b

# Out of reach of the toolchain: a root holding the binary, the C libraries and /proc only.
if [ "$(id -u)" = 0 ]; then
    jail="$(mktemp -d)"
    mkdir -p "$jail/proc" "$jail/work"
    cp "$static" "$jail/httplint"
    ldd "$static" | grep -o '/[^ ]*' | while read -r library; do mkdir -p "$jail$(dirname "$library")"; cp "$library" "$jail$library"; done
    cp -r Samples "$jail/work/"
    mount --bind /proc "$jail/proc"
    trap 'umount "$jail/proc"; rm -rf "$jail"' EXIT
    chroot "$jail" /httplint --format jsonl work/Samples/ | sed 's#work/Samples/#Samples/#g' > /tmp/static-check.$$.jail || true
    "$dynamic" --format jsonl Samples/ > /tmp/static-check.$$.here || true
    if ! cmp -s /tmp/static-check.$$.jail /tmp/static-check.$$.here; then echo "static-check: the binary differs in a bare root"; exit 1; fi
    echo "runs in a root without the Swift runtime ($(find "$jail" -path "$jail/proc" -prune -o -name 'libswift*' -print | wc -l) libswift* there): same findings"
    rm -f /tmp/static-check.$$.jail /tmp/static-check.$$.here
fi

cp "$static" /tmp/static-check.$$.stripped && strip /tmp/static-check.$$.stripped
echo "size: $(stat -c %s "$static") bytes, $(stat -c %s /tmp/static-check.$$.stripped) stripped"
rm -f /tmp/static-check.$$.stripped
python3 - "$static" "$dynamic" <<'PY'
import subprocess, sys, time
for label, binary in (("static", sys.argv[1]), ("dynamic debug", sys.argv[2])):
    for args in (["--version"], ["Samples/302-without-location.http"]):
        runs = []
        for _ in range(20):
            started = time.perf_counter()
            subprocess.run([binary] + args, stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - started)
        runs.sort()
        print(f"start-up, {label} {' '.join(args)}: median {runs[10] * 1000:.0f} ms")
PY
