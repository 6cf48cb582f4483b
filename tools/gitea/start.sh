#!/usr/bin/env bash
# Starts the local Git host (Gitea, built from source by build.sh) on 127.0.0.1, for `npm start` and the
# tests: SQLite, no mailer, no registration, no SSH, install-locked; an admin user, an API token and the
# organisation that templates publish into are created on the first start.
#
#   start.sh [--state-dir DIR] [--port N]
#
# Defaults: state dir $GITEA_DIR or ${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-gitea/state, HTTP port
# $GITEA_PORT or 3300. The admin's password and token are generated here and kept in the state dir with
# mode 0600 (admin.password, admin.token); nothing secret is printed or written to the repository.
#
# Idempotent: when the Gitea of DIR is already up and healthy it only prints the environment. Afterwards:
# `source DIR/env` (GITEA_URL, GITEA_HOST, GITEA_USERNAME, GITEA_TOKEN_FILE, GITEA_ORG, GITEA_DIR).
# Stop with stop.sh. On a failure, SIGINT, SIGTERM or SIGHUP before Gitea is ready it stops the process
# this run started and exits non-zero.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${GITEA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-gitea/state}"
port="${GITEA_PORT:-3300}"
admin=portal-admin
org=jetstream2

while [[ $# -gt 0 ]]; do
  case "$1" in
    --state-dir) state="$2"; shift 2 ;;
    --state-dir=*) state="${1#*=}"; shift ;;
    --port) port="$2"; shift 2 ;;
    --port=*) port="${1#*=}"; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gitea start.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ && "$port" -ge 1024 && "$port" -le 65535 ]] || { echo "gitea start.sh: --port must be 1024..65535" >&2; exit 2; }
mkdir -p "$state"
state="$(cd "$state" && pwd)"
url="http://127.0.0.1:$port"
run="$state/run"
ini="$state/app.ini"
mkdir -p "$run" "$state/log" "$state/data"
chmod 700 "$state"

say() { echo "gitea: $*" >&2; }
die() { echo "gitea: ERROR: $*" >&2; exit 1; }
command -v curl >/dev/null || die "'curl' is required"
command -v openssl >/dev/null || die "'openssl' is required"

# The process counts as ours only while its command line still names this state dir (pid reuse).
alive() {
  local pid
  pid="$(cat "$run/gitea.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$state"
}
api() { # METHOD PATH [JSON]: prints the HTTP status; the body goes to $run/api.out
  local auth=()
  [[ -s "$state/admin.token" ]] && auth=(-H "Authorization: token $(cat "$state/admin.token")")
  curl -s -o "$run/api.out" -w '%{http_code}' --max-time 10 -X "$1" "${auth[@]}" \
    -H 'Content-Type: application/json' ${3:+--data "$3"} "$url$2" || true
}
token_works() { [[ -s "$state/admin.token" && "$(api GET /api/v1/user)" == 200 ]]; }

write_env() {
  cat > "$state/env" <<EOF
export GITEA_URL=$url
export GITEA_HOST=127.0.0.1:$port
export GITEA_USERNAME=$admin
export GITEA_TOKEN_FILE=$state/admin.token
export GITEA_ORG=$org
export GITEA_DIR=$state
EOF
}
print_env() {
  say "environment ($state/env):"
  cat "$state/env"
}

if alive && [[ "$(cat "$state/port" 2>/dev/null)" == "$port" ]] &&
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url/api/healthz")" == 200 ]] && token_works &&
  [[ -f "$state/env" ]]; then
  say "already running and healthy at $url (state $state)"
  print_env
  exit 0
fi
if alive; then
  die "a Gitea from $state is running (port $(cat "$state/port" 2>/dev/null || echo '?')) but is not healthy; stop it first (stop.sh --state-dir $state)"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  die "port $port is already in use by something else; choose another --port (or GITEA_PORT)"
fi

bin="$("$here/build.sh")" || die "build failed"
share="${GITEA_STATIC_ROOT:-$(dirname "$bin")/share}"
[[ -d "$share/templates" ]] || die "Gitea's static files are missing: $share/templates (rebuild with build.sh --force)"

# ---- configuration -------------------------------------------------------------------------------------
# Secrets are generated once per state dir and kept there (mode 0600), like the admin's password.
umask 077
secret() { # name: prints the stored secret, generating it first
  [[ -s "$state/secrets/$1" ]] || { mkdir -p "$state/secrets"; openssl rand -hex 32 > "$state/secrets/$1"; }
  cat "$state/secrets/$1"
}
[[ -s "$state/admin.password" ]] || openssl rand -hex 24 > "$state/admin.password"
root_line=""
[[ "$(id -u)" == 0 ]] && root_line="I_AM_BEING_UNSAFE_RUNNING_AS_ROOT = true"
cat > "$ini" <<EOF
; Written by tools/gitea/start.sh on every start: edit that script, not this file.
APP_NAME = Jetstream2 portal: local Git host
RUN_USER = $(id -un)
RUN_MODE = prod
WORK_PATH = $state
$root_line

[server]
PROTOCOL = http
HTTP_ADDR = 127.0.0.1
HTTP_PORT = $port
DOMAIN = 127.0.0.1
ROOT_URL = $url/
STATIC_ROOT_PATH = $share
APP_DATA_PATH = $state/data
DISABLE_SSH = true
START_SSH_SERVER = false
OFFLINE_MODE = true
LFS_START_SERVER = false
LANDING_PAGE = explore

[database]
DB_TYPE = sqlite3
PATH = $state/data/gitea.db
SQLITE_JOURNAL_MODE = WAL

[repository]
ROOT = $state/repositories
DEFAULT_BRANCH = main
DEFAULT_PRIVATE = public

[security]
INSTALL_LOCK = true
SECRET_KEY = $(secret secret-key)
INTERNAL_TOKEN = $(secret internal-token)
PASSWORD_HASH_ALGO = pbkdf2_hi

[oauth2]
ENABLED = false

[service]
DISABLE_REGISTRATION = true
REQUIRE_SIGNIN_VIEW = false
ENABLE_NOTIFY_MAIL = false
DEFAULT_ALLOW_CREATE_ORGANIZATION = true

[mailer]
ENABLED = false

[actions]
ENABLED = false

[packages]
ENABLED = false

[indexer]
ISSUE_INDEXER_TYPE = db
REPO_INDEXER_ENABLED = false

[cron.update_checker]
ENABLED = false

[session]
PROVIDER = file

[log]
MODE = file
LEVEL = info
ROOT_PATH = $state/log

[webhook]
ALLOWED_HOST_LIST = loopback
EOF
umask 022
echo "$port" > "$state/port"
g() { GITEA_WORK_DIR="$state" "$bin" --config "$ini" --work-path "$state" "$@"; }

if [[ ! -f "$state/data/.migrated" ]]; then
  say "creating the database in $state/data"
  g migrate >> "$state/log/setup.log" 2>&1 || { tail -20 "$state/log/setup.log" >&2; die "gitea migrate failed"; }
  touch "$state/data/.migrated"
fi
if ! g admin user list --admin 2>>"$state/log/setup.log" | awk 'NR>1{print $2}' | grep -qx "$admin"; then
  say "creating the admin user $admin (password in $state/admin.password, mode 0600)"
  g admin user create --admin --username "$admin" --email "$admin@localhost" \
    --password "$(cat "$state/admin.password")" --must-change-password=false >> "$state/log/setup.log" 2>&1 ||
    { tail -20 "$state/log/setup.log" >&2; die "could not create the admin user"; }
fi

# ---- the server ----------------------------------------------------------------------------------------
started=""
exec {stderr_fd}>&2
on_exit() {
  local rc=$?
  set +e
  trap '' INT TERM HUP
  exec 2>&"$stderr_fd"
  if (( rc != 0 )) && [[ -n "$started" ]] && alive; then
    say "start-up did not complete; stopping Gitea (pid $started)"
    "$here/stop.sh" --state-dir "$state" --timeout 5 >/dev/null 2>&1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'say interrupted; exit 130' INT
trap 'say terminated; exit 143' TERM
trap 'say "hung up"; exit 129' HUP

echo "==== $(date -u +%Y-%m-%dT%H:%M:%SZ) starting gitea web" >> "$state/log/gitea.out"
# setsid: its own session, so the caller's Ctrl-C does not reach it (stop.sh stops it).
GITEA_WORK_DIR="$state" setsid "$bin" web --config "$ini" --work-path "$state"\
  >> "$state/log/gitea.out" 2>&1 < /dev/null {stderr_fd}>&- &
started=$!
echo "$started" > "$run/gitea.pid"
say "started gitea (pid $started, logs $state/log)"
ready=""
for _ in $(seq 1 120); do
  alive || { tail -20 "$state/log/gitea.out" >&2; die "gitea exited during start-up (logs in $state/log)"; }
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/api/healthz")" == 200 ]]; then ready=1; break; fi
  sleep 0.5
done
[[ -n "$ready" ]] || { tail -20 "$state/log/gitea.out" >&2; die "gitea did not answer $url/api/healthz within 60 s"; }

# ---- the API token and the organisation ----------------------------------------------------------------
if ! token_works; then
  say "creating an API token for $admin ($state/admin.token, mode 0600)"
  token="$(g admin user generate-access-token --username "$admin" --token-name "portal-$(date +%s)" \
    --scopes all --raw 2>>"$state/log/setup.log" | grep -E '^[0-9a-f]{40}$' | tail -1)" || true
  # (as root, Gitea prints a warning on stdout before the token: only the token's line is kept)
  [[ -n "$token" ]] || die "could not create an API token (see $state/log/setup.log)"
  ( umask 077; printf '%s' "$token" > "$state/admin.token" )
  unset token
  token_works || die "the new API token is not accepted by $url"
fi
code="$(api GET "/api/v1/orgs/$org")"
if [[ "$code" == 404 ]]; then
  say "creating the organisation $org (templates publish their repositories there)"
  code="$(api POST /api/v1/orgs "{\"username\":\"$org\",\"visibility\":\"public\",\"repo_admin_change_team_access\":true}")"
  [[ "$code" == 201 ]] || die "could not create the organisation $org (HTTP $code: $(cat "$run/api.out"))"
elif [[ "$code" != 200 ]]; then
  die "could not read the organisation $org (HTTP $code: $(cat "$run/api.out"))"
fi

write_env
trap - EXIT INT TERM HUP
exec {stderr_fd}>&-
say "ready at $url (state $state; admin $admin, token in $state/admin.token)"
print_env
