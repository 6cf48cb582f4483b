#!/usr/bin/env bash
# Builds Gitea (the local Git host of `npm start` and `npm test`) from source into a cache OUTSIDE the
# repository and prints the binary's path on stdout (progress goes to stderr).
#
# The source is the Go module code.gitea.io/gitea at $GITEA_VERSION from the Go module proxy. Its go.mod has
# replace directives, so `go install …@version` refuses it: the build runs in a writable copy of the
# downloaded module. SQLite needs cgo and the tags "sqlite sqlite_unlock_notify". The binary is built
# without the `bindata` tag: it reads its templates, locale files and images from the folder next to it
# (`share/`, copied from the module), which is what start.sh passes as Gitea's static root.
#
# Rebuilt only when the Gitea version, the build recipe (tags, flags: `recipe` below) or the Go version
# change (a sha256 over them is stored next to the binary).
#
#   GITEA_BIN=/path/to/gitea   use that binary (its static files: GITEA_STATIC_ROOT), skip building
#   GITEA_CACHE=DIR            cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-gitea)
#   ./build.sh --force         rebuild even if the hash matches
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="${GITEA_VERSION:-v1.26.0}"
tags="sqlite sqlite_unlock_notify"

if [[ -n "${GITEA_BIN:-}" ]]; then
  [[ -x "$GITEA_BIN" ]] || { echo "gitea build.sh: GITEA_BIN=$GITEA_BIN is not executable" >&2; exit 1; }
  echo "$GITEA_BIN"; exit 0
fi

force=0
[[ "${1:-}" == "--force" ]] && force=1

command -v go >/dev/null || { echo "gitea build.sh: 'go' not found on PATH (Gitea $version needs Go >= 1.26)" >&2; exit 1; }
command -v gcc >/dev/null || command -v cc >/dev/null ||
  { echo "gitea build.sh: no C compiler (gcc) found: Gitea's SQLite driver needs cgo" >&2; exit 1; }

cache="${GITEA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-gitea}"
bindir="$cache/bin"
out="$bindir/gitea"
share="$bindir/share"
stamp="$out.sha256"
mkdir -p "$bindir"

ldflags="-s -w -X 'main.Version=${version#v}' -X 'main.Tags=$tags'"
# Change the last word when the layout of the cache changes, to have every machine rebuild once.
recipe="code.gitea.io/gitea@$version tags=[$tags] ldflags=[$ldflags] cgo trimpath share/ r1"
hash="$( { go env GOVERSION; echo "$recipe"; } | sha256sum | cut -d' ' -f1)"

up_to_date() { [[ $force -eq 0 && -x "$out" && -d "$share/templates" && -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; }
if up_to_date; then echo "$out"; exit 0; fi

# One build at a time (npm start, npm test and the background build of setup.sh may race).
exec 9>"$bindir/.build.lock"
if command -v flock >/dev/null; then
  flock 9
  if up_to_date; then echo "$out"; exit 0; fi
fi

start=$(date +%s)
log="$bindir/build.log"
: > "$log"
echo "gitea: fetching code.gitea.io/gitea@$version through the Go module proxy..." >&2
moddir="$(cd "$here" && go mod download -json "code.gitea.io/gitea@$version" 2>>"$log" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
[[ -n "$moddir" && -f "$moddir/go.mod" ]] || {
  echo "gitea: could not download code.gitea.io/gitea@$version (see $log):" >&2; tail -5 "$log" >&2; exit 1; }

# A writable copy of the module (the module cache is read-only); replace directives work from there.
src="$cache/src-$version"
if [[ ! -f "$src/.complete" ]]; then
  rm -rf "$src" "$src.tmp"
  cp -r "$moddir" "$src.tmp"
  chmod -R u+w "$src.tmp"
  touch "$src.tmp/.complete"
  mv "$src.tmp" "$src"
fi

total="$(cd "$src" && go list -deps -tags "$tags" . 2>>"$log" | wc -l || echo '?')"
echo "gitea: building Gitea $version ($total packages; the first build takes about 10 minutes and 3 GB of memory on 2 cores, later starts reuse the binary)..." >&2
tmp="$out.tmp.$$"
set +e
(cd "$src" && CGO_ENABLED=1 go build -v -trimpath -tags "$tags" \
  -ldflags "$ldflags" -o "$tmp" .) 2>&1 | tee -a "$log" | {
  n=0; last=$(date +%s)
  while IFS= read -r line; do
    n=$((n+1))
    now=$(date +%s)
    if (( now - last >= 20 )); then
      echo "gitea: ... compiled $n/$total packages ($((now-start)) s)" >&2
      last=$now
    fi
  done
}
rc=${PIPESTATUS[0]}
set -e
if [[ $rc -ne 0 ]]; then
  rm -f "$tmp"
  echo "gitea: BUILD FAILED (exit $rc), last lines of $log:" >&2
  tail -30 "$log" >&2
  exit $rc
fi

# The files Gitea reads at run time (no bindata): templates, options (locales, licences, gitignores), public.
rm -rf "$share.tmp"
mkdir -p "$share.tmp"
cp -r "$src/templates" "$src/options" "$src/public" "$share.tmp/"
# Keep web assets that build-assets.sh added to an earlier share/ (they do not depend on the Go build).
[[ -d "$share/public/assets/.vite" ]] && cp -r "$share/public/assets/." "$share.tmp/public/assets/"
rm -rf "$share"
mv "$share.tmp" "$share"
mv -f "$tmp" "$out"
echo "$hash" > "$stamp"
echo "gitea: built $out ($(du -h "$out" | cut -f1)) in $(( $(date +%s) - start )) s" >&2
echo "$out"
