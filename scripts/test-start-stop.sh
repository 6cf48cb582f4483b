#!/usr/bin/env bash
# Clean stops of `npm start`: starts it with a local control plane and a Gitea of its own (temporary state
# folders and ports) and its own backend and frontend ports, waits until the backend is ready and the frontend listens,
# sends a signal, and asserts that within 10 s no process it started is left and no port still listens.
#
#   scripts/test-start-stop.sh [npm|backend-cli|backend-node] ...   (default: npm backend-node)
#     npm           SIGTERM to the `npm start` process
#     backend-cli   SIGINT to the backend's `backstage-cli package start` process (as a process manager would)
#     backend-node  SIGTERM to the backend's node child of backstage-cli (the one that used to survive)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$PATH"
say() { echo "test-start-stop: $*"; }
failures=0
fail() { echo "test-start-stop: FAIL: $*" >&2; failures=$((failures + 1)); }
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(npm backend-node)

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick() { # COUNT-OF-CONSECUTIVE-OFFSETS: a base port P with P, P+1000..P+1003 free (the cluster's layout)
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 9000))
    port_free "$p" && port_free $((p + 1000)) && port_free $((p + 1001)) && port_free $((p + 1002)) &&
      port_free $((p + 1003)) && { echo "$p"; return 0; }
  done
  return 1
}
descendants() { # PID: the pid and all its descendants
  local pid="$1" c
  echo "$pid"
  for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do descendants "$c"; done
}

run_case() {
  local mode="$1" tmp cport bport fport gport log pid t0 target="" all ports left
  tmp="$(mktemp -d)"
  cport="$(pick)"; bport="$(pick)"; fport="$(pick)"; gport="$(pick)"
  log="$tmp/start.log"
  say "== $mode: npm start with a local control plane on :$cport, backend :$bport, frontend :$fport"
  t0=$SECONDS
  # setsid: the test's own shell is not in npm's process group, as with a process manager.
  # Its own Gitea too (state folder and port), without building Gitea's web UI assets (not needed here).
  (cd "$root" && exec setsid env LOCAL_CLUSTER_DIR="$tmp/cluster" LOCAL_CLUSTER_PORT="$cport" \
    GITEA_DIR="$tmp/gitea" GITEA_PORT="$gport" GITEA_WEB_ASSETS=0 \
    APP_CONFIG_backend_listen_port="$bport" APP_CONFIG_backend_baseUrl="http://localhost:$bport" \
    APP_CONFIG_app_baseUrl="http://localhost:$fport" APP_CONFIG_app_listen_port="$fport" \
    APP_CONFIG_backend_cors_origin="http://localhost:$fport" \
    npm start > "$log" 2>&1 < /dev/null) &
  pid=$!
  local deadline=$((SECONDS + 300)) ready=0
  while (( SECONDS < deadline )); do
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$bport/.backstage/health/v1/readiness")" == 200 ]] &&
      ! port_free "$fport"; then ready=1; break; fi
    sleep 2
  done
  if (( ! ready )); then
    fail "$mode: the backend on :$bport was not ready and the frontend not listening on :$fport within 300 s"
    tail -30 "$log" >&2
  else
    say "$mode: ready in $((SECONDS - t0)) s"
  fi
  all="$(descendants "$pid" | sort -u | tr '\n' ' ')"
  case "$mode" in
    npm) target="$pid"; sig=TERM ;;
    backend-cli|backend-node)
      local cli
      cli="$(for p in $all; do tr '\0' ' ' 2>/dev/null < /proc/"$p"/cmdline | grep -q 'backstage-cli package start' &&
        [[ "$(readlink /proc/"$p"/cwd)" == "$root/packages/backend" ]] && echo "$p"; done | head -1)"
      if [[ "$mode" == backend-cli ]]; then target="$cli" sig=INT; else target="$(pgrep -P "$cli" | head -1)" sig=TERM; fi ;;
  esac
  if [[ -z "$target" ]]; then
    fail "$mode: no process to signal"
  else
    say "$mode: SIGTERM/SIGINT ($sig) to pid $target ($(tr '\0' ' ' < /proc/"$target"/cmdline | cut -c1-80))"
    local t1=$SECONDS
    kill -"$sig" "$target"
    local gone=0
    for _ in $(seq 1 100); do
      left=""
      for p in $all; do kill -0 "$p" 2>/dev/null && left="$left $p"; done
      [[ -z "$left" ]] && ! pgrep -f -- "$tmp/cluster" >/dev/null && ! pgrep -f -- "$tmp/gitea" >/dev/null &&
        { gone=1; break; }
      sleep 0.1
    done
    if (( gone )); then
      say "$mode: every process gone $((SECONDS - t1)) s after the signal (at most 10 s)"
    else
      fail "$mode: processes left 10 s after the signal:"
      for p in $left $(pgrep -f -- "$tmp/cluster") $(pgrep -f -- "$tmp/gitea"); do ps -o pid=,args= -p "$p" >&2; done
    fi
    for p in "$cport" $((cport + 1000)) $((cport + 1001)) $((cport + 1002)) $((cport + 1003)) "$bport" "$fport" "$gport"; do
      port_free "$p" || fail "$mode: port $p still listens after the stop"
    done
  fi
  # Whatever a failure left behind, by pid (never by name).
  for p in $all $(pgrep -f -- "$tmp/cluster") $(pgrep -f -- "$tmp/gitea"); do kill -KILL "$p" 2>/dev/null; done
  bash "$root/tools/local-cluster/stop.sh" --state-dir "$tmp/cluster" >/dev/null 2>&1
  bash "$root/tools/gitea/stop.sh" --state-dir "$tmp/gitea" >/dev/null 2>&1
  grep -E '^\[start\] (stopping|stopped|.*exited|the backend)' "$log" | sed 's/^/  /'
  rm -rf "$tmp"
}

for c in "${cases[@]}"; do run_case "$c"; done
if (( failures )); then echo "test-start-stop: FAILED ($failures)"; exit 1; fi
say "PASS"
