#!/usr/bin/env bash
# Netlify's build command (netlify.toml): builds the handbook site into output/ from a fresh Netlify clone.
# Usage: bash .ci/netlify-build.sh [--base-url URL] [--strict]
#   --base-url URL  absolute site URL for canonical links and sitemap.xml (an empty value is ignored, so
#                   netlify.toml can pass "$DEPLOY_PRIME_URL" as it is); without it the tool uses Netlify's
#                   URL, or DEPLOY_PRIME_URL in deploy previews and branch deploys.
#   --strict        fail on warnings too (off on Netlify: warnings are shown in merge requests instead).
# Steps: install the .NET SDK pinned by global.json when it is missing, fetch the full git history when the clone is
# shallow (versioned pages come from it), then `check` and `build` with NuGet packages and the render cache kept in
# Netlify's cache folder. Runs the same way locally (the cache then goes to .cache/ in the repository).
set -euo pipefail
cd "$(dirname "$0")/.."

base_url=()
strict=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base-url) [ -n "${2:-}" ] && base_url=(--base-url "$2"); shift 2 ;;
    --strict) strict=(--strict); shift ;;
    *) echo "netlify-build: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

# Netlify keeps /opt/build/cache (../cache from the clone) between builds; anything else starts empty every time.
if [ -n "${NETLIFY_CACHE_DIR:-}" ]; then
  cache="$NETLIFY_CACHE_DIR"
elif [ "${NETLIFY:-}" = "true" ] && [ -d /opt/build/cache ]; then
  cache=/opt/build/cache
else
  cache="$(pwd)/.cache"
fi
mkdir -p "$cache"
echo "netlify-build: cache folder $cache"

# A NUGET_PACKAGES set by the caller wins (tests point it at the machine's package folder to stay offline).
export NUGET_PACKAGES="${NUGET_PACKAGES:-$cache/nuget}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# `dotnet --version` in the repository honours global.json: it fails both when dotnet is missing and when the pinned
# SDK is not installed. The SDK then goes into the cache folder, so the next build skips the download.
if ! dotnet --version >/dev/null 2>&1; then
  echo "netlify-build: installing the .NET SDK pinned by global.json into $cache/dotnet"
  curl -sSfL https://dot.net/v1/dotnet-install.sh -o "$cache/dotnet-install.sh"
  bash "$cache/dotnet-install.sh" --jsonfile global.json --install-dir "$cache/dotnet" --no-path
  export DOTNET_ROOT="$cache/dotnet"
  export PATH="$DOTNET_ROOT:$PATH"
fi
echo "netlify-build: .NET SDK $(dotnet --version)"

# Netlify clones shallowly; the versioned pages need every commit that touched a page.
if [ "$(git rev-parse --is-shallow-repository 2>/dev/null || echo false)" = "true" ]; then
  echo "netlify-build: shallow clone, fetching the full history"
  git fetch --unshallow --quiet || echo "netlify-build: warning: could not fetch the full history; versions come from the commits present (HIST002)"
fi

# Compile once, then run check and build with the compiled tool. Code analyzers are the tool's own CI's business:
# skipping them here halves the compile time, and a new SDK's analyzer warning can never block a deploy.
tool="$(mktemp -d)"
trap 'rm -rf "$tool"' EXIT
dotnet publish src/Handbook.Site -c Release -o "$tool" --nologo -v quiet -p:RunAnalyzers=false -p:TreatWarningsAsErrors=false
run() { dotnet "$tool/Handbook.Site.dll" "$@"; }

run check --input input ${base_url[@]+"${base_url[@]}"} ${strict[@]+"${strict[@]}"}
run build --input input --output output --cache "$cache/render" ${base_url[@]+"${base_url[@]}"}
