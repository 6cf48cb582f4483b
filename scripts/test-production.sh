#!/usr/bin/env bash
# Tests the production build: builds once with scripts/build-production.sh (the Dockerfile's layout),
# starts the backend from it on PostgreSQL, then two replicas on the same PostgreSQL, then bad input.
#
#   scripts/test-production.sh [--out DIR] [--no-build] [--only single|replicas|bad-input]
#
# Bad input: missing or wrong PostgreSQL settings, a missing cluster token or CA file and an invalid URL
# must each stop the backend at start with one line "preflight: ..." naming the setting.
#
# Needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (postgresql://user[:password]@host:port, the
# server scripts/test.sh starts). With LOCAL_CLUSTER_URL, LOCAL_CLUSTER_CA_FILE and LOCAL_CLUSTER_TOKEN_FILE
# set (the local control plane), the replicas watch that cluster and must report the same data for it.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$PATH"
out="${TMPDIR:-/tmp}/js2-production-test"
build=1 only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --only) only="$2"; shift 2 ;;
    *) echo "test-production: unknown argument $1" >&2; exit 2 ;;
  esac
done
say() { echo "test-production: $*"; }
failures=0
fail() { echo "test-production: FAIL: $*" >&2; failures=$((failures + 1)); }
pg_url="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}"
[[ "$pg_url" =~ ^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+):([0-9]+) ]] ||
  { echo "test-production: FAIL: BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set to postgresql://user@host:port" >&2; exit 1; }
pg_user="${BASH_REMATCH[2]}" pg_password="${BASH_REMATCH[4]:-unused}" pg_host="${BASH_REMATCH[5]}" pg_port="${BASH_REMATCH[6]}"

if (( build )); then
  t0=$SECONDS
  bash "$root/scripts/build-production.sh" "$out" --unpack || { echo "test-production: FAIL: the production build failed" >&2; exit 1; }
  say "built in $((SECONDS - t0)) s"
fi
app="$out/app"
[[ -f "$app/packages/backend/dist/index.cjs.js" ]] || { echo "test-production: FAIL: no unpacked build in $app" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((21000 + RANDOM % 9000))  # below the ephemeral range (32768+)
    port_free "$p" && { echo "$p"; return 0; }
  done
  return 1
}

# A database prefix of its own per run, so earlier runs and other tests on the same server do not matter.
# The single backend creates and migrates the databases; the replicas then start together on them. (Two
# backends migrating one empty database at the same moment can fail: knex's "relation knex_migrations already
# exists"; the backend then exits and Kubernetes restarts it, see README "Production".)
prefix="js2prod_$(date +%s)_$$_"
# the guest (app-config.guest.yaml) gives the test a token; production portals use app-config.oidc.yaml
configs=(--config app-config.yaml --config app-config.production.yaml --config app-config.guest.yaml)
cluster_env=()
if [[ -n "${LOCAL_CLUSTER_URL:-}" && -f "${LOCAL_CLUSTER_TOKEN_FILE:-}" && -f "${LOCAL_CLUSTER_CA_FILE:-}" ]]; then
  cp "$root/app-config.local-cluster.yaml" "$work/app-config.local-cluster.yaml"
  configs+=(--config "$work/app-config.local-cluster.yaml")
  cluster_env=(LOCAL_CLUSTER_URL="$LOCAL_CLUSTER_URL" LOCAL_CLUSTER_CA_FILE="$LOCAL_CLUSTER_CA_FILE"
    LOCAL_CLUSTER_TOKEN="$(cat "$LOCAL_CLUSTER_TOKEN_FILE")")
fi

# start NAME PORT [extra env...]: the image's command, from the image's working directory.
start() {
  local name="$1" port="$2"; shift 2
  (cd "$app" && exec env NODE_ENV=production NODE_OPTIONS=--no-node-snapshot \
    POSTGRES_HOST="$pg_host" POSTGRES_PORT="$pg_port" POSTGRES_USER="$pg_user" POSTGRES_PASSWORD="$pg_password" \
    APP_CONFIG_backend_listen_port="$port" APP_CONFIG_backend_baseUrl="http://localhost:$port" \
    APP_CONFIG_app_baseUrl="http://localhost:$port" APP_CONFIG_backend_cors_origin="http://localhost:$port" \
    APP_CONFIG_backend_database_prefix="$prefix" "${cluster_env[@]}" "$@" \
    node packages/backend "${configs[@]}") > "$work/$name.log" 2>&1 &
  pids+=($!)
  echo $! > "$work/$name.pid"
}
# wait_ready NAME PORT TIMEOUT: until readiness answers 200, or the process exits, or the time is up.
wait_ready() {
  local name="$1" port="$2" timeout="$3" t0=$SECONDS pid
  pid="$(cat "$work/$name.pid")"
  while :; do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$port/.backstage/health/v1/readiness")" == 200 ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      fail "$name exited before it was ready; last log lines:"; tail -20 "$work/$name.log" >&2; return 1
    fi
    if (( SECONDS - t0 >= timeout )); then
      fail "$name not ready on :$port after ${timeout}s; last log lines:"; tail -20 "$work/$name.log" >&2; return 1
    fi
    sleep 1
  done
  say "$name ready on :$port in $((SECONDS - t0)) s"
}
# stop NAME: SIGTERM, and it must exit within 10 s.
stop() {
  local name="$1" pid t0=$SECONDS
  pid="$(cat "$work/$name.pid")"
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then fail "$name still running 10 s after SIGTERM"; kill -KILL "$pid"; return 1; fi
  say "$name stopped $((SECONDS - t0)) s after SIGTERM"
}
check_serves() { # NAME PORT
  local name="$1" port="$2" base="http://127.0.0.1:$1"
  base="http://127.0.0.1:$port"
  curl -s --max-time 10 "$base/" > "$work/$name.index.html"
  grep -q '<div id="root">' "$work/$name.index.html" && grep -qi '<script' "$work/$name.index.html" ||
    fail "$name: / does not serve the app's index.html"
  [[ "$(curl -s --max-time 10 "$base/api/jetstream2-kubernetes/health")" == *'"status":"ok"'* ]] ||
    fail "$name: /api/jetstream2-kubernetes/health does not answer {status: ok}"
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/api/jetstream2-kubernetes/clusters")" == 401 ]] ||
    fail "$name: /api/jetstream2-kubernetes/clusters answers without a token"
}
guest_token() { # PORT
  curl -s --max-time 10 -H 'X-Requested-With: XMLHttpRequest' \
    "http://127.0.0.1:$1/api/auth/guest/refresh?optional&env=development" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(JSON.parse(s).backstageIdentity.token)}catch{}})'
}
# A stable view of /clusters: what both replicas must agree on (not collection timestamps).
clusters_view() { # PORT TOKEN-FILE
  curl -s --max-time 10 -H "@$2" "http://127.0.0.1:$1/api/jetstream2-kubernetes/clusters" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const j=JSON.parse(s);const l=Array.isArray(j)?j:j.clusters;
      process.stdout.write(JSON.stringify(l.map(c=>({name:c.name,status:c.status,version:c.version,nodes:c.nodeCount,ready:c.readyNodeCount,pods:c.podCount,capacity:c.capacity}))))}catch(e){process.stdout.write("invalid: "+s.slice(0,200))}})'
}

if [[ -z "$only" || "$only" == single ]]; then
  say "== one backend from the production build, PostgreSQL at $pg_host:$pg_port"
  port="$(free_port)"
  t0=$SECONDS
  start single "$port"
  if wait_ready single "$port" 180; then
    check_serves single "$port"
    say "single: readiness, / (index.html) and /api/jetstream2-kubernetes/health answer ($((SECONDS - t0)) s from start)"
    grep -q 'Serving static app content from .*'"$app"'/packages/app/dist' "$work/single.log" ||
      fail "single: the backend does not serve the app from the build ($(grep -o 'Serving static app content from [^"]*' "$work/single.log"))"
    stop single
    port_free "$port" || fail "single: port $port still in use after the stop"
  fi
fi

if [[ "$only" == replicas ]]; then  # run alone: migrate first, as the single backend does otherwise
  port="$(free_port)"; start migrate "$port"; wait_ready migrate "$port" 180 && stop migrate
fi
if [[ -z "$only" || "$only" == replicas ]]; then
  say "== two replicas on the same PostgreSQL"
  pa="$(free_port)"; pb="$(free_port)"
  while [[ "$pb" == "$pa" ]]; do pb="$(free_port)"; done
  start replica-a "$pa"
  start replica-b "$pb"
  if wait_ready replica-a "$pa" 180 && wait_ready replica-b "$pb" 180; then
    check_serves replica-a "$pa"
    check_serves replica-b "$pb"
    # The guest's token carries the platform team's membership (which may read clusters) once the catalog
    # has ingested the org; a token issued by one replica is accepted by the other (keys in PostgreSQL).
    deadline=$((SECONDS + 120)) same=0
    while (( SECONDS < deadline )); do
      ( umask 077; printf 'Authorization: Bearer %s\n' "$(guest_token "$pa")" > "$work/auth" )
      va="$(clusters_view "$pa" "$work/auth")"; vb="$(clusters_view "$pb" "$work/auth")"
      if [[ "$va" == "$vb" && "$va" == '['* && ( ${#cluster_env[@]} -eq 0 || "$va" == *'"nodes":'[1-9]* ) ]]; then same=1; break; fi
      sleep 2
    done
    if (( same )); then
      say "replicas: both serve the app and the same /clusters data: $va"
    else
      fail "replicas: /clusters differs or has no data after 120 s: a=$va b=$vb"
    fi
    stop replica-a; stop replica-b
  fi
fi

if [[ -z "$only" || "$only" == bad-input ]]; then
  say "== bad input: each stops the backend at start with one line naming the setting"
  printf 'placeholder\n' > "$work/ca.crt"
  cp "$root/app-config.local-cluster.yaml" "$work/app-config.cluster.yaml"
  # bad NAME EXPECTED-TEXT VAR=VALUE...: the backend must exit (non-zero) within 60 s and print
  # "preflight: ...EXPECTED-TEXT...".
  bad() {
    local name="$1" want="$2" port t0=$SECONDS pid; shift 2
    port="$(free_port)"
    (cd "$app" && exec env NODE_ENV=production \
      POSTGRES_HOST="$pg_host" POSTGRES_PORT="$pg_port" POSTGRES_USER="$pg_user" POSTGRES_PASSWORD="$pg_password" \
      APP_CONFIG_backend_listen_port="$port" APP_CONFIG_backend_database_prefix="$prefix" \
      LOCAL_CLUSTER_URL=https://127.0.0.1:1 LOCAL_CLUSTER_CA_FILE="$work/ca.crt" LOCAL_CLUSTER_TOKEN=not-a-real-token \
      "$@" node packages/backend "${configs[@]:0:4}" --config "${CLUSTER_CONFIG:-$work/app-config.cluster.yaml}") > "$work/bad-$name.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      fail "bad input '$name': the backend still runs after 60 s"; kill -KILL "$pid"; return
    fi
    wait "$pid"; local rc=$?
    local line
    line="$(grep -m1 '^preflight: ' "$work/bad-$name.log")"
    if (( rc == 0 )); then
      fail "bad input '$name': the backend exited with status 0"
    elif [[ "$line" != *"$want"* ]]; then
      fail "bad input '$name': no 'preflight: ...$want...' line; got: ${line:-$(tail -3 "$work/bad-$name.log")}"
    else
      say "bad input '$name': exit $rc after $((SECONDS - t0)) s: $line"
    fi
  }
  bad postgres-host-unset 'POSTGRES_HOST' POSTGRES_HOST=
  bad postgres-port-closed 'POSTGRES_PORT' POSTGRES_PORT="$(free_port)"
  bad postgres-port-invalid 'POSTGRES_PORT' POSTGRES_PORT=not-a-port
  bad cluster-token-missing 'serviceAccountToken is empty' LOCAL_CLUSTER_TOKEN=
  printf 'kubernetes:\n  clusterLocatorMethods:\n    - type: config\n      clusters:\n        - name: js2-file\n          url: https://127.0.0.1:1\n          authProvider: serviceAccount\n          serviceAccountTokenFile: %s/missing.token\n' "$work" > "$work/app-config.token-file.yaml"
  CLUSTER_CONFIG="$work/app-config.token-file.yaml" bad cluster-token-file-missing "serviceAccountTokenFile $work/missing.token does not exist"
  bad cluster-ca-file-missing "caFile $work/missing-ca.crt does not exist" LOCAL_CLUSTER_CA_FILE="$work/missing-ca.crt"
  bad base-url-invalid 'app.baseUrl is not a valid URL' APP_CONFIG_app_baseUrl=not-a-url
fi

if (( failures )); then echo "test-production: FAILED ($failures)"; exit 1; fi
say "PASS"
