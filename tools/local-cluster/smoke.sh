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
  net="127.$((p / 256)).$((p % 256))"  # the simulated nodes' loopback /24 (see start.sh)
  if port_free "$p" && port_free $((p + 1000)) && port_free $((p + 1001)) && port_free $((p + 1002)) && port_free $((p + 1003)) \
    && ! (exec 3<>"/dev/tcp/$net.10/10250") 2>/dev/null && ! (exec 3<>"/dev/tcp/$net.2/4443") 2>/dev/null; then
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

# ---- nodes read as healthy: versions, runtime, heartbeats ---------------------
server_version="$(k version -o json 2>/dev/null | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' | tail -1)"
[[ "$server_version" == v1.* ]] || fail "cannot read the server version"
bad_nodes="$(k get nodes -o jsonpath='{range .items[*]}{.metadata.name} {.status.nodeInfo.kubeletVersion} {.status.nodeInfo.kubeProxyVersion} {.status.nodeInfo.containerRuntimeVersion}{"\n"}{end}' \
  | awk -v v="$server_version" '$2 != v || $3 != v || $4 !~ /^containerd:\/\//')"
[[ -z "$bad_nodes" ]] || fail "nodes whose kubelet/kube-proxy version is not $server_version or runtime not containerd: $bad_nodes"
step "ok: all nodes report kubelet and kube-proxy $server_version and a containerd runtime"
fresh_node_leases() {
  local now n=0 t
  now="$(date +%s)"
  for t in $(k -n kube-node-lease get leases -o jsonpath='{range .items[*]}{.spec.renewTime}{"\n"}{end}'); do
    (( now - $(date -d "$t" +%s) <= 40 )) && n=$((n + 1))
  done
  (( n >= ready_nodes ))
}
wait_until 30 "node Leases in kube-node-lease renewed within 40 s" fresh_node_leases
leader() { [[ -n "$(k -n kube-system get lease "$1" -o jsonpath='{.spec.holderIdentity}' 2>/dev/null)" ]]; }
wait_until 60 "leader Lease kube-system/kube-scheduler held" leader kube-scheduler
wait_until 60 "leader Lease kube-system/kube-controller-manager held" leader kube-controller-manager

# ---- kubelet API: logs through the API server --------------------------------
smoke_pod="$(k -n default get pods -l app=smoke -o jsonpath='{.items[0].metadata.name}')"
nginx_logs() { [[ "$(k -n default logs "$smoke_pod" --tail=5 2>/dev/null | wc -l)" -eq 5 ]]; }
wait_until 30 "kubectl logs --tail=5 on an nginx pod gives 5 lines" nginx_logs
k -n default logs "$smoke_pod" --timestamps | grep -q 'Z .*\[notice\] 1#1: start worker processes' || fail "nginx log has no start-up lines"
err="$(k -n default logs "$smoke_pod" --previous 2>&1)" && fail "logs --previous of a never-restarted container succeeded"
[[ "$err" == *"previous terminated container \"nginx\" in pod \"$smoke_pod\" not found"* ]] || fail "logs --previous error: $err"
err="$(k get --raw "/api/v1/namespaces/default/pods/$smoke_pod/log?container=nope" 2>&1)" && fail "logs of an unknown container succeeded"
[[ "$err" == *"container nope is not valid for pod $smoke_pod"* ]] || fail "unknown container error: $err"
err="$(k get --raw "/api/v1/namespaces/default/pods/$smoke_pod/log?tailLines=-1" 2>&1)" && fail "tailLines=-1 accepted"
[[ "$err" == *"must be greater than or equal to 0"* ]] || fail "tailLines=-1 error: $err"
[[ "$(code "/api/v1/namespaces/default/pods/$smoke_pod/log?tailLines=1")" == 200 ]] || fail "the Backstage token cannot read pod logs"
step "ok: logs (also with the Backstage token), --previous/unknown container/negative tailLines errors"
# follow ends when the container exits
k -n default run smoke-once --image=docker.io/library/busybox:1.37 --restart=Never \
  --annotations=local-cluster.jetstream2/simulate=complete --annotations=local-cluster.jetstream2/run-seconds=4 >/dev/null
pod_running() { [[ "$(k -n default get pod smoke-once -o jsonpath='{.status.phase}' 2>/dev/null)" == Running ]]; }
wait_until 60 "pod smoke-once Running" pod_running
t1=$SECONDS
out="$(timeout 30 kubectl --kubeconfig "$KUBECONFIG" -n default logs -f smoke-once)" || fail "logs -f did not end with the container (exit $?)"
[[ "$(tail -1 <<<"$out")" == *'msg="done"'* ]] || fail "followed log does not end with the exit line: $out"
step "ok: logs -f ended $((SECONDS - t1))s after it started, when the container exited"

# ---- metrics.k8s.io -----------------------------------------------------------
top_nodes() { [[ "$(k top nodes --no-headers 2>/dev/null | wc -l)" -ge "$ready_nodes" ]]; }
wait_until 60 "kubectl top nodes lists $ready_nodes nodes" top_nodes
k top nodes | sed 's/^/  /'
top_pods() { k top pods -A --no-headers 2>/dev/null | grep -q "^default  *smoke-"; }
wait_until 30 "kubectl top pods -A lists the smoke pod" top_pods
[[ "$(code /apis/metrics.k8s.io/v1beta1/pods)" == 200 ]] || fail "token cannot list pod metrics"
step "ok: the Backstage token reads pod metrics"

if (( seed )); then
  wait_until 120 "science-api: 3 api pods Running" running science app.kubernetes.io/component=api 3
  crash() { k -n science get pods -l app.kubernetes.io/component=worker -o jsonpath='{.items[*].status.containerStatuses[*].state.waiting.reason}' | grep -q CrashLoopBackOff; }
  wait_until 60 "science-api: worker in CrashLoopBackOff" crash
  prev_err() { k -n science logs deploy/worker --previous 2>/dev/null | tail -1 | grep -q '^redis.exceptions.ConnectionError'; }
  wait_until 30 "kubectl logs --previous on the crash-looping worker ends with its exit error" prev_err
  top_api() { [[ "$(k top pods -n science -l app.kubernetes.io/component=api --no-headers 2>/dev/null | wc -l)" -eq 3 ]]; }
  wait_until 30 "kubectl top pods shows the 3 science api pods" top_api
  k top pods -A | sed 's/^/  /'
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
