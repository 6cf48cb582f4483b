#!/usr/bin/env bash
# `npm start`: installs what is missing, starts the local Kubernetes control plane (unless you point the
# portal at your own cluster) and the local Git host (Gitea, for the templates' repositories), then the
# portal: frontend on http://localhost:3000, backend on :7007.
#
# Stopping: Ctrl-C, SIGTERM, SIGINT or SIGHUP to `npm start` or to this script, or the end of any process it
# started (the backend, the frontend dev server, a process of the local control plane, Gitea), stops
# everything it started within 10 s: the portal gets SIGTERM (the backend closes its watches and stops its
# scheduled tasks), whatever is left after 5 s gets SIGKILL, then the local control plane and Gitea stop.
#
# Environment: LOCAL_CLUSTER_DIR / LOCAL_CLUSTER_PORT (the local control plane's state folder and API port),
# JS2_LOCAL_CLUSTER=0 (use the clusters of app-config.local.yaml), GITEA_DIR / GITEA_PORT (the local Git
# host's state folder and HTTP port, default 3300), JS2_LOCAL_GITEA=0 (no local Git host: templates cannot
# publish unless app-config.local.yaml names another), GITEA_WEB_ASSETS=0 (skip building Gitea's web UI
# assets; its pages then show as plain HTML), POSTGRES_* (PostgreSQL, production mode),
# and Backstage's APP_CONFIG_* overrides (e.g. APP_CONFIG_backend_listen_port).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh
export PATH="$root/node_modules/.bin:$PATH"
say() { echo "[start] $*"; }

# ---- what this script started, and how to stop it ------------------------------------------------------
groups=()   # process group ids (each portal process runs in its own session and group)
names=()    # their names, same index
cluster_state=""
tmp_files=()
cluster_starter=
gitea_state=""
gitea_starter=
assets_builder=
stopping=no
group_alive() { kill -0 -- "-$1" 2>/dev/null; }
stop_all() {
  [ "$stopping" = yes ] && return 0
  stopping=yes
  trap '' INT TERM HUP
  local t0=$SECONDS g i
  if [ ${#groups[@]} -gt 0 ]; then
    say "stopping the portal"
    for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
    for i in $(seq 1 50); do
      local alive=0
      for g in "${groups[@]}"; do group_alive "$g" && alive=1; done
      [ $alive = 0 ] && break
      sleep 0.1
    done
    for i in "${!groups[@]}"; do
      if group_alive "${groups[$i]}"; then
        say "${names[$i]} did not stop within 5 s of SIGTERM; killing it"
        kill -KILL -- "-${groups[$i]}" 2>/dev/null || true
      fi
    done
  fi
  if [ -n "$cluster_starter" ] && kill -0 "$cluster_starter" 2>/dev/null; then
    # still starting: its own trap stops what it started so far (a background job ignores SIGINT)
    kill -TERM "$cluster_starter" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$cluster_starter" 2>/dev/null || break; sleep 0.1; done
  fi
  for p in "$gitea_starter" "$assets_builder"; do
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
      kill -TERM "$p" 2>/dev/null || true
      for i in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    fi
  done
  if [ -n "$cluster_state" ]; then
    say "stopping the local control plane"
    bash "$root/tools/local-cluster/stop.sh" --state-dir "$cluster_state" --timeout 2 >/dev/null 2>&1 || true
  fi
  if [ -n "$gitea_state" ]; then
    say "stopping the local Git host"
    bash "$root/tools/gitea/stop.sh" --state-dir "$gitea_state" --timeout 3 >/dev/null 2>&1 || true
  fi
  [ ${#tmp_files[@]} -gt 0 ] && rm -f "${tmp_files[@]}"
  say "stopped in $((SECONDS - t0)) s"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 129' HUP
trap 'stop_all' EXIT

# run_group NAME DIR COMMAND...: starts COMMAND in DIR in a session (and process group) of its own, so
# stop_all reaches every process it starts, however deep (e.g. the backend's node child of backstage-cli).
run_group() {
  local name="$1" dir="$2"; shift 2
  (cd "$dir" && exec setsid "$@" < /dev/null) &
  groups+=($!)
  names+=("$name")
}

# ---- the local control plane ----------------------------------------------------------------------------
configs=(--config "$root/app-config.yaml")
own_cluster=no
if [ "${JS2_LOCAL_CLUSTER:-1}" = 0 ] || grep -qs 'clusterLocatorMethods' app-config.local.yaml; then
  own_cluster=yes
fi

# ---- the local Git host -----------------------------------------------------------------------------------
# Started in the background beside the control plane (both are quick once built; the first start builds
# both from source), so a SIGTERM during a first-time build is handled at once.
if [ "${JS2_LOCAL_GITEA:-1}" != 0 ]; then
  gitea_state="${GITEA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-gitea/state}"
  GITEA_DIR="$gitea_state" bash tools/gitea/start.sh &
  gitea_starter=$!
fi

if [ "$own_cluster" = no ]; then
  state="${LOCAL_CLUSTER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-local-cluster/state}"
  cluster_state="$state"
  LOCAL_CLUSTER_DIR="$state" bash tools/local-cluster/start.sh &
  cluster_starter=$!
  wait $cluster_starter || { say "the local control plane did not start"; exit 1; }
  cluster_starter=
  # shellcheck disable=SC1091
  source "$state/env"
  LOCAL_CLUSTER_TOKEN="$(cat "$LOCAL_CLUSTER_TOKEN_FILE")"
  export LOCAL_CLUSTER_URL LOCAL_CLUSTER_CA_FILE LOCAL_CLUSTER_TOKEN
  configs+=(--config "$root/app-config.local-cluster.yaml")
  say "local control plane at $LOCAL_CLUSTER_URL (kubectl: export KUBECONFIG=$KUBECONFIG)"
else
  say "using the clusters configured in app-config.local.yaml (JS2_LOCAL_CLUSTER=0 or own clusterLocatorMethods)"
fi
if [ -n "$gitea_starter" ]; then
  wait $gitea_starter || { say "the local Git host did not start (JS2_LOCAL_GITEA=0 starts without it)"; exit 1; }
  gitea_starter=
  # shellcheck disable=SC1091
  source "$gitea_state/env"
  GITEA_TOKEN="$(cat "$GITEA_TOKEN_FILE")"
  export GITEA_URL GITEA_HOST GITEA_USERNAME GITEA_TOKEN GITEA_ORG
  configs+=(--config "$root/app-config.gitea.yaml")
  # Its web UI's assets, once (about a minute); without them its pages work but show as plain HTML.
  bash tools/gitea/build-assets.sh &
  assets_builder=$!
  wait $assets_builder || say "Gitea's web UI assets could not be built; its pages show as plain HTML"
  assets_builder=
  say "local Git host at $GITEA_URL (admin $GITEA_USERNAME; password in $gitea_state/admin.password, API token in $GITEA_TOKEN_FILE; templates publish to $GITEA_URL/$GITEA_ORG)"
else
  say "no local Git host (JS2_LOCAL_GITEA=0)"
fi
[ -f app-config.local.yaml ] && configs+=(--config "$root/app-config.local.yaml")

# ---- the portal -----------------------------------------------------------------------------------------
if [ -n "${POSTGRES_HOST:-}" ]; then
  # PostgreSQL: run as in production, the backend serving the built app on one port.
  configs+=(--config "$root/app-config.production.yaml" --config "$root/app-config.guest.yaml")
  # app-config.production.yaml names the catalog files as the production layout has them (./catalog, from
  # the image's folder); this backend runs from packages/backend, so point it at the repository's files.
  catalog_config="$(mktemp "${TMPDIR:-/tmp}/js2-start-catalog.XXXXXX.yaml")"
  tmp_files+=("$catalog_config")
  printf 'catalog:\n  locations:\n    - type: file\n      target: %s/catalog/all.yaml\n    - type: file\n      target: %s/catalog/templates/all.yaml\n      rules:\n        - allow: [Template, Location]\n' "$root" "$root" > "$catalog_config"
  configs+=(--config "$catalog_config")
  say "POSTGRES_HOST is set: building the app, then serving it from the backend with PostgreSQL"
  (cd packages/app && backstage-cli package build "${configs[@]}") &
  wait $!
  say "starting the portal: open http://localhost:7007 (sign in as guest)"
  run_group backend packages/backend backstage-cli package start "${configs[@]}"
else
  say "starting the portal: open http://localhost:3000 (sign in as guest)"
  run_group backend packages/backend backstage-cli package start "${configs[@]}"
  run_group frontend packages/app backstage-cli package start "${configs[@]}"
fi

# ---- watch: the end of any part stops everything ----------------------------------------------------------
# backstage-cli keeps running when its backend child ends without a file change to restart it; a leader
# without any child for 1 s in a row counts as ended (a restart on a change replaces the child at once).
# Polled every 0.5 s.
# npm does not pass a SIGTERM on to this script (it signals its `sh -c` child, which ends without passing it
# on): when the process that started this script goes away, that counts as the signal.
parent=$PPID
childless=() had_child=()
for i in "${!groups[@]}"; do childless+=(0); had_child+=(0); done
while :; do
  if [ "$(ps -o ppid= -p $$ | tr -d ' ')" != "$parent" ]; then
    say "the process that started npm start ($parent) is gone; stopping everything"
    exit 143
  fi
  for i in "${!groups[@]}"; do
    g="${groups[$i]}"
    if ! kill -0 "$g" 2>/dev/null; then
      say "${names[$i]} exited; stopping everything"
      exit 1
    fi
    if [ "${names[$i]}" = backend ]; then
      if pgrep -P "$g" >/dev/null 2>&1; then
        childless[$i]=0 had_child[$i]=1
      elif [ "${had_child[$i]}" = 1 ]; then
        childless[$i]=$((childless[$i] + 1))
      fi
      if [ "${childless[$i]}" -ge 2 ]; then
        say "the backend process ended; stopping everything"
        exit 1
      fi
    fi
  done
  if [ -n "$gitea_state" ]; then
    pid="$(cat "$gitea_state/run/gitea.pid" 2>/dev/null || true)"
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      say "the local Git host (Gitea) exited; stopping everything"
      exit 1
    fi
  fi
  if [ -n "$cluster_state" ]; then
    for f in "$cluster_state"/run/*.pid; do
      [ -f "$f" ] || continue
      pid="$(cat "$f" 2>/dev/null || true)"
      if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
        say "local control plane process $(basename "$f" .pid) exited; stopping everything"
        exit 1
      fi
    done
  fi
  sleep 0.5 &
  wait $! || true
done
