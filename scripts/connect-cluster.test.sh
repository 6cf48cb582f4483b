#!/usr/bin/env bash
# Tests scripts/connect-cluster.sh against the real local control plane (KUBECONFIG and LOCAL_CLUSTER_* from
# `source $LOCAL_CLUSTER_DIR/env`, as scripts/test.sh sets them) and against kubeconfigs that must be refused.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "connect-cluster test: FAIL: $*" >&2; exit 1; }
ok() { echo "connect-cluster test: ok: $*"; }
[[ -n "${KUBECONFIG:-}" && -n "${LOCAL_CLUSTER_URL:-}" && -f "${LOCAL_CLUSTER_CA_FILE:-}" ]] ||
  fail "needs the local control plane's environment (source \$LOCAL_CLUSTER_DIR/env)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="$tmp/out" err="$tmp/err"

# 1. The real cluster, with the admin kubeconfig.
bash "$root/scripts/connect-cluster.sh" --kubeconfig "$KUBECONFIG" --name js2-test --out-dir "$tmp/clusters" \
  --timeout 60 > "$out" 2> "$err" || { cat "$out" "$err" >&2; fail "connect-cluster failed against $LOCAL_CLUSTER_URL"; }
token_file="$tmp/clusters/js2-test.token"
[[ -s "$token_file" ]] || fail "no token file $token_file"
[[ "$(stat -c %a "$token_file")" == 600 ]] || fail "token file mode is $(stat -c %a "$token_file"), not 600"
token="$(cat "$token_file")"
if grep -qF -- "$token" "$out" "$err"; then fail "the token appears in connect-cluster's output"; fi
unset token
grep -qF 'serviceAccountToken: ${K8S_JS2_TEST_TOKEN}' "$out" || fail "no serviceAccountToken: \${K8S_JS2_TEST_TOKEN} in the printed config"
grep -qF "url: $LOCAL_CLUSTER_URL" "$out" || fail "the printed config does not name url $LOCAL_CLUSTER_URL"
grep -qE '^ +caData: [A-Za-z0-9+/=]+$' "$out" || fail "the printed config has no caData"
grep -qF 'export K8S_JS2_TEST_TOKEN=' "$out" || fail "the environment variable to set is not printed"
cmp -s "$tmp/clusters/js2-test.ca.crt" "$LOCAL_CLUSTER_CA_FILE" || fail "the CA file written differs from the cluster's CA"
ok "connected $LOCAL_CLUSTER_URL; token in a 0600 file, not printed; config entry and variable printed"

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 --cacert "$LOCAL_CLUSTER_CA_FILE" \
  -H "@$tmp/auth" "$LOCAL_CLUSTER_URL$1"; }
( umask 077; printf 'Authorization: Bearer %s\n' "$(cat "$token_file")" > "$tmp/auth" )
for path in /api/v1/pods /api/v1/nodes /apis/apps/v1/deployments /apis/batch/v1/cronjobs \
  /apis/networking.k8s.io/v1/ingresses /apis/autoscaling/v2/horizontalpodautoscalers \
  /apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases /apis/storage.k8s.io/v1/storageclasses \
  /api/v1/events /api/v1/configmaps /api/v1/limitranges /api/v1/resourcequotas /version /readyz /livez; do
  [[ "$(code "$path")" == 200 ]] || fail "the token cannot read $path"
done
for path in /api/v1/secrets /api/v1/namespaces/backstage-system/secrets /api/v1/serviceaccounts; do
  [[ "$(code "$path")" == 403 ]] || fail "the token can read $path (expected 403)"
done
ok "the token reads every type the collector watches, and no secrets"

# 2. A second run is idempotent (same token).
first="$(sha256sum < "$token_file")"
bash "$root/scripts/connect-cluster.sh" --kubeconfig "$KUBECONFIG" --name js2-test --out-dir "$tmp/clusters" \
  > "$out" 2> "$err" || { cat "$out" "$err" >&2; fail "second run failed"; }
[[ "$(sha256sum < "$token_file")" == "$first" ]] || fail "a second run changed the token"
ok "a second run keeps the same token"

# 3. Kubeconfigs that must be refused, each with its reason.
server_port="${LOCAL_CLUSTER_URL##*:}"
refused() { # name expected-reason kubeconfig
  local name="$1" want="$2" cfg="$3"
  if bash "$root/scripts/connect-cluster.sh" --kubeconfig "$cfg" --name "$name" --out-dir "$tmp/refused" \
    --timeout 5 > "$out" 2> "$err"; then
    fail "$name: connect-cluster accepted a kubeconfig that should be refused"
  fi
  grep -q "refusing: $want" "$err" || { cat "$err" >&2; fail "$name: the reason is not '$want'"; }
  [[ ! -e "$tmp/refused/$name.token" ]] || fail "$name: a token file was written"
  ok "$name refused: $(grep -o "refusing: .*" "$err" | head -1)"
}
kubeconfig() { # file server ca-line user-line
  printf 'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "%s"%s}}]\nusers: [{name: u, user: {%s}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\n' \
    "$2" "$3" "$4" > "$1"
}
# A port nothing listens on, with 403 in its number: kubectl's message names the address, and a status-code
# match on the message once read "forbidden" there.
closed=""
for p in $(seq 1 50); do
  c=$((40300 + RANDOM % 100))
  (exec 3<>"/dev/tcp/127.0.0.1/$c") 2>/dev/null || { closed=$c; break; }
done
kubeconfig "$tmp/unreachable" "https://127.0.0.1:$closed" ", certificate-authority: \"$LOCAL_CLUSTER_CA_FILE\"" 'token: "x"'
refused unreachable unreachable "$tmp/unreachable"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/other.key" -subj /CN=other-ca -days 1 -out "$tmp/other-ca.crt" 2>/dev/null
kubeconfig "$tmp/tls" "https://127.0.0.1:$server_port" ", certificate-authority: \"$tmp/other-ca.crt\"" 'token: "x"'
refused tls TLS "$tmp/tls"
kubeconfig "$tmp/unauthorized" "https://127.0.0.1:$server_port" ", certificate-authority: \"$LOCAL_CLUSTER_CA_FILE\"" 'token: "not-a-valid-token"'
refused unauthorized unauthorized "$tmp/unauthorized"
kubeconfig "$tmp/readonly" "https://127.0.0.1:$server_port" ", certificate-authority: \"$LOCAL_CLUSTER_CA_FILE\"" "tokenFile: \"$token_file\""
refused readonly forbidden "$tmp/readonly"
echo "connect-cluster test: PASS"
