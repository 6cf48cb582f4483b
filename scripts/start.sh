#!/usr/bin/env bash
# `npm start`: installs what is missing, starts the local Kubernetes control plane (unless you point the
# portal at your own cluster), then the portal: frontend on http://localhost:3000, backend on :7007.
# Ctrl-C stops the portal and the local control plane.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh
export PATH="$root/node_modules/.bin:$PATH"

configs=(--config "$root/app-config.yaml")
own_cluster=no
if [ "${JS2_LOCAL_CLUSTER:-1}" = 0 ] || grep -qs 'clusterLocatorMethods' app-config.local.yaml; then
  own_cluster=yes
fi

if [ "$own_cluster" = no ]; then
  bash tools/local-cluster/start.sh
  state="${LOCAL_CLUSTER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-local-cluster/state}"
  # shellcheck disable=SC1091
  source "$state/env"
  LOCAL_CLUSTER_TOKEN="$(cat "$LOCAL_CLUSTER_TOKEN_FILE")"
  export LOCAL_CLUSTER_URL LOCAL_CLUSTER_CA_FILE LOCAL_CLUSTER_TOKEN
  configs+=(--config "$root/app-config.local-cluster.yaml")
  trap 'echo "[start] stopping the local control plane"; bash "$root/tools/local-cluster/stop.sh"' EXIT
  echo "[start] local control plane at $LOCAL_CLUSTER_URL (kubectl: export KUBECONFIG=$KUBECONFIG)"
else
  echo "[start] using the clusters configured in app-config.local.yaml (JS2_LOCAL_CLUSTER=0 or own clusterLocatorMethods)"
fi
[ -f app-config.local.yaml ] && configs+=(--config "$root/app-config.local.yaml")

if [ -n "${POSTGRES_HOST:-}" ]; then
  # PostgreSQL: run as in production, the backend serving the built app on one port.
  configs+=(--config "$root/app-config.production.yaml")
  # app-config.production.yaml names the catalog files as the production layout has them (./catalog, from
  # the image's folder); this backend runs from packages/backend, so point it at the repository's files.
  catalog_config="$(mktemp "${TMPDIR:-/tmp}/js2-start-catalog.XXXXXX.yaml")"
  printf 'catalog:\n  locations:\n    - type: file\n      target: %s/catalog/all.yaml\n    - type: file\n      target: %s/catalog/templates/all.yaml\n      rules:\n        - allow: [Template, Location]\n' "$root" "$root" > "$catalog_config"
  configs+=(--config "$catalog_config")
  echo "[start] POSTGRES_HOST is set: building the app, then serving it from the backend with PostgreSQL"
  (cd packages/app && backstage-cli package build "${configs[@]}")
  echo "[start] starting the portal: open http://localhost:7007 (sign in as guest)"
  cd packages/backend && backstage-cli package start "${configs[@]}"
else
  echo "[start] starting the portal: open http://localhost:3000 (sign in as guest)"
  backstage-cli repo start "${configs[@]}"
fi
