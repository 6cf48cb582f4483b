#!/usr/bin/env bash
# Builds Gitea's web UI (its JavaScript and CSS, which the Go module does not contain) into the cache next
# to the binary (share/public/assets), so repository pages look as they do on any Gitea. Without them the
# pages still work but show as plain, unstyled HTML.
#
# Gitea's frontend build is pnpm + vite from its own pnpm-lock.yaml: pnpm (the version Gitea names in its
# package.json) runs through npx, the packages come from the npm registry into a pnpm store in the cache,
# and the project's Node 22 runs the build. Measured here: about a minute (pnpm install 13 s, vite 38 s)
# and 1.9 GB of memory at its peak; done once per Gitea version.
#
#   GITEA_WEB_ASSETS=0   skip (the pages stay unstyled)
#   GITEA_CACHE=DIR      cache root, as for build.sh
#   ./build-assets.sh --force   rebuild even if they are there
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="${GITEA_VERSION:-v1.26.0}"
if [[ "${GITEA_WEB_ASSETS:-1}" == 0 ]]; then
  echo "gitea: GITEA_WEB_ASSETS=0: not building the web UI's assets (repository pages show as plain HTML)" >&2
  exit 0
fi
force=0
[[ "${1:-}" == "--force" ]] && force=1

bin="$("$here/build.sh")"
cache="${GITEA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-gitea}"
share="$(dirname "$bin")/share"
src="$cache/src-$version"
stamp="$share/public/assets/.built-for"
want="gitea $version"
up_to_date() { [[ $force -eq 0 && -f "$share/public/assets/.vite/manifest.json" && "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; }
up_to_date && exit 0

exec 9>"$cache/.assets.lock"
if command -v flock >/dev/null; then
  flock 9
  up_to_date && exit 0
fi
[[ -f "$src/package.json" ]] || { echo "gitea: the source copy $src is missing; run build.sh --force" >&2; exit 1; }

# The project's Node 22 (Gitea's build needs Node >= 22.18), and pnpm through npx.
export PATH="$root/node_modules/.bin:$PATH"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)' ||
  { echo "gitea: Gitea's web build needs Node >= 22.18 (found $(node --version)); run npm ci first" >&2; exit 1; }
pnpm_version="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$src/package.json")"
pnpm() { npx --yes "pnpm@$pnpm_version" "$@"; }

start=$(date +%s)
log="$cache/assets.log"
web="$cache/web-$version"
echo "gitea: building the web UI's assets (pnpm $pnpm_version + vite; about a minute, once)..." >&2
rm -rf "$web"
# A scratch copy of the whole source: tailwind scans the templates and Go files for class names.
cp -r "$src" "$web"
[[ -f "$web/vite.config.ts" ]] || { echo "gitea: $src has no vite.config.ts" >&2; exit 1; }
if ! (cd "$web" && pnpm install --frozen-lockfile --prod --store-dir "$cache/pnpm-store" --reporter=append-only &&
  pnpm exec vite build) > "$log" 2>&1; then
  echo "gitea: the web UI's build FAILED; last lines of $log:" >&2
  tail -20 "$log" >&2
  echo "gitea: repository pages will show as plain HTML (GITEA_WEB_ASSETS=0 skips this build)" >&2
  exit 1
fi
[[ -f "$web/public/assets/.vite/manifest.json" ]] || { echo "gitea: the web build made no manifest (see $log)" >&2; exit 1; }
cp -r "$web/public/assets/." "$share/public/assets/"
echo "$want" > "$stamp"
rm -rf "$web"
echo "gitea: web UI assets built in $(( $(date +%s) - start )) s" >&2
