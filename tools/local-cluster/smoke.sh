#!/usr/bin/env bash
# Smoke test of the local cluster: starts one on a free port with a temporary
# state directory, checks scheduling, scaling, the seed workloads and the
# Backstage token, stops it and checks no process is left. Exits non-zero on failure.
#
#   smoke.sh [--no-seed] [--keep]   (--keep: leave the state directory for inspection)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seed=1 keep=0
for a in "$@"; do
  case "$a" in
    --no-seed) seed=0 ;; --keep) keep=1 ;;
    *) echo "smoke.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done

step() { echo "smoke: $*"; }
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for _ in $(seq 1 50); do
  p=$((20000 + RANDOM % 11000))  # all five ports stay below the ephemeral range
  if port_free "$p" && port_free $((p + 1000)) && port_free $((p + 1001)) && port_free $((p + 1002)) && port_free $((p + 1003)); then
    port=$p; break
  fi
done
[[ -n "$port" ]] || fail "no free port found"
state="$(mktemp -d "${TMPDIR:-/tmp}/local-cluster-smoke.XXXXXX")"

finish() {
  local rc=$?
  step "stopping the cluster"
  "$here/stop.sh" --state-dir "$state" >/dev/null 2>&1 || true
  if pgrep -f -- "$state" >/dev/null; then
    echo "smoke: FAIL: processes left after stop:" >&2
    pgrep -af -- "$state" >&2
    rc=1
  fi
  if (( rc != 0 )); then
    echo "smoke: logs in $state/logs" >&2
  elif (( ! keep )); then
    rm -rf "$state"
  fi
  (( rc == 0 )) && echo "smoke: PASS" || echo "smoke: FAILED" >&2
  exit $rc
}
trap finish EXIT

t0=$SECONDS
step "starting a cluster on port $port (state $state)"
args=(--state-dir "$state" --port "$port")
(( seed )) || args+=(--no-seed)
"$here/start.sh" "${args[@]}" > "$state.start.out" 2>&1 || { cat "$state.start.out" >&2; fail "start.sh failed"; }
rm -f "$state.start.out"
step "cluster up in $((SECONDS - t0))s"
# shellcheck disable=SC1091
source "$state/env"
[[ "$LOCAL_CLUSTER_URL" == "https://127.0.0.1:$port" ]] || fail "env has LOCAL_CLUSTER_URL=$LOCAL_CLUSTER_URL"
k() { kubectl --kubeconfig "$KUBECONFIG" "$@"; }

# wait_until SECONDS description command...
wait_until() {
  local timeout="$1" what="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    (( SECONDS < deadline )) || fail "timed out after ${timeout}s waiting for: $what"
    sleep 2
  done
  step "ok: $what"
}
running() { # namespace selector count
  [[ "$(k -n "$1" get pods -l "$2" --field-selector=status.phase=Running --no-headers 2>/dev/null | wc -l)" -eq "$3" ]]
}
all_pods() { [[ "$(k -n "$1" get pods -l "$2" --no-headers 2>/dev/null | wc -l)" -eq "$3" ]]; }

ready_nodes="$(k get nodes --no-headers | awk '$2=="Ready"' | wc -l)"
[[ "$ready_nodes" -ge 5 ]] || fail "only $ready_nodes Ready nodes"
step "ok: $ready_nodes Ready nodes"

k -n default create deployment smoke --image=docker.io/library/nginx:1.27 --replicas=2 >/dev/null
wait_until 120 "2 Running pods of deployment smoke" running default app=smoke 2
k -n default scale deployment smoke --replicas=3 >/dev/null
wait_until 120 "3 Running pods after scaling to 3" running default app=smoke 3
k -n default scale deployment smoke --replicas=1 >/dev/null
wait_until 120 "1 pod left after scaling to 1" all_pods default app=smoke 1

# The Backstage token reads workloads but not secrets.
code() { curl -s -o /dev/null -w '%{http_code}' --cacert "$LOCAL_CLUSTER_CA_FILE" -H "Authorization: Bearer $(cat "$LOCAL_CLUSTER_TOKEN_FILE")" "$LOCAL_CLUSTER_URL$1"; }
[[ "$(code /api/v1/pods)" == 200 ]] || fail "token cannot list pods"
[[ "$(code /apis/apps/v1/deployments)" == 200 ]] || fail "token cannot list deployments"
[[ "$(code /api/v1/secrets)" == 403 ]] || fail "token can list secrets"
step "ok: Backstage token reads pods and deployments, not secrets"

if (( seed )); then
  wait_until 120 "science-api: 3 api pods Running" running science app.kubernetes.io/component=api 3
  crash() { k -n science get pods -l app.kubernetes.io/component=worker -o jsonpath='{.items[*].status.containerStatuses[*].state.waiting.reason}' | grep -q CrashLoopBackOff; }
  wait_until 60 "science-api: worker in CrashLoopBackOff" crash
  job_done() { [[ "$(k -n ml get job preprocess -o jsonpath='{.status.succeeded}')" == 1 ]]; }
  wait_until 120 "gpu-training: Job preprocess succeeded" job_done
  wait_until 60 "gpu-training: trainer Running on the GPU node" running ml app.kubernetes.io/name=trainer 1
  gpu_event() { k -n ml get events --field-selector reason=FailedScheduling -o jsonpath='{.items[*].message}' | grep -q 'Insufficient nvidia.com/gpu'; }
  wait_until 60 "gpu-training: trainer-large Pending with Insufficient nvidia.com/gpu" gpu_event
  pvc_pending() { [[ "$(k -n jhub get pvc hub-db-dir -o jsonpath='{.status.phase}')" == Pending ]]; }
  wait_until 10 "jupyterhub: PVC hub-db-dir Pending" pvc_pending
fi

pids="$(cat "$state"/run/*.pid | tr '\n' ' ')"
trap - EXIT
step "stopping the cluster"
"$here/stop.sh" --state-dir "$state" >/dev/null 2>&1 || fail "stop.sh failed"
for pid in $pids; do
  if grep -qF -- "$state" "/proc/$pid/cmdline" 2>/dev/null; then fail "pid $pid still running"; fi
done
if pgrep -f -- "$state" >/dev/null; then pgrep -af -- "$state" >&2; fail "processes left after stop"; fi
step "ok: no processes left"
(( keep )) || rm -rf "$state"
step "PASS ($((SECONDS - t0))s)"
