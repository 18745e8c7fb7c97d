#!/usr/bin/env bash
# Whole-build benchmark (issue 9): this project against Hugo on the synthetic job-families corpus of
# ../shared/bench (gen-corpus.py), measured in alternation in one run, so the ratios survive a noisy machine.
#
#   bench/run.sh [N ...] [--runs R] [--no-hugo] [--no-publish]     default: N = 1000, R = 3
#   bench/run.sh --smoke                                          N = 20, one run, checks that the build works
#
# For each N: generates the corpus once (seeded: the same N gives the same bytes), lays out the Hugo site as
# ../shared/bench/run-peers.sh does, then does one warm-up and R counted rounds of
#   Hugo cold build  ->  ours cold build (empty output, empty cache)  ->  ours warm rebuild (same cache, nothing changed)
# each measured whole-process with GNU time (wall, user+sys CPU, peak RSS). Prints the medians, the median of the
# per-round ratios ours/Hugo, time per page and warm/cold. Our tool is the one Netlify deploys: a Native AOT publish
# of src/Handbook.Site run as a native executable (bench/lib.sh). Not part of `dotnet test`.
#
# Environment: BENCH_DIR (work folder, default /tmp/handbook-bench), TOOL (an already published tool folder: skips
# the publish), TOOL_KIND (aot, the default; composite: self-contained composite ReadyToRun; readytorun:
# framework-dependent), BENCH_CORPUS_GEN (default ../shared/bench/gen-corpus.py beside the repository).
set -euo pipefail
# A command that fails stops the script (set -e); say which one, so no run ends without a word (two helpers saw
# bench/versioned.sh stop silently under heavy load in the thirteenth session).
trap 'rc=$?; echo "bench/run.sh: stopped at line $LINENO (exit $rc): $BASH_COMMAND" >&2' ERR

root="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_DIR:-/tmp/handbook-bench}"
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
gen="${BENCH_CORPUS_GEN:-$(find_shared gen-corpus.py)}"
hugo_peer="$(dirname "$gen")/peers/hugo"
runs=3
smoke=false
use_hugo=true
publish=true
sizes=()

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    --smoke) smoke=true; shift ;;
    --no-hugo) use_hugo=false; shift ;;
    --no-publish) publish=false; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    [0-9]*) sizes+=("$1"); shift ;;
    *) echo "bench/run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if $smoke; then
  sizes=(20); runs=1
fi
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)

for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: needs $tool (apt-get install -y python3 time)" >&2; exit 2; }
done
[ -f "$gen" ] || { echo "bench/run.sh: corpus generator not found: $gen (set BENCH_CORPUS_GEN)" >&2; exit 2; }
if $use_hugo && ! command -v hugo >/dev/null; then
  if $smoke; then
    echo "hugo not installed: smoke run without the peer"; use_hugo=false
  else
    echo "bench/run.sh: needs hugo (apt-get install -y hugo) or --no-hugo" >&2; exit 2
  fi
fi

mkdir -p "$work"
publish_tool bench/run.sh "$publish"

status=0
summary="$work/summary.txt"
: >"$summary"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    python3 "$gen" "$n" --out "$corpus" >/dev/null
    touch "$corpus/.complete"
  fi
  input="$corpus/input"
  departments=$(find "$input/job-families" -mindepth 1 -maxdepth 1 -type d | wc -l)

  site="$corpus/hugo"
  if $use_hugo && [ ! -d "$site/content" ]; then
    mkdir -p "$site/content"
    cp -r "$hugo_peer/hugo.toml" "$hugo_peer/layouts" "$site/"
    cp -al "$input/job-families" "$site/content/job-families"
    for d in "$site"/content/job-families/*/; do
      title=$(basename "$d" | sed -E 's/(^|-)([a-z])/\1\u\2/g; s/-/ /g')
      printf -- '---\ntitle: "%s"\n---\n' "$title" >"$d/_index.md"
    done
  fi

  results="$work/results-$n.txt"
  : >"$results"
  echo "N = $n ($departments departments): 1 warm-up + $runs rounds (hugo cold, ours cold, ours warm)"
  for round in $(seq 0 "$runs"); do
    label() { if [ "$round" -eq 0 ]; then echo "warmup-$1"; else echo "$1"; fi; }
    out="$work/out-$n"; cache="$work/cache-$n"; hugo_out="$work/hugo-out-$n"
    rm -rf "$out" "$cache" "$hugo_out" "$work"/.out-"$n".*
    if $use_hugo; then
      measure "$(label hugo)" "$work/hugo-$n.log" 0 hugo --quiet -s "$site" -d "$hugo_out" || status=1
    fi
    measure "$(label cold)" "$work/cold-$n.log" 0 "$ours_bin" build --input "$input" --output "$out" --theme "$root/theme" --cache "$cache" || status=1
    measure "$(label warm)" "$work/warm-$n.log" 0 "$ours_bin" build --input "$input" --output "$out" --theme "$root/theme" --cache "$cache" || status=1
  done

  expected=$((n + departments + 1))
  # Families, department pages and the index; the reader pages (compare, ladder, search) and history pages are extra.
  got=$(find "$out/job-families" -name index.html -not -path "*/grades/*" -not -path "*/compare/*" -not -path "*/ladder/*" \
    -not -path "*/search/*" -not -path "*/history/*" -not -path "*/versions/*" -not -path "*/recent-changes/*" | wc -l)
  if [ "$got" -ne "$expected" ]; then
    echo "  page count MISMATCH: $got job-family pages, expected $expected (N + departments + index)"; status=1
  fi

  python3 - "$results" "$n" >>"$summary" <<'PY' || status=1
import statistics as st, sys
path, n = sys.argv[1], int(sys.argv[2])
rows = [line.split() for line in open(path) if line.strip() and not line.startswith("warmup")]
by = {}
for label, wall, cpu, rss, rc in rows:
    by.setdefault(label, []).append((float(wall), float(cpu), int(rss) / 1024, int(rc)))
failed = [l for l, v in by.items() if any(r[3] for r in v)]
def med(label, i): return st.median(r[i] for r in by[label])
def fmt(label):
    return f"{med(label,0):7.3f} s wall {med(label,1):7.3f} s cpu {med(label,2):7.0f} MiB"
print(f"N={n} rounds={len(by['cold'])}")
if "hugo" in by: print(f"  hugo  {fmt('hugo')}")
print(f"  cold  {fmt('cold')}   {1000 * med('cold', 0) / n:.3f} ms/page")
print(f"  warm  {fmt('warm')}   {1000 * med('warm', 0) / n:.3f} ms/page")
if "hugo" in by:
    pairs = list(zip(by["cold"], by["hugo"]))
    ratio = lambda i: st.median(c[i] / h[i] for c, h in pairs)
    print(f"  ours/hugo cold: wall {ratio(0):.2f}  cpu {ratio(1):.2f}  peak RSS {ratio(2):.2f}   (median of per-round ratios)")
print(f"  warm/cold wall: {st.median(w[0] / c[0] for w, c in zip(by['warm'], by['cold'])):.2f}")
if failed:
    print(f"  FAILED: {', '.join(failed)} exited non-zero"); sys.exit(1)
PY
  tail -n 8 "$summary" | sed -n "/^N=$n /,\$p"
done

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
[ "$status" -eq 0 ] && echo "bench: OK" || echo "bench: FAILED"
exit "$status"
