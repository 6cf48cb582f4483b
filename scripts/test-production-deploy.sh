#!/usr/bin/env bash
# Applies deploy/portal to the real local control plane (KUBECONFIG from `source $LOCAL_CLUSTER_DIR/env`) in a
# scratch namespace with server-side apply (the API server validates every field), and waits until the
# portal's two replicas and the bundled PostgreSQL are scheduled onto the simulated Jetstream2 nodes and
# Running (the node simulator runs no containers: image pulls and starts are simulated). Then deletes it all.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { echo "test-production-deploy: $*"; }
die() { echo "test-production-deploy: FAIL: $*" >&2; exit 1; }
[[ -f "${KUBECONFIG:-}" ]] || die "needs KUBECONFIG of the local control plane (source \$LOCAL_CLUSTER_DIR/env)"
k() { kubectl --request-timeout=30s "$@"; }

ns="js2-portal-test-$(date +%s)-$$"
pv="$ns-postgres"
tmp="$(mktemp -d)"
cleanup() {
  k delete namespace "$ns" --wait=true --timeout=60s >/dev/null 2>&1
  k delete pv "$pv" --wait=false >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

# A scratch overlay: the manifests as committed, in namespace $ns.
cp -r "$root/deploy/portal" "$tmp/portal"
cat > "$tmp/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: $ns
resources:
  - portal/with-postgres
EOF

# Both variants render and pass the API server's validation (dry run on the server for the base).
k create namespace "$ns" >/dev/null || die "cannot create namespace $ns"
mkdir -p "$tmp/managed"
printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: %s\nresources:\n  - ../portal\n' "$ns" \
  > "$tmp/managed/kustomization.yaml"
k apply --server-side --dry-run=server -k "$tmp/managed" > "$tmp/base.out" 2>&1 ||
  { cat "$tmp/base.out" >&2; die "deploy/portal (managed PostgreSQL) does not pass server-side validation"; }
say "deploy/portal (managed PostgreSQL) passes server-side validation"

# The Secrets the manifests reference, with throwaway values (never printed).
k -n "$ns" create secret generic backstage-postgres --from-literal=host=backstage-postgres \
  --from-literal=port=5432 --from-literal=user=backstage --from-literal=password="$(openssl rand -hex 24)" >/dev/null
k -n "$ns" create secret generic backstage-cluster-tokens --from-literal=K8S_MY_CLUSTER_TOKEN="$(openssl rand -hex 32)" \
  --from-literal=my-cluster.ca.crt=placeholder >/dev/null
# The local control plane has no volume provisioner: a volume for PostgreSQL's claim.
k apply -f - >/dev/null <<EOF || die "cannot create PersistentVolume $pv"
apiVersion: v1
kind: PersistentVolume
metadata:
  name: $pv
spec:
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Delete
  hostPath: { path: /tmp/$pv }
  claimRef: { namespace: $ns, name: data-backstage-postgres-0 }
EOF

t0=$SECONDS
k apply --server-side --field-manager=js2-portal-test -k "$tmp" > "$tmp/apply.out" 2>&1 ||
  { cat "$tmp/apply.out" >&2; die "kubectl apply --server-side -k deploy/portal/with-postgres failed"; }
sed 's/^/  /' "$tmp/apply.out"

simulated="$(k get nodes -l local-cluster.jetstream2/simulated=true -o jsonpath='{.items[*].metadata.name}')"
[[ -n "$simulated" ]] || die "the local control plane has no simulated nodes"
ready_nodes="$(k get nodes -l local-cluster.jetstream2/simulated=true --no-headers | awk '$2 == "Ready"' | wc -l)"
(( ready_nodes > 0 )) || die "none of the simulated nodes is Ready (is the local control plane's nodes process running?)"
# placed SELECTOR COUNT: COUNT pods Running on simulated nodes.
placed() {
  local n=0 node phase
  while read -r node phase; do
    [[ "$phase" == Running && " $simulated " == *" $node "* ]] && n=$((n + 1))
  done < <(k -n "$ns" get pods -l "$1" -o jsonpath='{range .items[*]}{.spec.nodeName}{" "}{.status.phase}{"\n"}{end}' 2>/dev/null)
  [[ "$n" -ge "$2" ]]
}
deadline=$((SECONDS + 180))
until placed app.kubernetes.io/name=backstage 2 && placed app.kubernetes.io/name=postgres 1; do
  if (( SECONDS >= deadline )); then
    k -n "$ns" get pods -o wide >&2
    k -n "$ns" get events --sort-by=.lastTimestamp 2>/dev/null | tail -15 >&2
    die "the portal's 2 replicas and PostgreSQL were not Running on simulated nodes within 180 s"
  fi
  sleep 2
done
say "2 portal replicas and PostgreSQL scheduled and Running on simulated nodes in $((SECONDS - t0)) s:"
k -n "$ns" get pods -o wide --no-headers | awk '{print "  " $1, $3, $7}'
k -n "$ns" get deployment/backstage service/backstage ingress/backstage poddisruptionbudget/backstage \
  statefulset/backstage-postgres service/backstage-postgres >/dev/null || die "an object of deploy/portal is missing"
[[ "$(k -n "$ns" get configmap -o name | grep -c 'backstage-app-config-')" -ge 1 ]] || die "no generated backstage-app-config ConfigMap"

k delete namespace "$ns" --wait=true --timeout=90s >/dev/null || die "namespace $ns was not deleted"
say "namespace $ns deleted; PASS"
