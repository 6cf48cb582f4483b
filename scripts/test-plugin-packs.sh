#!/usr/bin/env bash
# Installable plugins: builds each package under plugins/ with `backstage-cli package build`, packs it as
# `npm pack` would after Backstage's prepack (productionPack: entry points rewritten to dist/, config schema
# compiled), installs the packed tarballs into a scratch node_modules, then loads the entry points: the
# backend packages' CommonJS (their default export must be a Backstage backend feature) and the frontend's
# types and ES modules (a TypeScript file importing its public names must type-check).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$PATH"
say() { echo "test-plugin-packs: $*"; }
failures=0
fail() { echo "test-plugin-packs: FAIL: $*" >&2; failures=$((failures + 1)); }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
log="$tmp/log"

mkdir -p "$tmp/packs" "$tmp/staged"
for dir in "$root"/plugins/*/; do
  dir="${dir%/}"
  name="$(node -p "require('$dir/package.json').name")"
  t0=$SECONDS
  if ! (cd "$dir" && backstage-cli package build > "$log" 2>&1); then
    cat "$log" >&2; fail "$name: backstage-cli package build failed"; continue
  fi
  stage="$tmp/staged/$(basename "$dir")"
  if ! node -e '
    const path = require("path");
    const cli = path.dirname(require.resolve("@backstage/cli-module-build/package.json"));
    const { productionPack } = require(path.join(cli, "dist/lib/packager/productionPack.cjs.js"));
    productionPack({ packageDir: process.argv[1], targetDir: process.argv[2] })
      .catch(e => { console.error(e.message); process.exit(1); });
  ' "$dir" "$stage" > "$log" 2>&1; then
    cat "$log" >&2; fail "$name: Backstage prepack (productionPack) failed"; continue
  fi
  tarball="$(cd "$stage" && npm pack --ignore-scripts --pack-destination "$tmp/packs" 2>/dev/null | tail -1)"
  if [[ ! -f "$tmp/packs/$tarball" ]]; then fail "$name: npm pack wrote no tarball"; continue; fi
  say "$name: built and packed in $((SECONDS - t0)) s ($tarball, $(du -k "$tmp/packs/$tarball" | cut -f1) kB)"
done

# A scratch install: the workspace's third-party packages (hard links), our packages from the tarballs only.
app="$tmp/app"
mkdir -p "$app"
cp -al "$root/node_modules" "$app/node_modules" 2>/dev/null ||
  { rm -rf "$app/node_modules"; cp -a "$root/node_modules" "$app/node_modules"; } # another filesystem: a real copy
rm -rf "$app/node_modules/@internal" "$app/node_modules/app" "$app/node_modules/backend"
mkdir -p "$app/node_modules/@internal"
for tgz in "$tmp"/packs/*.tgz; do
  [[ -f "$tgz" ]] || continue
  name="$(tar xzf "$tgz" -O package/package.json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).name))')"
  mkdir -p "$app/node_modules/$name"
  tar xzf "$tgz" -C "$app/node_modules/$name" --strip-components=1
done

# Metadata and entry points of each packed package.
for pj in "$app"/node_modules/@internal/*/package.json; do
  node -e '
    const fs = require("fs"), path = require("path");
    const file = process.argv[1], dir = path.dirname(file), p = require(file);
    const problems = [];
    if (!p.backstage || !p.backstage.role) problems.push("no backstage.role");
    if (!p.backstage.pluginId) problems.push("no backstage.pluginId");
    if (p.backstage.role !== "backend-plugin-module" && !(p.backstage.pluginPackages || []).includes(p.name))
      problems.push("backstage.pluginPackages does not list the package itself");
    for (const key of ["main", "types"]) {
      if (!p[key]) problems.push(`no ${key}`);
      else if (/^(\.\/)?src\//.test(p[key])) problems.push(`${key} still points at the sources (${p[key]})`);
      else if (!fs.existsSync(path.join(dir, p[key]))) problems.push(`${key} ${p[key]} is not in the package`);
    }
    const walk = v => typeof v === "string" ? [v] : Object.values(v || {}).flatMap(walk);
    for (const target of walk(p.exports)) {
      if (target.startsWith("@backstage/")) continue; // feature markers
      if (!fs.existsSync(path.join(dir, target))) problems.push(`exports target ${target} is not in the package`);
    }
    if (!fs.existsSync(path.join(dir, "README.md"))) problems.push("no README.md");
    if (problems.length) { console.error(`${p.name}: ${problems.join("; ")}`); process.exit(1); }
  ' "$pj" || fail "metadata of the packed $(basename "$(dirname "$pj")")"
done

# Backend entry points: require the packed CommonJS, as a backend's `backend.add(import(...))` does.
(cd "$app" && node -e '
  const checks = [
    ["@internal/plugin-jetstream2-kubernetes-backend", m => m.default && m.default.$$type === "@backstage/BackendFeature"],
    ["@internal/plugin-scaffolder-backend-module-jetstream2", m => m.default && m.default.$$type === "@backstage/BackendFeature"],
    ["@internal/plugin-jetstream2-kubernetes-common", m => Object.keys(m).length > 5],
    ["@internal/plugin-jetstream2-kubernetes-node", m => typeof m.readClusterWriters === "function"],
  ];
  let bad = 0;
  for (const [name, ok] of checks) {
    const file = require.resolve(name);
    if (!file.includes("/node_modules/" + name + "/dist/")) { console.error(`${name} resolves to ${file}, not the packed dist`); bad++; continue; }
    const m = require(name);
    if (!ok(m)) { console.error(`${name}: unexpected exports ${Object.keys(m).join(", ")}`); bad++; continue; }
    console.log(`test-plugin-packs: ${name}: required ${file.replace(/.*node_modules\//, "")} (${Object.keys(m).length} exports)`);
  }
  process.exit(bad ? 1 : 0);
') || fail "a packed backend entry point does not load"

# Frontend entry points: its published types, for the legacy app (index) and the new frontend system (alpha).
cat > "$app/check.ts" <<'EOF'
import {
  jetstream2KubernetesPlugin,
  EntityJetstream2KubernetesContent,
  Jetstream2KubernetesPage,
  isJetstream2KubernetesAvailable,
} from '@internal/plugin-jetstream2-kubernetes';
import jetstream2KubernetesAlpha from '@internal/plugin-jetstream2-kubernetes/alpha';

export const used = [
  jetstream2KubernetesPlugin.getId(),
  EntityJetstream2KubernetesContent,
  Jetstream2KubernetesPage,
  isJetstream2KubernetesAvailable,
  jetstream2KubernetesAlpha,
];
EOF
cat > "$app/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true,
    "jsx": "react-jsx",
    "module": "esnext",
    "moduleResolution": "bundler",
    "target": "es2022",
    "lib": ["dom", "es2022"],
    "types": []
  },
  "files": ["check.ts"]
}
EOF
if (cd "$app" && tsc -p tsconfig.json > "$log" 2>&1); then
  say "@internal/plugin-jetstream2-kubernetes: its packed types import-check (index and /alpha)"
else
  cat "$log" >&2; fail "the packed frontend plugin's types do not import-check"
fi
for f in index.esm.js alpha.esm.js; do
  [[ -f "$app/node_modules/@internal/plugin-jetstream2-kubernetes/dist/$f" ]] ||
    fail "the packed frontend plugin has no dist/$f"
done

if (( failures )); then echo "test-plugin-packs: FAILED ($failures)"; exit 1; fi
say "PASS"
