#!/usr/bin/env bash
# `npm test`: installs what is missing, then type-checks, runs every package's unit tests, the Go tests of
# the local control plane, the integration tests against a real control plane and a real Git host (Gitea),
# and the end-to-end browser test.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
results="$root/test-results"
rm -rf "$results" && mkdir -p "$results"

bash scripts/setup.sh --test --no-node || exit 1

# The Go builds (the local control plane, then Gitea) start first, in the background, in a process group of
# their own: on a fresh machine they are most of the run's time, and they overlap npm ci and the static
# checks. Each is compiled once (cached outside the repository with a hash stamp); the steps that need a
# binary wait for its build. Measured figures: README.md, "Measured on this machine kind".
setsid bash -c '
  bash tools/local-cluster/build.sh > /dev/null 2> "$0/build-local-cluster.log"; echo $? > "$0/build-local-cluster.rc"
  bash tools/gitea/build.sh > /dev/null 2> "$0/build-gitea.log"; echo $? > "$0/build-gitea.rc"
' "$results" < /dev/null &
go_builds=$!
wait_build() { # name: waits for tools/<name>'s background build; fails with its log's last lines
  while [ ! -f "$results/build-$1.rc" ] && kill -0 "$go_builds" 2>/dev/null; do sleep 1; done
  if [ "$(cat "$results/build-$1.rc" 2>/dev/null)" != 0 ]; then
    echo "the $1 build failed; last lines of $results/build-$1.log:"
    tail -20 "$results/build-$1.log"
    return 1
  fi
  grep -E 'built .* in [0-9]+ ?s' "$results/build-$1.log" || echo "(cached binary)"
}

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
# ... and one local Git host (Gitea), on its own port (npm start's default is 3300).
export GITEA_DIR="$results/gitea"
export GITEA_PORT="${TEST_GITEA_PORT:-3301}"
pg_dir=$(mktemp -d /tmp/js2-test-postgres.XXXXXX)
prod_dir=$(mktemp -d /tmp/js2-test-production.XXXXXX)
cleanup() {
  kill -TERM -- "-$go_builds" 2>/dev/null || true
  rm -rf "$prod_dir"
  bash tools/gitea/stop.sh --state-dir "$GITEA_DIR" >/dev/null 2>&1 || true
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

# Not incremental: the API reports below read its declarations, and an incremental build can print an inferred
# type's members in another order (a drift with no code change).
run_step "type check (tsc)" tsc --incremental false
run_step "API reports (each plugin's public surface matches its report*.api.md)" npm run --silent build:api-reports:only -- --ci
run_step "lint (eslint, every package)" backstage-cli repo lint
run_step "format check (prettier)" prettier --check .
run_step "local control plane: build" wait_build local-cluster
# -trimpath: the build's flags, so the tests reuse its compiled packages; -vet=off: vet would analyse each of
# the ~2,400 dependency packages again, as long as compiling them (gofmt checks our own files instead).
run_step "local control plane: Go unit tests" bash -c 'cd tools/local-cluster && unformatted=$(gofmt -l .) && [ -z "$unformatted" ] || { echo "not gofmt-formatted: $unformatted"; exit 1; }; go test -trimpath -vet=off -v ./... > "$0/go-test.txt" 2>&1; s=$?; grep -E "^(ok|FAIL|---)" "$0/go-test.txt"; exit $s' "$results"
run_step "local control plane: smoke test (schedule, scale, seed, token, clean stop)" bash tools/local-cluster/smoke.sh
run_step "local control plane: start" bash tools/local-cluster/start.sh --state-dir "$LOCAL_CLUSTER_DIR" --port "$LOCAL_CLUSTER_PORT"
if [ -f "$LOCAL_CLUSTER_DIR/env" ]; then
  # shellcheck disable=SC1091
  source "$LOCAL_CLUSTER_DIR/env"
  export LOCAL_CLUSTER_URL LOCAL_CLUSTER_CA_FILE LOCAL_CLUSTER_TOKEN_FILE LOCAL_CLUSTER_DEPLOYER_TOKEN_FILE KUBECONFIG
  export LOCAL_CLUSTER_TOKEN="$(cat "$LOCAL_CLUSTER_TOKEN_FILE")"
fi
run_step "local Git host (Gitea): build" wait_build gitea
run_step "local Git host (Gitea): start" bash tools/gitea/start.sh --state-dir "$GITEA_DIR" --port "$GITEA_PORT"
if [ -f "$GITEA_DIR/env" ]; then
  # shellcheck disable=SC1091
  source "$GITEA_DIR/env"
  export GITEA_URL GITEA_HOST GITEA_USERNAME GITEA_TOKEN_FILE GITEA_ORG
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
