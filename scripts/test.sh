#!/usr/bin/env bash
# `npm test`: installs what is missing, then type-checks, runs every package's unit tests, the Go tests of
# the local control plane, the integration tests against a real control plane, and the end-to-end browser test.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
results="$root/test-results"
rm -rf "$results" && mkdir -p "$results"

bash scripts/setup.sh --test || exit 1
export PATH="$root/node_modules/.bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
failed_steps=()
run_step() {
  local name=$1; shift
  step "$name"
  local start=$(date +%s)
  if "$@"; then
    echo "-- $name: ok ($(( $(date +%s) - start )) s)"
    echo "ok $name" >> "$results/steps.txt"
  else
    echo "-- $name: FAILED ($(( $(date +%s) - start )) s)"
    echo "FAILED $name" >> "$results/steps.txt"
    failed_steps+=("$name")
  fi
}

# One real control plane for the whole run, on its own port and state folder.
export LOCAL_CLUSTER_DIR="$results/local-cluster"
export LOCAL_CLUSTER_PORT="${TEST_CLUSTER_PORT:-16443}"
pg_dir=$(mktemp -d /tmp/js2-test-postgres.XXXXXX)
prod_dir=$(mktemp -d /tmp/js2-test-production.XXXXXX)
cleanup() {
  rm -rf "$prod_dir"
  bash tools/local-cluster/stop.sh --state-dir "$LOCAL_CLUSTER_DIR" >/dev/null 2>&1 || true
  bash scripts/test-postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT

# No Docker engine runs on these machines: TestDatabases must not try to start containers.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
# A real PostgreSQL for the database tests (TestDatabases runs them on SQLite and on this server).
step "PostgreSQL for the database tests"
if pg_url=$(bash scripts/test-postgres.sh start "$pg_dir" "${TEST_POSTGRES_PORT:-15432}"); then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$pg_url"
  echo "-- PostgreSQL at $pg_url"
else
  failed_steps+=("PostgreSQL for the database tests")
fi

run_step "type check (tsc)" tsc
run_step "lint (eslint, every package)" backstage-cli repo lint
run_step "format check (prettier)" prettier --check .
run_step "local control plane: Go unit tests" bash -c 'cd tools/local-cluster && go test -v ./... > "$0/go-test.txt" 2>&1; s=$?; grep -E "^(ok|FAIL|---)" "$0/go-test.txt"; exit $s' "$results"
run_step "local control plane: smoke test (schedule, scale, seed, token, clean stop)" bash tools/local-cluster/smoke.sh
run_step "local control plane: start" bash tools/local-cluster/start.sh --state-dir "$LOCAL_CLUSTER_DIR" --port "$LOCAL_CLUSTER_PORT"
if [ -f "$LOCAL_CLUSTER_DIR/env" ]; then
  # shellcheck disable=SC1091
  source "$LOCAL_CLUSTER_DIR/env"
  export LOCAL_CLUSTER_URL LOCAL_CLUSTER_CA_FILE LOCAL_CLUSTER_TOKEN_FILE KUBECONFIG
  export LOCAL_CLUSTER_TOKEN="$(cat "$LOCAL_CLUSTER_TOKEN_FILE")"
fi
run_step "unit and integration tests (jest)" env CI=true backstage-cli repo test --ci --json --outputFile="$results/jest.json"
run_step "end-to-end tests (Playwright, Chromium)" playwright test

# Production (README "Production"). Each step counts as one test ("smoke test" in its name: see
# scripts/test-summary.js). The production build runs once and serves the single and two-replica checks.
run_step "cluster access smoke test: connect-cluster on the local control plane, refusals" bash scripts/connect-cluster.test.sh
run_step "deploy smoke test: deploy/portal applied and scheduled on the local control plane" bash scripts/test-production-deploy.sh
run_step "production smoke test: build, start on PostgreSQL, two replicas, bad input" bash scripts/test-production.sh --out "$prod_dir/build"
run_step "plugin packs smoke test: each plugin built, packed, installed and its entry points loaded" bash scripts/test-plugin-packs.sh
run_step "clean-stop smoke test: npm start stopped by SIGTERM to npm and to the backend" bash scripts/test-start-stop.sh npm backend-node

node scripts/test-summary.js "$results" "${#failed_steps[@]}"
status=$?
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed steps: ${failed_steps[*]}"
  exit 1
fi
exit $status
