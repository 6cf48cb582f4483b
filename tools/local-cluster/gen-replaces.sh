#!/usr/bin/env bash
# Regenerates the `replace` block of go.mod from k8s.io/kubernetes's own go.mod:
# every k8s.io/* staging module that k8s.io/kubernetes replaces with ./staging/...
# is pinned to the matching v0.<minor>.<patch> release.
# Usage: ./gen-replaces.sh v1.34.4   (prints the block; paste it into go.mod)
set -euo pipefail
ver="${1:?usage: gen-replaces.sh v1.X.Y}"
stage="v0.${ver#v1.}"
modfile="$(go mod download -json "k8s.io/kubernetes@${ver}" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
echo "replace ("
awk '/^replace \(/{r=1;next} r&&/^\)/{r=0} r&&/=> \.\/staging/{print $1}' "$modfile" | sort | while read -r m; do
  printf '\t%s => %s %s\n' "$m" "$m" "$stage"
done
echo ")"
