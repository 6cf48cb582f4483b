#!/usr/bin/env bash
# Installs everything a fresh machine needs; does nothing that is already done.
#   scripts/setup.sh            Node dependencies (npm ci, with the project's own Node 22)
#   scripts/setup.sh --test     ... and what the tests need: Debian's Chromium (end-to-end tests) and
#                               PostgreSQL server (the database tests run on SQLite and PostgreSQL)
#   --no-node                   only the machine's packages, not npm ci (scripts/test.sh starts the Go
#                               builds between the two, so they overlap npm ci)
# Go (the local control plane, Gitea) and a C compiler (Gitea's SQLite driver) are checked for too.
set -euo pipefail
cd "$(dirname "$0")/.."
test_packages=no node=yes
for a in "$@"; do
  case "$a" in
    --test) test_packages=yes ;;
    --no-node) node=no ;;
    *) echo "setup.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "[setup] please install these Debian packages: ${missing[*]}" >&2
    return 1
  fi
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# openssl makes the local cluster's certificates; Go builds its control plane.
command -v openssl >/dev/null || apt_install openssl
command -v go >/dev/null || { echo "[setup] Go is required to build the local control plane (tools/local-cluster) and Gitea (tools/gitea)" >&2; exit 1; }
command -v gcc >/dev/null || apt_install gcc libc6-dev

if [ "$test_packages" = yes ]; then
  apt_install chromium postgresql
fi
[ "$node" = yes ] || exit 0

# Node dependencies: npm ci when node_modules is missing or older than the lockfile.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ ! -x node_modules/.bin/node ]; then
  log "installing Node dependencies with npm ci (a few minutes on a fresh machine)..."
  start=$(date +%s)
  npm ci --no-audit --no-fund
  log "npm ci took $(( $(date +%s) - start )) s"
else
  log "Node dependencies are up to date"
fi
