#!/usr/bin/env bash
# Starts the portal for the end-to-end tests: builds the app, then runs the backend, which serves the app,
# on http://localhost:7017, pointed at the local control plane when its environment is set.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/node_modules/.bin:$PATH"
configs=(--config "$root/app-config.yaml" --config "$root/app-config.e2e.yaml")
# The OIDC client (app-config.e2e.yaml): playwright.config.ts sets both for this server and the OIDC server;
# started alone, the guest still works and the OIDC sign-in is refused by the provider.
export AUTH_OIDC_CLIENT_ID="${AUTH_OIDC_CLIENT_ID:-jetstream2-portal-e2e}"
random_hex() { node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))'; }
export AUTH_OIDC_CLIENT_SECRET="${AUTH_OIDC_CLIENT_SECRET:-$(random_hex)}"
export AUTH_SESSION_SECRET="${AUTH_SESSION_SECRET:-$(random_hex)}"
if [ -n "${LOCAL_CLUSTER_URL:-}" ]; then
  configs+=(--config "$root/app-config.local-cluster.yaml")
fi
echo "[e2e] building the app..."
(cd packages/app && backstage-cli package build "${configs[@]}")
mkdir -p "$root/test-results"
echo "[e2e] starting the backend on :7017 (log: test-results/e2e-backend.log)..."
cd packages/backend
# The backend runs from source like `backstage-cli package start`, but without its file watcher: in a
# shared working tree an edit elsewhere would otherwise restart the backend in the middle of a run (503).
export NODE_ENV=development ESBK_TSCONFIG_PATH="$root/tsconfig.json"
exec node --enable-source-maps --require "$root/node_modules/@backstage/cli-node/config/nodeTransform.cjs" \
  src/index "${configs[@]}" >"$root/test-results/e2e-backend.log" 2>&1
