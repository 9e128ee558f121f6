#!/usr/bin/env bash
# Runs the Spark example on the repository's recorded traffic and checks that its findings
# equal linting the same files directly, finding for finding. Installs what it needs:
# a Java runtime (Debian's openjdk-17-jre-headless) and pyspark (PyPI) when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v java >/dev/null; then apt-get install -y -qq openjdk-17-jre-headless >/dev/null; fi
python3 -c 'import pyspark' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check pyspark
swift build >/dev/null
httplint="$(swift build --show-bin-path)/httplint"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Examples/spark/make_records.py Samples/servers Samples/traffic > "$work/records.jsonl"
python3 Examples/spark/lint_job.py "$httplint" "$work/records.jsonl" "$work/findings" 4 | tee "$work/summary.txt"
# The same files linted directly (HAR and raw, each .http with its .req beside it).
find Samples/servers Samples/traffic -name '*.http' -o -name '*.har' | sort > "$work/files.txt"
xargs "$httplint" --format jsonl --no-config < "$work/files.txt" > "$work/direct.jsonl" || true
python3 - "$work" <<'PY'
import glob, json, sys
work = sys.argv[1]
key = lambda f: (f["path"], f.get("entry"), f["exchange"], f["rule"], f["line"], f["column"], f["message"])
direct = sorted(key(f) for f in map(json.loads, open(f"{work}/direct.jsonl")) if "rule" in f)
spark = sorted(key(f) for path in glob.glob(f"{work}/findings/*.json") for f in map(json.loads, open(path)))
assert direct, "no findings at all"
if direct != spark:
    missing, extra = set(direct) - set(spark), set(spark) - set(direct)
    sys.exit(f"Spark and direct linting differ: {len(missing)} only direct, {len(extra)} only Spark, e.g. {sorted(missing or extra)[:3]}")
print(f"Spark example: {len(spark)} findings, equal to linting the files directly")
PY
