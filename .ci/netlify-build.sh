#!/usr/bin/env bash
# Netlify's build command (netlify.toml): builds the handbook site into output/ from a fresh Netlify clone.
# Usage: bash .ci/netlify-build.sh [--base-url URL] [--strict]
#   --base-url URL  absolute site URL for canonical links and sitemap.xml (an empty value is ignored, so
#                   netlify.toml can pass "$DEPLOY_PRIME_URL" as it is); without it the tool uses Netlify's
#                   URL, or DEPLOY_PRIME_URL in deploy previews and branch deploys.
#   --strict        fail on warnings too (off on Netlify: warnings are shown in merge requests instead).
# Steps: install the .NET SDK pinned by global.json when it is missing, fetch the full git history when the clone is
# shallow (versioned pages come from it), compile the tool unless the cache holds it for these sources, then `check`
# and `build` with NuGet packages, the compiled tool and the render cache kept in Netlify's cache folder. Runs the same way locally (the cache then goes to .cache/ in the repository).
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

# Compile the tool once per version of what it is compiled from, then run check and build with it. By default the tool
# is compiled ahead of time (*aot*, Native AOT: one native executable, no JIT and no runtime start-up – a third less CPU
# than the composite image at synthetic N = 1000, half on a small versioned site; the tool the benchmarks measure; its
# compile takes minutes, once per tool change, and needs a C toolchain – gcc or clang – which Netlify's image has).
# When the AOT compile fails (no toolchain), the script says so and compiles the *composite* kind instead: a
# self-contained composite ReadyToRun image (a third less CPU than JIT-compiling everything). HANDBOOK_TOOL_KIND
# chooses a kind: aot, composite, or readytorun (framework-dependent ReadyToRun: a faster compile; the slow CI test
# uses it). It is kept in the cache folder under a key made of the git trees of its sources, the SDK version, the machine
# (RID and instruction-set level) and the kind, so a deploy that changes only content (input/) compiles nothing. Uncommitted changes to those sources (a local run)
# compile into a temporary folder and leave the cache alone. Code analyzers are the tool's own CI's business:
# skipping them halves the compile time, and a new SDK's analyzer warning can never block a deploy.
tool_sources=(src theme Directory.Build.props Directory.Packages.props global.json .ci/netlify-build.sh)
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) rid="" ;;
esac
kind="${HANDBOOK_TOOL_KIND:-aot}"
case "$kind" in
  aot | composite | readytorun) ;;
  *) echo "netlify-build: HANDBOOK_TOOL_KIND must be aot, composite or readytorun, not '$kind'" >&2; exit 2 ;;
esac
[ -n "$rid" ] || kind=jit
# The aot and composite kinds are compiled for the instruction-set level Handbook.Site.csproj chooses for the publishing
# machine (x86-64-v3 with AVX2); a cache restored on a machine without it would hold a native tool that stops at
# start-up, or a composite image the runtime ignores (same output, all code JIT-compiled), so the level is part of the
# key. The project is asked for it (one evaluation, ~1 s), so the
# rule lives in one place.
isa=""
if [ "$kind" = composite ] || [ "$kind" = aot ]; then
  isa="$(dotnet msbuild src/Handbook.Site/Handbook.Site.csproj -getProperty:ReadyToRunInstructionSet \
    -p:PublishReadyToRunComposite=true -p:RuntimeIdentifier="$rid" -p:Configuration=Release 2>/dev/null || true)"
fi
tool_key=""
if [ -n "$rid" ] && trees="$(git rev-parse "${tool_sources[@]/#/HEAD:}" 2>/dev/null)" \
  && changes="$(git status --porcelain -- "${tool_sources[@]}" 2>/dev/null)" && [ -z "$changes" ]; then
  tool_key="$(printf '%s\n' "$trees" "$(dotnet --version)" "$rid" "$kind" "$isa" | sha256sum | cut -c1-16)"
fi
tools="$cache/tool"
if [ -n "$tool_key" ] && [ -f "$tools/$tool_key/Handbook.Site" ]; then
  tool="$tools/$tool_key"
  echo "netlify-build: compiled tool taken from the cache ($tool_key)"
else
  tool="$(mktemp -d)"
  trap 'rm -rf "$tool"' EXIT
  compile_tool() {
    local compile
    case "$kind" in
      aot) compile=(-r "$rid" -p:PublishAot=true) ;;
      composite) compile=(-r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true) ;;
      readytorun) compile=(-r "$rid" --self-contained false -p:PublishReadyToRun=true) ;;
      *) compile=() ;;
    esac
    echo "netlify-build: compiling the tool ($kind)"
    rm -rf "$tool" && mkdir -p "$tool"
    dotnet publish src/Handbook.Site -c Release ${compile[@]+"${compile[@]}"} -o "$tool" --nologo -v quiet -p:RunAnalyzers=false -p:TreatWarningsAsErrors=false
  }
  if ! compile_tool; then
    [ "$kind" = aot ] || exit 1
    echo "netlify-build: the ahead-of-time compile failed (is a C toolchain installed?); compiling the composite kind instead"
    kind=composite
    tool_key=""   # the key named the aot kind: this tool is not kept
    compile_tool
  fi
  if [ -n "$tool_key" ]; then
    # Only a complete compile enters the cache (moved in whole), and only the current one is kept.
    rm -rf "$tools"
    mkdir -p "$tools"
    mv "$tool" "$tools/$tool_key"
    trap - EXIT
    tool="$tools/$tool_key"
    echo "netlify-build: compiled tool kept in the cache ($tool_key)"
  fi
fi
# A self-contained or native tool runs through its own launcher (`dotnet Handbook.Site.dll` would look for a shared
# framework; a native tool has no Handbook.Site.dll).
if [ "$kind" = composite ] || [ "$kind" = aot ]; then
  run() { "$tool/Handbook.Site" "$@"; }
else
  run() { dotnet "$tool/Handbook.Site.dll" "$@"; }
fi

run check --input input ${base_url[@]+"${base_url[@]}"} ${strict[@]+"${strict[@]}"}
# With --cache a build that reads the git history (the default here, after the unshallow above) also restores every
# family the new commit did not touch from the states the previous deploy stored (no --reuse-families needed).
run build --input input --output output --cache "$cache/render" ${base_url[@]+"${base_url[@]}"}
