#!/usr/bin/env bash
# Builds SecantusDB's Rust server (`secantusd-rs`, crate secantus-mdb, pinned below) into cargo's bin folder.
# It compiles WiredTiger from the crate's bundled source (needs cmake and a C compiler, no other system package):
# about 7 minutes on 2 cores the first time, nothing when the pinned version is already there.
# The crate declares Rust 1.98 but builds with 1.95 (measured), hence --ignore-rust-version.
# GPL-2.0-only: Parley runs it as a separate process and never links or bundles it.
set -euo pipefail
crate=secantus-mdb
version=0.5.3-beta.196
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"
bin="$CARGO_HOME/bin/secantusd-rs"

installed_version() {
  # Captured, never piped into head: under pipefail an early-exiting reader kills the pipeline (SIGPIPE, 141).
  local out
  out="$("$bin" --version 2>/dev/null)" || return 1
  [[ "$out" == *"$version"* ]]
}

if [ -x "$bin" ] && installed_version; then
  echo "secantusd-rs $version already installed in $CARGO_HOME/bin"
  exit 0
fi
command -v cargo >/dev/null || { echo "install-secantusdb: cargo is required (Rust toolchain)" >&2; exit 1; }
command -v cmake >/dev/null || { echo "install-secantusdb: cmake is required to build WiredTiger" >&2; exit 1; }
command -v cc >/dev/null || { echo "install-secantusdb: a C compiler (cc) is required" >&2; exit 1; }

jobs="$(nproc 2>/dev/null || echo 2)"
echo "install-secantusdb: building $crate $version with cargo on $jobs cores (about $((14 / jobs)) minutes on this many cores; a line every 30 s while it runs)"
started=$(date +%s)
# A progress line every 30 s, since WiredTiger's C build is silent for minutes.
( while sleep 30; do echo "install-secantusdb: still building ($(( $(date +%s) - started )) s)"; done ) &
ticker=$!
trap 'kill "$ticker" 2>/dev/null || true' EXIT
cargo install "$crate" --version "$version" --locked --ignore-rust-version --quiet
kill "$ticker" 2>/dev/null || true
installed_version || { echo "install-secantusdb: $bin does not report version $version" >&2; exit 1; }
echo "install-secantusdb: secantusd-rs $version installed in $CARGO_HOME/bin after $(( $(date +%s) - started )) s"
