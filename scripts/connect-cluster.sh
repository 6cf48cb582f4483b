#!/usr/bin/env bash
# Connects a Kubernetes cluster to the portal:
#
#   npm run connect-cluster -- --kubeconfig FILE --name NAME [--context CTX] [--out-dir DIR] [--timeout S]
#
# 1. checks that the kubeconfig reaches the cluster and may grant access (refuses with the reason:
#    unreachable, TLS, unauthorized, forbidden);
# 2. applies deploy/cluster-access (namespace backstage-system, service account `backstage`, read-only
#    ClusterRole and binding, token Secret) with kubectl;
# 3. waits (bounded) for the token controller to fill in the token, checks it reads pods and not secrets;
# 4. writes the token to OUT_DIR/NAME.token (mode 0600) and the cluster's CA to OUT_DIR/NAME.ca.crt,
#    then prints the app-config entry and the environment variable to set. The token is never printed.
#
# OUT_DIR defaults to ${XDG_CONFIG_HOME:-~/.config}/jetstream2-backstage/clusters.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

kubeconfig="" name="" context="" timeout=60
out_dir="${XDG_CONFIG_HOME:-$HOME/.config}/jetstream2-backstage/clusters"
usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "connect-cluster: $*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kubeconfig) kubeconfig="${2:-}"; shift 2 ;;
    --kubeconfig=*) kubeconfig="${1#*=}"; shift ;;
    --name) name="${2:-}"; shift 2 ;;
    --name=*) name="${1#*=}"; shift ;;
    --context) context="${2:-}"; shift 2 ;;
    --context=*) context="${1#*=}"; shift ;;
    --out-dir) out_dir="${2:-}"; shift 2 ;;
    --out-dir=*) out_dir="${1#*=}"; shift ;;
    --timeout) timeout="${2:-}"; shift 2 ;;
    --timeout=*) timeout="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done
[[ -n "$kubeconfig" ]] || { usage >&2; die "--kubeconfig FILE is required"; }
[[ -n "$name" ]] || { usage >&2; die "--name NAME is required"; }
[[ -f "$kubeconfig" && -r "$kubeconfig" ]] || die "kubeconfig '$kubeconfig' is not a readable file"
[[ "$name" =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$ ]] ||
  die "--name '$name' must be a DNS label: lower-case letters, digits and '-', at most 63 characters"
[[ "$timeout" =~ ^[0-9]+$ && "$timeout" -ge 1 ]] || die "--timeout must be a number of seconds"
command -v kubectl >/dev/null || die "kubectl is required (https://kubernetes.io/docs/tasks/tools/)"

k=(kubectl --kubeconfig "$kubeconfig" --request-timeout=15s)
[[ -n "$context" ]] && k+=(--context "$context")

server="$("${k[@]}" config view --minify --raw -o 'jsonpath={.clusters[0].cluster.server}' 2>/dev/null || true)"
[[ -n "$server" ]] || die "no cluster server found in '$kubeconfig'${context:+ for context '$context'} (check current-context)"

# Classifies a kubectl error message into one reason a person can act on.
reason() {
  local msg="$1"
  case "$msg" in
    *x509*|*certificate*|*tls:*|*TLS*) echo "TLS: the server's certificate is not trusted by the kubeconfig's certificate-authority ($server)" ;;
    # Before the HTTP statuses: the message names the server's address, whose port may contain 401 or 403.
    *"connection refused"*|*"was refused"*|*"no such host"*|*"Unable to connect"*|*"i/o timeout"*|*"dial tcp"*|*"Client.Timeout"*|*"context deadline"*|*"network is unreachable"*|*"no route to host"*)
      echo "unreachable: cannot connect to the API server at $server ($msg)" ;;
    *Unauthorized*|*"provide credentials"*) echo "unauthorized: the API server at $server rejected the kubeconfig's credentials (expired token or certificate?)" ;;
    *Forbidden*|*forbidden*) echo "forbidden: the kubeconfig's user may not read the API server at $server" ;;
    *) echo "cannot use the cluster at $server: $msg" ;;
  esac
}

echo "connect-cluster: checking $server"
if ! err="$("${k[@]}" get --raw /version 2>&1 >/dev/null)"; then
  die "refusing: $(reason "$(printf '%s' "$err" | tail -1)")"
fi
for check in "create clusterroles.rbac.authorization.k8s.io" "create clusterrolebindings.rbac.authorization.k8s.io" \
  "create namespaces" "create serviceaccounts -n backstage-system" "get secrets -n backstage-system"; do
  # shellcheck disable=SC2086
  if [[ "$("${k[@]}" auth can-i $check 2>/dev/null || true)" != yes ]]; then
    die "refusing: forbidden: the kubeconfig's user may not '$check' on $server; run this with a cluster admin's kubeconfig"
  fi
done

echo "connect-cluster: applying deploy/cluster-access (read-only ClusterRole, service account backstage-system/backstage)"
# --force-conflicts: this manifest is the authority on these objects (a re-run after an update of the rules
# takes them over from an earlier apply by another field manager).
"${k[@]}" apply --server-side --force-conflicts --field-manager=jetstream2-connect-cluster -k "$root/deploy/cluster-access" |
  sed 's/^/  /'

echo "connect-cluster: waiting up to ${timeout}s for the token controller to fill in backstage-system/backstage-token"
token_b64=""
deadline=$((SECONDS + timeout))
while :; do
  token_b64="$("${k[@]}" -n backstage-system get secret backstage-token -o 'jsonpath={.data.token}' 2>/dev/null || true)"
  [[ -n "$token_b64" ]] && break
  (( SECONDS < deadline )) || die "the token controller did not fill in secret backstage-system/backstage-token within ${timeout}s (is kube-controller-manager running with --service-account-private-key-file?)"
  sleep 1
done

mkdir -p "$out_dir"
chmod 700 "$out_dir" 2>/dev/null || true
token_file="$(cd "$out_dir" && pwd)/$name.token"
ca_file="$(cd "$out_dir" && pwd)/$name.ca.crt"
( umask 077; printf '%s' "$token_b64" | base64 -d > "$token_file.tmp" && mv -f "$token_file.tmp" "$token_file" )
chmod 600 "$token_file"
unset token_b64

ca_data="$("${k[@]}" config view --minify --raw -o 'jsonpath={.clusters[0].cluster.certificate-authority-data}' 2>/dev/null || true)"
ca_path="$("${k[@]}" config view --minify --raw -o 'jsonpath={.clusters[0].cluster.certificate-authority}' 2>/dev/null || true)"
if [[ -n "$ca_data" ]]; then
  printf '%s' "$ca_data" | base64 -d > "$ca_file"
elif [[ -n "$ca_path" ]]; then
  [[ "$ca_path" = /* ]] || ca_path="$(cd "$(dirname "$kubeconfig")" && pwd)/$ca_path"
  cp "$ca_path" "$ca_file"
else
  ca_file=""
fi

# Check the token as the portal will use it: a throwaway kubeconfig that reads the token from its file.
check_cfg="$(mktemp)"
trap 'rm -f "$check_cfg"' EXIT
chmod 600 "$check_cfg"
{
  echo "apiVersion: v1"
  echo "kind: Config"
  echo "clusters: [{name: c, cluster: {server: '$server'${ca_file:+, certificate-authority: '$ca_file'}}}]"
  echo "users: [{name: u, user: {tokenFile: '$token_file'}}]"
  echo "contexts: [{name: c, context: {cluster: c, user: u}}]"
  echo "current-context: c"
} > "$check_cfg"
kt=(kubectl --kubeconfig "$check_cfg" --request-timeout=15s)
ok=""
for _ in $(seq 1 10); do  # RBAC caches may take a moment to see a new binding
  if "${kt[@]}" get --raw '/api/v1/pods?limit=1' >/dev/null 2>&1; then ok=1; break; fi
  sleep 1
done
[[ -n "$ok" ]] || die "the new token cannot list pods on $server: $(reason "$("${kt[@]}" get --raw '/api/v1/pods?limit=1' 2>&1 >/dev/null | tail -1)")"
[[ "$("${kt[@]}" auth can-i list secrets -A 2>/dev/null || true)" == no ]] ||
  die "the token can read secrets on $server: the service account has more rights than deploy/cluster-access grants; remove the extra bindings"

env_var="K8S_$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')_TOKEN"
echo
echo "connect-cluster: '$name' is connected. The token is in $token_file (mode 0600); it is not printed."
echo
echo "1. Set the environment variable for the backend (here from the file; in Kubernetes from a Secret):"
echo
echo "     export $env_var=\"\$(cat $token_file)\""
echo
echo "   or, for deploy/portal:"
echo "     kubectl -n backstage create secret generic backstage-cluster-tokens --from-file=$env_var=$token_file"
echo "     (then add $env_var to the Deployment's env with a secretKeyRef to that Secret)"
echo
echo "2. Add the cluster to app-config (e.g. app-config.local.yaml or the portal's ConfigMap):"
echo
echo "kubernetes:"
echo "  clusterLocatorMethods:"
echo "    - type: config"
echo "      clusters:"
echo "        - name: $name"
echo "          url: $server"
echo "          authProvider: serviceAccount"
echo "          serviceAccountToken: \${$env_var}"
if [[ -n "$ca_data" ]]; then
  echo "          caData: $ca_data"
  echo "          # or: caFile: $ca_file"
elif [[ -n "$ca_file" ]]; then
  echo "          caFile: $ca_file"
else
  echo "          # the kubeconfig names no certificate authority: the system's trusted CAs apply"
fi
