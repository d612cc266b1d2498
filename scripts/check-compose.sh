#!/usr/bin/env bash
# Validates docker-compose.yml with `docker compose config` (no Docker engine is needed for that).
# Where the compose plugin is missing, it is built from the Go module proxy into ~/.docker/cli-plugins.
set -euo pipefail
if ! docker compose version >/dev/null 2>&1; then
  command -v docker >/dev/null || { echo "compose check: no docker CLI on this machine" >&2; exit 1; }
  echo "compose check: installing the docker compose plugin with Go"
  bin="$(mktemp -d)"
  GOBIN="$bin" go install github.com/docker/compose/v2/cmd@v2.29.7
  mkdir -p "$HOME/.docker/cli-plugins"
  mv "$bin/cmd" "$HOME/.docker/cli-plugins/docker-compose"
fi
docker compose config --quiet
echo "compose check: docker-compose.yml is valid"
