#!/usr/bin/env bash
# Installs gofakes3 v1.2.0 (a small S3-compatible server in Go) into $(go env GOPATH)/bin. Test-only: the
# S3 storage spec (test/e2e/uploads-s3.e2e-spec.ts) starts one per run and talks to it with the AWS SDK v3,
# the same client production uses against AWS S3, MinIO, Ceph RGW or any other S3-compatible store.
set -euo pipefail
version=v1.2.0
bin_dir="$(go env GOBIN)"
[ -n "$bin_dir" ] || bin_dir="$(go env GOPATH)/bin"
# Captured, never piped into grep -q: under pipefail an early-exiting reader fails the pipeline.
current="$(go version -m "$bin_dir/gofakes3" 2>/dev/null || true)"
if [[ "$current" == *"github.com/johannesboyne/gofakes3"*"$version"* ]]; then
  echo "gofakes3 $version already installed in $bin_dir"
  exit 0
fi
echo "installing gofakes3 $version into $bin_dir (downloads Go modules and builds: under a CPU-minute)"
mkdir -p "$bin_dir"
GOBIN="$bin_dir" go install "github.com/johannesboyne/gofakes3/cmd/gofakes3@$version"
built="$(go version -m "$bin_dir/gofakes3")"
[[ "$built" == *"$version"* ]] || { echo "built gofakes3 is not $version" >&2; exit 1; }
echo "gofakes3 $version installed in $bin_dir"
