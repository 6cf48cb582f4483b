#!/usr/bin/env bash
# Starts a loopback-only Kubernetes control plane (etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler) plus simulated Jetstream2 nodes.
#
#   start.sh [--state-dir DIR] [--port N] [--nodes FILE] [--no-seed]
#
# Defaults: state dir $LOCAL_CLUSTER_DIR or ${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-local-cluster/state,
# API port $LOCAL_CLUSTER_PORT or 6443. Other ports derive from the API port P:
# etcd client P+1000, etcd peer P+1001, controller-manager P+1002, scheduler P+1003.
# The simulated nodes' kubelet APIs listen on 127.A.B.(10+i):10250 and the metrics
# API on 127.A.B.2:4443, where A.B is P in two bytes (A=P/256, B=P%256).
#
# Idempotent: when the cluster in DIR is already up and healthy it only prints the
# environment. Afterwards: `source DIR/env` (LOCAL_CLUSTER_URL, LOCAL_CLUSTER_TOKEN_FILE,
# LOCAL_CLUSTER_CA_FILE, KUBECONFIG). Stop with stop.sh.
#
# On success the processes keep running in the background and start.sh returns. On a failure, SIGINT,
# SIGTERM or SIGHUP before the cluster is ready it stops the processes this run started (not those an
# earlier run left running) and exits non-zero.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-local-cluster"
state="${LOCAL_CLUSTER_DIR:-$cache_root/state}"
port="${LOCAL_CLUSTER_PORT:-6443}"
nodes_file="$here/nodes.yaml"
seed=1

while [[ $# -gt 0 ]]; do
  case "$1" in
    --state-dir) state="$2"; shift 2 ;;
    --state-dir=*) state="${1#*=}"; shift ;;
    --port) port="$2"; shift 2 ;;
    --port=*) port="${1#*=}"; shift ;;
    --nodes) nodes_file="$2"; shift 2 ;;
    --nodes=*) nodes_file="${1#*=}"; shift ;;
    --no-seed) seed=0; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "start.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ && "$port" -ge 1024 && "$port" -le 64000 ]] || { echo "start.sh: --port must be 1024..64000" >&2; exit 2; }
mkdir -p "$state"
state="$(cd "$state" && pwd)"
nodes_file="$(cd "$(dirname "$nodes_file")" && pwd)/$(basename "$nodes_file")"

etcd_port=$((port + 1000))
etcd_peer_port=$((port + 1001))
cm_port=$((port + 1002))
sched_port=$((port + 1003))
# A loopback /24 of this cluster's own: 127.<P/256>.<P%256>.0 (P >= 1024, so never 127.0.0.x).
node_net="127.$((port / 256)).$((port % 256))"
node_ip_base="$node_net.10"
metrics_addr="$node_net.2:4443"
url="https://127.0.0.1:$port"
pki="$state/pki"
logs="$state/logs"
run="$state/run"
mkdir -p "$pki" "$logs" "$run"

say() { echo "local-cluster: $*" >&2; }
die() { echo "local-cluster: ERROR: $*" >&2; exit 1; }

for tool in openssl curl kubectl; do
  command -v "$tool" >/dev/null || die "'$tool' is required"
done

# ---- process helpers ---------------------------------------------------------
# A pid file holds "PID"; the process counts as ours only while its command line
# still mentions this state directory (guards against pid reuse).
alive() {
  local f="$run/$1.pid" pid
  [[ -f "$f" ]] || return 1
  pid="$(cat "$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$state" || return 1
}

write_env() {
  cat > "$state/env" <<EOF
export LOCAL_CLUSTER_URL=$url
export LOCAL_CLUSTER_TOKEN_FILE=$state/backstage.token
export LOCAL_CLUSTER_DEPLOYER_TOKEN_FILE=$state/deployer.token
export LOCAL_CLUSTER_DEPLOYER_NAMESPACES="$(cat "$state/deployer.namespaces" 2>/dev/null)"
export LOCAL_CLUSTER_CA_FILE=$state/ca.crt
export KUBECONFIG=$state/admin.kubeconfig
export LOCAL_CLUSTER_DIR=$state
EOF
}

print_env() {
  say "environment ($state/env):"
  cat "$state/env"
}

healthy() {
  alive etcd && alive apiserver && alive controller-manager && alive scheduler && alive nodes || return 1
  [[ -f "$state/port" && "$(cat "$state/port")" == "$port" ]] || return 1
  [[ "$(curl -s --max-time 3 --cacert "$state/ca.crt" "$url/readyz" 2>/dev/null)" == "ok" ]] || return 1
  [[ -s "$state/backstage.token" && -s "$state/deployer.token" && -f "$state/env" ]] || return 1
}

if healthy; then
  say "already running and healthy at $url (state $state)"
  print_env
  exit 0
fi
if [[ -f "$state/port" && "$(cat "$state/port")" != "$port" ]] && { alive etcd || alive apiserver; }; then
  die "a cluster from $state is running on port $(cat "$state/port"); stop it first (stop.sh --state-dir $state)"
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if ! alive nodes; then
  for a in "$node_ip_base:10250" "$metrics_addr"; do
    if (exec 3<>"/dev/tcp/${a%:*}/${a##*:}") 2>/dev/null; then
      die "$a (for the simulated nodes) is already in use by something else"
    fi
  done
fi
for p in $port $etcd_port $etcd_peer_port $cm_port $sched_port; do
  case $p in
    "$port") who=apiserver ;; "$etcd_port"|"$etcd_peer_port") who=etcd ;; "$cm_port") who=controller-manager ;; *) who=scheduler ;;
  esac
  if ! alive "$who" && port_busy "$p"; then
    die "port $p (for $who) is already in use by something else; choose another --port"
  fi
done

# ---- build -------------------------------------------------------------------
bin="$("$here/build.sh")" || die "build failed"
say "binary $bin ($("$bin" version))"

# ---- certificates ------------------------------------------------------------
umask 077
gen_cert() { # name subject ext-file-content [ca-name]
  local name="$1" subj="$2" ext="$3" ca="${4:-ca}"
  [[ -s "$pki/$name.crt" && -s "$pki/$name.key" ]] && return 0
  openssl genrsa -out "$pki/$name.key" 2048 2>/dev/null
  openssl req -new -key "$pki/$name.key" -subj "$subj" -out "$pki/$name.csr" 2>/dev/null
  printf '%s\n' "$ext" > "$pki/$name.ext"
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/$ca.crt" -CAkey "$pki/$ca.key" -CAcreateserial \
    -days 3650 -sha256 -extfile "$pki/$name.ext" -out "$pki/$name.crt" 2>/dev/null
  rm -f "$pki/$name.csr" "$pki/$name.ext"
}
if [[ ! -s "$pki/ca.crt" ]]; then
  say "generating certificates in $pki"
  openssl genrsa -out "$pki/ca.key" 2048 2>/dev/null
  openssl req -x509 -new -key "$pki/ca.key" -subj "/CN=local-cluster-ca" -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -out "$pki/ca.crt" 2>/dev/null
  rm -f "$pki"/{apiserver,apiserver-kubelet-client,admin,controller-manager,scheduler,nodes}.{crt,key}
fi
# Front proxy (request-header) CA: lets the apiserver and its delegating components
# trust aggregated API servers (e.g. a metrics-server added later).
if [[ ! -s "$pki/front-proxy-ca.crt" ]]; then
  openssl genrsa -out "$pki/front-proxy-ca.key" 2048 2>/dev/null
  openssl req -x509 -new -key "$pki/front-proxy-ca.key" -subj "/CN=local-cluster-front-proxy-ca" -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -out "$pki/front-proxy-ca.crt" 2>/dev/null
  rm -f "$pki"/front-proxy-client.{crt,key}
fi
client_ext=$'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth'
gen_cert apiserver "/CN=kube-apiserver" "$(printf '%s\n' 'basicConstraints=CA:FALSE' \
  'keyUsage=critical,digitalSignature,keyEncipherment' 'extendedKeyUsage=serverAuth' \
  'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1')"
gen_cert admin "/O=system:masters/CN=kubernetes-admin" "$client_ext"
# The API server's client certificate towards kubelets (logs), as kubeadm makes it.
gen_cert apiserver-kubelet-client "/O=kubeadm:cluster-admins/CN=kube-apiserver-kubelet-client" "$client_ext"
gen_cert controller-manager "/CN=system:kube-controller-manager" "$client_ext"
gen_cert scheduler "/CN=system:kube-scheduler" "$client_ext"
gen_cert nodes "/O=system:masters/CN=local-cluster-nodes" "$client_ext"
gen_cert front-proxy-client "/CN=front-proxy-client" "$client_ext" front-proxy-ca
if [[ ! -s "$pki/sa.key" ]]; then
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
fi
cp "$pki/ca.crt" "$state/ca.crt"
chmod 644 "$state/ca.crt"

write_kubeconfig() { # file user cert
  local f="$1" user="$2" cert="$3"
  rm -f "$f"
  kubectl config --kubeconfig="$f" set-cluster local-cluster --server="$url" \
    --certificate-authority="$pki/ca.crt" --embed-certs=true >/dev/null
  kubectl config --kubeconfig="$f" set-credentials "$user" --client-certificate="$pki/$cert.crt" \
    --client-key="$pki/$cert.key" --embed-certs=true >/dev/null
  kubectl config --kubeconfig="$f" set-context local-cluster --cluster=local-cluster --user="$user" >/dev/null
  kubectl config --kubeconfig="$f" use-context local-cluster >/dev/null
}
write_kubeconfig "$state/admin.kubeconfig" kubernetes-admin admin
write_kubeconfig "$pki/controller-manager.kubeconfig" system:kube-controller-manager controller-manager
write_kubeconfig "$pki/scheduler.kubeconfig" system:kube-scheduler scheduler
write_kubeconfig "$pki/nodes.kubeconfig" local-cluster-nodes nodes
echo "$port" > "$state/port"
umask 022

# ---- processes ---------------------------------------------------------------
# What this run started (name=pid, in start order). Until the cluster is ready, any exit other than
# success, and SIGINT/SIGTERM/SIGHUP, stops them again; processes an earlier run left are not touched.
started=()
# The traps may run inside a command whose output goes to /dev/null (wait_for's checks): they report on
# the script's own stderr, kept here.
exec {stderr_fd}>&2
ours() { # pid: still the process we started (its command line names this state dir)?
  [[ "$1" =~ ^[0-9]+$ && -r "/proc/$1/cmdline" ]] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -qF -- "$state"
}
stop_started() {
  local i name pid pids=() deadline
  # A signal between `setsid … &` and the bookkeeping below: the last background job is one of ours too.
  if [[ -n "${!:-}" ]] && [[ " ${started[*]} " != *"=$! "* ]] && ours "$!"; then started+=("unrecorded=$!"); fi
  (( ${#started[@]} )) || return 0
  say "start-up did not complete; stopping what this run started"
  # Reverse start order, and the apiserver gone before etcd, as stop.sh does.
  for (( i = ${#started[@]} - 1; i >= 0; i-- )); do
    name="${started[$i]%%=*}" pid="${started[$i]#*=}"
    if ours "$pid"; then
      say "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      if [[ $name == apiserver ]]; then
        for _ in $(seq 1 20); do ours "$pid" || break; sleep 0.5; done
      fi
    fi
    [[ "$(cat "$run/$name.pid" 2>/dev/null)" == "$pid" ]] && rm -f "$run/$name.pid"
  done
  deadline=$((SECONDS + 10))
  for pid in "${pids[@]}"; do
    while ours "$pid"; do
      if (( SECONDS >= deadline )); then
        say "pid $pid did not exit after 10s of SIGTERM, killing it"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  done
  started=()
}
on_exit() {
  local rc=$?
  set +e
  trap '' INT TERM HUP  # a second Ctrl-C must not cut the clean-up short
  exec 2>&"$stderr_fd"
  (( rc == 0 )) || stop_started
  exit "$rc"
}
on_signal() { # exit-code what
  exec 2>&"$stderr_fd"
  say "$2"
  exit "$1"
}
trap on_exit EXIT
trap 'on_signal 130 interrupted' INT
trap 'on_signal 143 terminated' TERM
trap 'on_signal 129 "hung up"' HUP

start_proc() { # name args...
  local name="$1"; shift
  if alive "$name"; then say "$name already running (pid $(cat "$run/$name.pid"))"; return 0; fi
  echo "==== $(date -u +%Y-%m-%dT%H:%M:%SZ) starting $name" >> "$logs/$name.log"
  # setsid: own session, so the caller's Ctrl-C or terminal hang-up does not hit it. It must not keep the
  # caller's stderr open either (a pipe reading start.sh's output would never end).
  setsid "$bin" "$name" "$@" >> "$logs/$name.log" 2>&1 < /dev/null {stderr_fd}>&- &
  started+=("$name=$!")
  echo $! > "$run/$name.pid"
  say "started $name (pid $!, log $logs/$name.log)"
}

wait_for() { # name timeout-seconds check-command...   ($WHAT: what to call it in messages)
  local name="$1" timeout="$2"; shift 2
  local what="${WHAT:-$name}"
  local deadline=$((SECONDS + timeout)) dots=0
  until "$@" >/dev/null 2>&1; do
    if ! alive "$name"; then
      echo >&2; say "$name exited; last log lines:"; tail -25 "$logs/$name.log" >&2; exit 1
    fi
    if (( SECONDS >= deadline )); then
      echo >&2; say "$what not ready after ${timeout}s; last log lines of $name:"; tail -25 "$logs/$name.log" >&2; exit 1
    fi
    printf '.' >&2; dots=1; sleep 1
  done
  (( dots )) && echo >&2
  say "$what ready"
}

start_proc etcd --data-dir "$state/etcd" --client-port "$etcd_port" --peer-port "$etcd_peer_port" --unsafe-no-fsync
wait_for etcd 60 curl -sf --max-time 2 "http://127.0.0.1:$etcd_port/health"

start_proc apiserver \
  --etcd-servers="http://127.0.0.1:$etcd_port" \
  --secure-port="$port" --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
  --endpoint-reconciler-type=none \
  --tls-cert-file="$pki/apiserver.crt" --tls-private-key-file="$pki/apiserver.key" \
  --client-ca-file="$pki/ca.crt" \
  --requestheader-client-ca-file="$pki/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
  --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
  --requestheader-extra-headers-prefix=X-Remote-Extra- \
  --proxy-client-cert-file="$pki/front-proxy-client.crt" --proxy-client-key-file="$pki/front-proxy-client.key" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$pki/sa.pub" --service-account-signing-key-file="$pki/sa.key" \
  --service-cluster-ip-range=10.96.0.0/16 \
  --authorization-mode=Node,RBAC --allow-privileged=true \
  --enable-admission-plugins=NodeRestriction \
  --kubelet-timeout=5s --profiling=false \
  --kubelet-preferred-address-types=InternalIP,Hostname,InternalDNS,ExternalDNS,ExternalIP \
  --kubelet-client-certificate="$pki/apiserver-kubelet-client.crt" --kubelet-client-key="$pki/apiserver-kubelet-client.key" \
  --kubelet-certificate-authority="$pki/ca.crt" \
  --cert-dir="$pki/apiserver-generated" \
  --v=1
wait_for apiserver 120 bash -c "[[ \"\$(curl -s --max-time 3 --cacert '$pki/ca.crt' '$url/readyz')\" == ok ]]"

# Leader election is on, as on kubeadm or Magnum clusters (Leases kube-controller-manager
# and kube-scheduler in kube-system). A Lease left behind by a stopped process of this
# state dir would make its successor wait the lease out (15 s); delete it instead.
clear_stale_lease() { # component
  alive "$1" && return 0
  kubectl --kubeconfig "$state/admin.kubeconfig" -n kube-system delete lease "kube-$1" \
    --ignore-not-found --request-timeout=5s >/dev/null 2>&1 || true
}
clear_stale_lease controller-manager
clear_stale_lease scheduler

start_proc controller-manager \
  --kubeconfig="$pki/controller-manager.kubeconfig" \
  --authentication-kubeconfig="$pki/controller-manager.kubeconfig" \
  --authorization-kubeconfig="$pki/controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --secure-port="$cm_port" --cert-dir="$pki/controller-manager-generated" \
  --use-service-account-credentials=true --controllers='*' \
  --service-account-private-key-file="$pki/sa.key" --root-ca-file="$pki/ca.crt" \
  --cluster-signing-cert-file="$pki/ca.crt" --cluster-signing-key-file="$pki/ca.key" \
  --service-cluster-ip-range=10.96.0.0/16 --cluster-cidr=10.244.0.0/16 --allocate-node-cidrs=false \
  --leader-elect=true --profiling=false --v=1
start_proc scheduler \
  --kubeconfig="$pki/scheduler.kubeconfig" \
  --authentication-kubeconfig="$pki/scheduler.kubeconfig" \
  --authorization-kubeconfig="$pki/scheduler.kubeconfig" \
  --bind-address=127.0.0.1 --secure-port="$sched_port" --cert-dir="$pki/scheduler-generated" \
  --leader-elect=true --profiling=false --v=1
wait_for controller-manager 60 curl -sfk --max-time 2 "https://127.0.0.1:$cm_port/healthz"
wait_for scheduler 60 curl -sfk --max-time 2 "https://127.0.0.1:$sched_port/healthz"

k() { kubectl --kubeconfig "$state/admin.kubeconfig" "$@"; }

# ---- RBAC for Backstage ------------------------------------------------------
say "applying Backstage read-only RBAC and token secret"
k apply --server-side --force-conflicts --field-manager=local-cluster -f "$here/rbac/backstage.yaml" >/dev/null
read_token() { # secret file: the token the token controller put into backstage-system/<secret>
  local t=""
  for _ in $(seq 1 60); do
    t="$(k -n backstage-system get secret "$1" -o 'jsonpath={.data.token}' 2>/dev/null || true)"
    [[ -n "$t" ]] && break
    sleep 1
  done
  [[ -n "$t" ]] || die "the token controller did not fill secret backstage-system/$1 (see $logs/controller-manager.log)"
  ( umask 077; printf '%s' "$t" | base64 -d > "$2" )
}
http_code() { # token-file path: the API server's HTTP status for a GET with that token
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 --cacert "$state/ca.crt" \
    -H "Authorization: Bearer $(cat "$1")" "$url$2"
}
token_works() { [[ "$(http_code "$state/backstage.token" '/api/v1/namespaces?limit=1')" == 200 ]]; }
read_token backstage-token "$state/backstage.token"
if ! token_works; then
  # E.g. the service-account key was regenerated: have the token controller issue a new token.
  say "stored Backstage token is not accepted; recreating the token secret"
  k -n backstage-system delete secret backstage-token --wait=true >/dev/null
  k apply --server-side --force-conflicts --field-manager=local-cluster -f "$here/rbac/backstage.yaml" >/dev/null
  read_token backstage-token "$state/backstage.token"
  token_works || die "the Backstage token is not accepted by the API server"
fi
say "Backstage service account token written to $state/backstage.token"

# ---- simulated nodes ---------------------------------------------------------
start_proc nodes --kubeconfig="$pki/nodes.kubeconfig" --config="$nodes_file" --v=0 \
  --node-ip-base="$node_ip_base" --kubelet-port=10250 \
  --tls-ca-cert="$pki/ca.crt" --tls-ca-key="$pki/ca.key" \
  --metrics-address="$metrics_addr" \
  --requestheader-client-ca-file="$pki/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client
want_nodes="$(grep -cE '^[[:space:]]*-[[:space:]]+name:' "$nodes_file")"
wait_for nodes 60 bash -c "[[ \$(kubectl --kubeconfig '$state/admin.kubeconfig' get nodes -l local-cluster.jetstream2/simulated=true --no-headers 2>/dev/null | wc -l) -ge $want_nodes ]]"
# The aggregator marks the metrics API Available once it reached the agent's server.
metrics_available() {
  [[ "$(kubectl --kubeconfig "$state/admin.kubeconfig" get apiservice v1beta1.metrics.k8s.io \
    -o 'jsonpath={.status.conditions[?(@.type=="Available")].status}' 2>/dev/null)" == True ]]
}
WHAT="metrics API (APIService v1beta1.metrics.k8s.io Available)" wait_for nodes 60 metrics_available

# ---- seed workloads ----------------------------------------------------------
# Applied once per content: re-running start.sh does not undo later changes
# (scaling, deletions) unless the seed files changed.
seed_hash="$(cat "$here"/seed/*.yaml | sha256sum | cut -d' ' -f1)"
if (( seed )) && [[ "$(cat "$state/seeded" 2>/dev/null)" == "$seed_hash" ]]; then
  say "seed workloads already applied (delete $state/seeded to re-apply)"
elif (( seed )); then
  say "applying seed workloads from $here/seed"
  # Namespaces first, then everything (server-side apply is idempotent).
  k apply --server-side --field-manager=local-cluster -f "$here/seed/00-namespaces.yaml" >/dev/null
  for _ in $(seq 1 30); do
    k -n science get serviceaccount default >/dev/null 2>&1 && break; sleep 1
  done
  k apply --server-side --force-conflicts --field-manager=local-cluster -f "$here/seed" | sed 's/^/  /' >&2
  echo "$seed_hash" > "$state/seeded"
fi

# ---- the deployer (the write path's own credential) ----------------------------------------------------
# deploy/cluster-access/deployer, as a platform team applies it: the service account with a token and no
# rights of its own, then a Role and RoleBinding in each namespace it may write: `apps` (for new services
# from the deploy template, created here) and the seed namespaces.
deployer_namespaces=(apps)
(( seed )) && deployer_namespaces+=(binder jhub ml science)
say "applying the deployer service account and its Roles in: ${deployer_namespaces[*]}"
k apply --server-side --force-conflicts --field-manager=local-cluster -f "$here/rbac/deployer.yaml" >/dev/null
k create namespace apps --dry-run=client -o yaml |
  k apply --server-side --field-manager=local-cluster -f - >/dev/null
for ns in "${deployer_namespaces[@]}"; do
  k -n "$ns" apply --server-side --force-conflicts --field-manager=local-cluster \
    -f "$here/rbac/deployer-namespace.yaml" >/dev/null
done
deployer_works() { # may list deployments in apps, may not list secrets there (RBAC may take a moment)
  [[ "$(http_code "$state/deployer.token" /apis/apps/v1/namespaces/apps/deployments)" == 200 &&
    "$(http_code "$state/deployer.token" /api/v1/namespaces/apps/secrets)" == 403 ]]
}
read_token backstage-deployer-token "$state/deployer.token"
for _ in $(seq 1 10); do deployer_works && break; sleep 0.5; done  # new bindings: a moment for RBAC to see them
if ! deployer_works; then
  # E.g. the service-account key was regenerated: have the token controller issue a new token.
  say "stored deployer token is not accepted; recreating its token secret"
  k -n backstage-system delete secret backstage-deployer-token --wait=true >/dev/null
  k apply --server-side --force-conflicts --field-manager=local-cluster -f "$here/rbac/deployer.yaml" >/dev/null
  read_token backstage-deployer-token "$state/deployer.token"
  WHAT="the deployer's rights (lists deployments in apps, no secrets)" wait_for apiserver 20 deployer_works
fi
echo "${deployer_namespaces[*]}" > "$state/deployer.namespaces"
say "deployer token written to $state/deployer.token (namespaces: ${deployer_namespaces[*]})"

write_env
# Ready: from here on the processes stay up whatever happens to this script.
trap - EXIT INT TERM HUP
started=()
exec {stderr_fd}>&-
say "cluster ready at $url (state $state)"
k get nodes >&2
print_env
