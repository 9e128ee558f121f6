#!/usr/bin/env bash
# Renders the HTML reports of the samples, the HAR, a probe run and a hostile response in
# headless Chromium (Debian's package, installed when missing) and checks the DOM; screenshots
# go to .build/html-check/screens. Not run by .ci/run: the install and the dozen Chromium starts
# take about 3.5 minutes here. `--large` also times a 10,000-exchange report.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
swift build --product httplint
python3 .ci/html_check.py "$(swift build --show-bin-path)/httplint" .build/html-check "$@"
