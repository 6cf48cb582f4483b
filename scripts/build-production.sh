#!/usr/bin/env bash
# Builds the portal for production and lays out OUTDIR as the Docker build context of the Dockerfile at the
# repository root (Backstage's documented "host build": the backend bundle and skeleton are built on the
# host, the image only installs production dependencies and unpacks them).
#
#   scripts/build-production.sh OUTDIR            build, then lay out OUTDIR (replaced if it exists)
#   scripts/build-production.sh OUTDIR --unpack   ... and also unpack it into OUTDIR/app as the image's
#                                                 RUN steps do, reusing this workspace's node_modules
#                                                 (hard links) instead of `npm ci --omit=dev`: how the tests
#                                                 start it without a Docker engine or a registry
#
# OUTDIR afterwards (what the Dockerfile copies):
#   Dockerfile  package.json  package-lock.json  .npmrc  app-config.yaml  app-config.production.yaml  catalog/
#   packages/backend/dist/skeleton.tar.gz   package.json files of the backend and the workspaces it uses
#   packages/backend/dist/bundle.tar.gz     their dist/ folders, including the built app (packages/app/dist)
#
# Then: docker build -t jetstream2-backstage OUTDIR
# Start (in the image, or in OUTDIR/app): node packages/backend --config app-config.yaml --config app-config.production.yaml
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:?usage: build-production.sh OUTDIR [--unpack]}"
unpack=0
[[ "${2:-}" == --unpack ]] && unpack=1
export PATH="$root/node_modules/.bin:$PATH"
say() { echo "[build-production] $*"; }

cd "$root"
t0=$SECONDS
say "building the app (packages/app, with app-config.yaml + app-config.production.yaml)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
quiet() { "$@" > "$log" 2>&1 || { cat "$log" >&2; echo "[build-production] FAILED: $*" >&2; exit 1; }; }
(cd packages/app && quiet backstage-cli package build \
  --config "$root/app-config.yaml" --config "$root/app-config.production.yaml")
say "app built in $((SECONDS - t0)) s"

t1=$SECONDS
# The backend's local dependencies (our backend plugins and -common), each with its own package build.
for dir in $(cd packages/backend && node -e '
  const deps = Object.keys(require("./package.json").dependencies || {});
  const seen = new Set();
  const visit = name => {
    if (!name.startsWith("@internal/") || seen.has(name)) return;
    seen.add(name);
    const pj = require.resolve(`${name}/package.json`);
    for (const d of Object.keys(require(pj).dependencies || {})) visit(d);
  };
  deps.forEach(visit);
  for (const name of seen) console.log(require("path").relative("../..", require("path").dirname(require.resolve(`${name}/package.json`))));
'); do
  say "building $dir"
  (cd "$dir" && quiet backstage-cli package build)
done
say "building the backend bundle (packages/backend: dist/bundle.tar.gz, dist/skeleton.tar.gz)"
# As `backstage-cli package build` does for a backend, minus its copy of yarn.lock (we use npm).
(cd packages/backend && quiet node "$root/scripts/build-production-bundle.js")
say "backend built in $((SECONDS - t1)) s"

rm -rf "$out"
mkdir -p "$out/packages/backend/dist"
out="$(cd "$out" && pwd)"
cp packages/backend/dist/bundle.tar.gz packages/backend/dist/skeleton.tar.gz "$out/packages/backend/dist/"
cp package-lock.json .npmrc app-config.yaml app-config.production.yaml app-config.oidc.yaml app-config.guest.yaml Dockerfile "$out/"
# The root package.json without its scripts: the image has no scripts/ folder (postinstall would fail).
node -e 'const p = require("./package.json"); delete p.scripts; process.stdout.write(JSON.stringify(p, null, 2) + "\n")' > "$out/package.json"
cp -r catalog "$out/catalog"
say "build context laid out in $out ($(du -sh "$out" | cut -f1)) after $((SECONDS - t0)) s"

if (( unpack )); then
  app="$out/app"
  mkdir -p "$app"
  # The Dockerfile's steps, in order: skeleton, dependencies, bundle, config and catalog.
  tar xzf "$out/packages/backend/dist/skeleton.tar.gz" -C "$app"
  cp "$out/package.json" "$out/package-lock.json" "$out/.npmrc" "$app/"
  # Dependencies: this workspace's installed node_modules as hard links (a few seconds, no extra space)
  # instead of `npm ci --omit=dev`. Its links to our own workspaces are relative (../packages/app,
  # ../../plugins/...), so inside the copy they point at the bundle's built packages, never at the sources.
  cp -al "$root/node_modules" "$app/node_modules" 2>/dev/null ||
    { rm -rf "$app/node_modules"; cp -a "$root/node_modules" "$app/node_modules"; } # another filesystem: a real copy
  # Workspaces with their own nested dependencies (a version other than the root's).
  while IFS= read -r pkg; do
    dir="$(dirname "$pkg")"
    if [[ -d "$root/$dir/node_modules" ]]; then cp -al "$root/$dir/node_modules" "$app/$dir/node_modules"; fi
  done < <(cd "$app" && find packages plugins -maxdepth 2 -name package.json)
  tar xzf "$out/packages/backend/dist/bundle.tar.gz" -C "$app"
  cp "$out"/app-config*.yaml "$app/"
  cp -r "$out/catalog" "$app/catalog"
  say "unpacked into $app (node_modules: hard links of $root/node_modules)"
fi
