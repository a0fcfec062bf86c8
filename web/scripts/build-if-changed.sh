#!/usr/bin/env bash
# Builds web/ into graphql/web_dist/ when its sources changed since the last build (a content stamp, so a
# checkout or touch alone does not rebuild). Without npm it says how to get the app and succeeds: the API
# runs without it. Usage: build-if-changed.sh [--required | --deps] (--required: a missing npm is an error;
# --deps: only install node_modules, for the dev server and the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
STAMP=../.web-build-stamp
DIST=../graphql/web_dist

if ! command -v npm >/dev/null 2>&1; then
  echo "web app not built: npm not found (install Node.js 20.19+ and npm, e.g. apt-get install nodejs npm, then make web)"
  [[ -n "${1:-}" ]] && exit 1
  exit 0
fi

hash=$(find src public index.html package.json package-lock.json vite.config.ts tsconfig.json codegen.ts ../graphql/schema.graphql \
  -type f -not -path 'src/shared/graphql/generated/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [[ "${1:-}" != "--deps" && -f "$DIST/index.html" && -f "$STAMP" && "$(cat "$STAMP")" == "$hash" ]]; then
  exit 0
fi

# npm ci only when the lock changed since the last install.
if ! cmp -s package-lock.json node_modules/.redchain-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.redchain-lock
fi
[[ "${1:-}" == "--deps" ]] && exit 0

npm run --silent codegen >/dev/null
npm run --silent build
echo "$hash" >"$STAMP"
