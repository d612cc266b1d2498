#!/usr/bin/env bash
# Installs Mailpit v1.33.1 (the development and test SMTP catcher) into $(go env GOPATH)/bin.
# Built from the Go module with its version stamped in (a plain `go install` reports "dev", and Parley refuses a
# binary it cannot identify). The module ships without the web UI's compiled JavaScript (Mailpit's own release
# build makes it with npm), so the inbox page at :8025 is an empty shell; its HTTP API and the message views
# (/view/latest.html, /view/<id>.txt) work, and that is what Parley's tests and README use.
set -euo pipefail
version=v1.33.1
bin_dir="$(go env GOBIN)"
[ -n "$bin_dir" ] || bin_dir="$(go env GOPATH)/bin"
# Captured, never piped into grep -q: under pipefail an early-exiting reader fails the pipeline.
current="$("$bin_dir/mailpit" version --no-release-check 2>/dev/null || "$bin_dir/mailpit" version 2>/dev/null || true)"
if [[ "$current" == *"mailpit $version"* ]]; then
  echo "mailpit $version already installed in $bin_dir"
  exit 0
fi
echo "installing Mailpit $version into $bin_dir (downloads Go modules and builds: about 1 CPU-minute the first time)"
mkdir -p "$bin_dir"
GOBIN="$bin_dir" go install -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$version" \
  "github.com/axllent/mailpit@$version"
built="$("$bin_dir/mailpit" version --no-release-check 2>/dev/null || true)"
[[ "$built" == *"mailpit $version"* ]] || { echo "built mailpit does not report $version: ${built%%$'\n'*}" >&2; exit 1; }
echo "${built%%$'\n'*}"
