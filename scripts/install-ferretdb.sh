#!/usr/bin/env bash
# Installs FerretDB v1.24.2 into $(go env GOPATH)/bin.
# A plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at start
# ("Invalid build/version/version.txt file content"): the module ships without the generated version file.
# So: fetch the module through the Go proxy, add that file, and build it.
#
# One fix is applied on the way (the build says "package: parley-sqlite-id-index" in `ferretdb --version`):
# the SQLite backend looks documents up by `_ferretdb_sjson->'$._id'`, but it creates the unique _id index on
# `_ferretdb_sjson->"_id"`. SQLite only uses an expression index for the same expression, so every find, update
# and delete by _id scanned the whole table (EXPLAIN QUERY PLAN: SCAN; a findOne by _id took 23 ms at 4,000
# documents of 2 KB). The lookup now uses the index's own expression (SEARCH ... USING INDEX), with the same
# results: both read the same JSON value. docs/benchmarks.md ("HTTP load") has the before and after.
set -euo pipefail
version=v1.24.2
marker=parley-sqlite-id-index
bin_dir="$(go env GOBIN)"
[ -n "$bin_dir" ] || bin_dir="$(go env GOPATH)/bin"
current="$("$bin_dir/ferretdb" --version 2>/dev/null || true)"
if [[ "$current" == *"$version"* && "$current" == *"package: $marker"* ]]; then
  echo "ferretdb $version ($marker) already installed in $bin_dir"
  exit 0
fi
echo "installing FerretDB $version into $bin_dir (downloads Go modules and builds: about 3 CPU-minutes the first time)"
src="$(go mod download -json "github.com/FerretDB/FerretDB@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
chmod -R u+w "$work"
echo "$version" > "$work/build/version/version.txt"
echo "$marker" > "$work/build/version/package.txt"
metadata="$work/internal/backends/sqlite/metadata/metadata.go"
sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \"->\\\\\"_id\\\\\"\"|" "$metadata"
grep -q 'IDColumn = DefaultColumn + "->\\"_id\\""' "$metadata" || { echo "the _id index fix did not apply to $metadata" >&2; exit 1; }
mkdir -p "$bin_dir"
(cd "$work" && go build -buildvcs=false -o "$bin_dir/ferretdb" ./cmd/ferretdb)
# Captured, never piped into head: under pipefail an early-exiting reader killed the pipeline (SIGPIPE, exit
# 141), 1 run in 6, and a fresh machine's first `npm start` fell through to the next engine.
built="$("$bin_dir/ferretdb" --version)"
echo "${built%%$'\n'*}"
