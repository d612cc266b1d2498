#!/usr/bin/env bash
# Installs FerretDB v1.24.2 into $(go env GOPATH)/bin.
# A plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at start
# ("Invalid build/version/version.txt file content"): the module ships without the generated version file.
# So: fetch the module through the Go proxy, add that file, and build it.
set -euo pipefail
version=v1.24.2
bin_dir="$(go env GOBIN)"
[ -n "$bin_dir" ] || bin_dir="$(go env GOPATH)/bin"
if [ -x "$bin_dir/ferretdb" ] && "$bin_dir/ferretdb" --version 2>/dev/null | grep -q "$version"; then
  echo "ferretdb $version already installed in $bin_dir"
  exit 0
fi
echo "installing FerretDB $version into $bin_dir (downloads Go modules, about 2 minutes the first time)"
src="$(go mod download -json "github.com/FerretDB/FerretDB@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
chmod -R u+w "$work"
echo "$version" > "$work/build/version/version.txt"
mkdir -p "$bin_dir"
(cd "$work" && go build -buildvcs=false -o "$bin_dir/ferretdb" ./cmd/ferretdb)
"$bin_dir/ferretdb" --version | head -1
