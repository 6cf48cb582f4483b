#!/usr/bin/env bash
# Starts the portal for the end-to-end tests: builds the app, then runs the backend, which serves the app,
# on http://localhost:$E2E_PORT (default 7017), pointed at the local control plane when its environment is set.
# E2E_OIDC_PORT (default 7019) is where playwright.config.ts starts the OpenID provider.
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
port="${E2E_PORT:-7017}" oidc_port="${E2E_OIDC_PORT:-7019}"
if [ "$port" != 7017 ] || [ "$oidc_port" != 7019 ]; then
  # other ports than app-config.e2e.yaml's: a config file of this run's, after it
  mkdir -p "$root/test-results"
  ports_config="$root/test-results/app-config.e2e-ports.yaml"
  cat >"$ports_config" <<YAML
app:
  baseUrl: http://localhost:$port
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
  cors:
    origin: http://localhost:$port
auth:
  providers:
    oidc:
      development:
        metadataUrl: http://127.0.0.1:$oidc_port/.well-known/openid-configuration
YAML
  configs+=(--config "$ports_config")
fi
if [ -n "${LOCAL_CLUSTER_URL:-}" ]; then
  configs+=(--config "$root/app-config.local-cluster.yaml")
fi
echo "[e2e] building the app..."
(cd packages/app && backstage-cli package build "${configs[@]}")
mkdir -p "$root/test-results"
echo "[e2e] starting the backend on :$port (log: test-results/e2e-backend.log)..."
cd packages/backend
# The backend runs from source like `backstage-cli package start`, but without its file watcher: in a
# shared working tree an edit elsewhere would otherwise restart the backend in the middle of a run (503).
export NODE_ENV=development ESBK_TSCONFIG_PATH="$root/tsconfig.json"
exec node --enable-source-maps --require "$root/node_modules/@backstage/cli-node/config/nodeTransform.cjs" \
  src/index "${configs[@]}" >"$root/test-results/e2e-backend.log" 2>&1
