#!/usr/bin/env bash
# Builds the multi-call `local-cluster` binary into a cache OUTSIDE the repository
# and prints its path on stdout (progress goes to stderr).
#
# The binary is rebuilt only when go.mod, go.sum, *.go or the Go version change
# (a sha256 over them is stored next to the binary).
#
#   LOCAL_CLUSTER_BIN=/path/to/local-cluster  use that binary, skip building
#   LOCAL_CLUSTER_CACHE=DIR                   cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-local-cluster)
#   ./build.sh --force                        rebuild even if the hash matches
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [[ -n "${LOCAL_CLUSTER_BIN:-}" ]]; then
  [[ -x "$LOCAL_CLUSTER_BIN" ]] || { echo "build.sh: LOCAL_CLUSTER_BIN=$LOCAL_CLUSTER_BIN is not executable" >&2; exit 1; }
  echo "$LOCAL_CLUSTER_BIN"; exit 0
fi

force=0
[[ "${1:-}" == "--force" ]] && force=1

command -v go >/dev/null || { echo "build.sh: 'go' not found on PATH (Go >= 1.24 needed)" >&2; exit 1; }

cache="${LOCAL_CLUSTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jetstream2-local-cluster}"
bindir="$cache/bin"
out="$bindir/local-cluster"
stamp="$out.sha256"
mkdir -p "$bindir"

hash="$( { go env GOVERSION; for f in go.mod go.sum $(find . -name '*.go' ! -name '*_test.go' | LC_ALL=C sort); do echo "== $f"; cat "$f"; done; } | sha256sum | cut -d' ' -f1)"

up_to_date() { [[ $force -eq 0 && -x "$out" && -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; }
if up_to_date; then echo "$out"; exit 0; fi

# One build at a time (start.sh and smoke.sh may race).
exec 9>"$bindir/.build.lock"
if command -v flock >/dev/null; then
  flock 9
  if up_to_date; then echo "$out"; exit 0; fi
fi

k8sver="$(awk '$1=="k8s.io/kubernetes"{print $2; exit} $1=="require" && $2=="k8s.io/kubernetes"{print $3; exit}' go.mod)"
major="${k8sver#v}"; major="${major%%.*}"
minor="${k8sver#v*.}"; minor="${minor%%.*}"
pkg=k8s.io/component-base/version
ldflags="-s -w -X $pkg.gitVersion=$k8sver -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
ldflags+=" -X $pkg.gitCommit=local-cluster-${hash:0:12}"

total="$(go list -deps . 2>/dev/null | wc -l || echo '?')"
echo "local-cluster: building from k8s.io/kubernetes $k8sver ($total packages; first build takes ~6 min and ~2 GB RAM on 2 cores, later builds are cached)..." >&2

log="$bindir/build.log"
tmp="$out.tmp.$$"
start=$(date +%s)
set +e
go build -v -trimpath -ldflags "$ldflags" -o "$tmp" . 2>&1 | tee "$log" | {
  n=0; last=$(date +%s)
  while IFS= read -r line; do
    n=$((n+1))
    now=$(date +%s)
    if (( now - last >= 15 )); then
      echo "local-cluster: ... compiled $n/$total packages ($((now-start))s), last: $line" >&2
      last=$now
    fi
  done
  echo "local-cluster: compiled $n packages" >&2
}
rc=${PIPESTATUS[0]}
set -e
if [[ $rc -ne 0 ]]; then
  rm -f "$tmp"
  echo "local-cluster: BUILD FAILED (exit $rc), last lines of $log:" >&2
  tail -30 "$log" >&2
  exit $rc
fi
mv -f "$tmp" "$out"
echo "$hash" > "$stamp"
echo "local-cluster: built $out in $(( $(date +%s) - start ))s" >&2
echo "$out"
