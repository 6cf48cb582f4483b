#!/usr/bin/env bash
# Stops the local Git host started by start.sh: TERM, then KILL after a timeout.
#
#   stop.sh [--state-dir DIR] [--clean] [--timeout SECONDS]
#
# --clean also deletes the state directory (repositories, database, admin password and token).
set -euo pipefail

state="${GITEA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-gitea/state}"
clean=0
timeout=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --state-dir) state="$2"; shift 2 ;;
    --state-dir=*) state="${1#*=}"; shift ;;
    --clean) clean=1; shift ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gitea stop.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
say() { echo "gitea: $*" >&2; }

if [[ ! -d "$state" ]]; then
  say "no state directory $state; nothing to stop"
  exit 0
fi
state="$(cd "$state" && pwd)"
pidfile="$state/run/gitea.pid"
ours() {
  [[ "$1" =~ ^[0-9]+$ && -r "/proc/$1/cmdline" ]] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -qF -- "$state"
}

pid="$(cat "$pidfile" 2>/dev/null || true)"
if ours "$pid"; then
  say "stopping gitea (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while ours "$pid"; do
    if (( SECONDS >= deadline )); then
      say "pid $pid did not exit after ${timeout}s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.1
  done
  if ours "$pid"; then say "pid $pid is still running"; exit 1; fi
  say "stopped"
fi
rm -f "$pidfile"

if (( clean )); then
  rm -rf "$state"
  say "removed $state"
fi
