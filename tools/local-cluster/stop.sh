#!/usr/bin/env bash
# Stops the local cluster started by start.sh: TERM, then KILL after a timeout.
#
#   stop.sh [--state-dir DIR] [--clean] [--timeout SECONDS]
#
# --clean also deletes the state directory (etcd data, certificates, logs).
set -euo pipefail

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-local-cluster"
state="${LOCAL_CLUSTER_DIR:-$cache_root/state}"
clean=0
timeout=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --state-dir) state="$2"; shift 2 ;;
    --state-dir=*) state="${1#*=}"; shift ;;
    --clean) clean=1; shift ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "stop.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
say() { echo "local-cluster: $*" >&2; }

if [[ ! -d "$state" ]]; then
  say "no state directory $state; nothing to stop"
  exit 0
fi
state="$(cd "$state" && pwd)"
run="$state/run"

# Our process: pid from the pid file whose command line still mentions the state dir.
ours() {
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$state"
}

# Reverse start order: the agent and controllers first, etcd last.
pids=()
for name in nodes scheduler controller-manager apiserver etcd; do
  f="$run/$name.pid"
  [[ -f "$f" ]] || continue
  pid="$(cat "$f")"
  if ours "$pid"; then
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("$pid")
    # Let the apiserver go before etcd, but do not wait long for each.
    if [[ $name == apiserver ]]; then
      for _ in $(seq 1 $((timeout * 2))); do ours "$pid" || break; sleep 0.5; done
    fi
  fi
  rm -f "$f"
done

deadline=$((SECONDS + timeout))
for pid in "${pids[@]}"; do
  while ours "$pid"; do
    if (( SECONDS >= deadline )); then
      say "pid $pid did not exit after ${timeout}s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.2
  done
done

left=0
for pid in "${pids[@]}"; do ours "$pid" && { say "pid $pid is still running"; left=1; }; done
(( left )) && exit 1
say "stopped"

if (( clean )); then
  rm -rf "$state"
  say "removed $state"
fi
