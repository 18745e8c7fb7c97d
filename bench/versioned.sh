#!/usr/bin/env bash
# Versioned-build benchmark (issue 9): the replayed real history of ../shared/bench/replay-history.py, built
#   - without history (`--no-history`, cold: empty output, empty cache of its own),
#   - with history (cold: empty output, empty cache),
#   - with history again, nothing changed (`--cache` warm): the floor of any cached build, start-up included,
#   - with history after one new commit touching one family (`--cache` warmed by the build before the commit),
# in alternation in one run, each measured whole-process with GNU time (wall, user+sys CPU, peak RSS). Prints the
# medians and the issue's two ratios: versioned / unversioned (target <= 1.5) and after-one-commit / versioned
# (target <= 0.2), and the warm no-change build against the cold versioned one: what the after-one-commit ratio
# could reach if only the edited family were built anew. Not part of `dotnet test`.
#
#   bench/versioned.sh [--runs R] [--no-publish]          default R = 5
#
# Environment: BENCH_DIR (default /tmp/handbook-bench), TOOL (an already published tool folder: skips the publish),
# BENCH_REPLAY (default ../shared/bench/replay-history.py beside the repository).
# The replay (92 commits, grades imported with our `import-grades` once per distinct calculator page) is made once in
# $BENCH_DIR/replay and reused; each round resets it to the replayed HEAD first.
set -euo pipefail
# A command that fails stops the script (set -e); say which one, so no run ends without a word (two helpers saw
# bench/versioned.sh stop silently under heavy load in the thirteenth session).
trap 'rc=$?; echo "bench/versioned.sh: stopped at line $LINENO (exit $rc): $BASH_COMMAND" >&2' ERR
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_DIR:-/tmp/handbook-bench}"
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
replay_py="${BENCH_REPLAY:-$(find_shared replay-history.py)}"
runs=5
publish=true
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    --no-publish) publish=false; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench/versioned.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for tool in python3 git /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/versioned.sh: needs $tool (apt-get install -y python3 git time)" >&2; exit 2; }
done
[ -f "$replay_py" ] || { echo "bench/versioned.sh: replay script not found: $replay_py (set BENCH_REPLAY)" >&2; exit 2; }
mkdir -p "$work"
publish_tool bench/versioned.sh "$publish"
ours="$ours_bin"

repo="$work/replay"
if [ ! -f "$work/replay.complete" ]; then
  rm -rf "$repo" "$work/replay-grades"; mkdir -p "$work/replay-grades"
  echo "replaying the real history into $repo (takes a minute or two)"
  grades="h=\$(sha1sum {page} | cut -c1-40); f='$work/replay-grades'/\$h.yml; [ -f \"\$f\" ] || '$ours' import-grades {page} --output \"\$f\" >/dev/null; cp \"\$f\" {out}"
  python3 "$replay_py" "$repo" --grades-cmd "$grades" >/dev/null
  touch "$work/replay.complete"
fi
base=$(git -C "$repo" rev-parse HEAD)
# The family the "one new commit" edits: the first family page in path order (stable across runs). `sed -n 1p` reads
# all of sort's output: with `head -n 1` sort could be killed by SIGPIPE when head had gone, and pipefail then stopped
# the script (exit 141; the silent stops of the thirteenth session).
family=$(cd "$repo" && find job-families -name 'index.html.md*' | LC_ALL=C sort | sed -n 1p)

results="$work/results-versioned.txt"
: >"$results"
build=("$ours" build --input "$repo" --output "$work/replay-out" --theme "$root/theme" --keep-going)

echo "replayed history ($(git -C "$repo" rev-list --count HEAD) commits): 1 warm-up + $runs rounds (unversioned, versioned cold, warm unchanged, after one commit); edited: $family"
for round in $(seq 0 "$runs"); do
  label() { if [ "$round" -eq 0 ]; then echo "warmup-$1"; else echo "$1"; fi; }
  git -C "$repo" reset -q --hard "$base"
  # The output's spare (kept by a build that links from the previous output, for the next one to stage into) goes
  # with the output: each round starts without either.
  rm -rf "$work/replay-out" "$work/.replay-out.spare" "$work/replay-cache" "$work/replay-cache-unversioned"
  # "The same build without history": with --cache too (saving the cache costs ~0.2 s CPU here), into a cache of its
  # own so the versioned build below still starts cold.
  measure "$(label unversioned)" "$work/unversioned.log" 1 "${build[@]}" --no-history --cache "$work/replay-cache-unversioned"
  rm -rf "$work/replay-out" "$work/.replay-out.spare"
  measure "$(label versioned)" "$work/versioned.log" 1 "${build[@]}" --cache "$work/replay-cache"
  measure "$(label warm-unchanged)" "$work/warm-unchanged.log" 1 "${build[@]}" --cache "$work/replay-cache"
  printf '\n- A sentence added by the benchmark (round %s).\n' "$round" >>"$repo/$family"
  git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -am "bench: edit one family"
  measure "$(label after-commit)" "$work/after-commit.log" 1 "${build[@]}" --cache "$work/replay-cache"
done
git -C "$repo" reset -q --hard "$base"

python3 - "$results" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and not l.startswith('warmup')]
by = {}
for label, wall, cpu, rss, rc in rows:
    by.setdefault(label, []).append((float(wall), float(cpu), int(rss)))
def med(label, i): return statistics.median(r[i] for r in by[label])
for label in ('unversioned', 'versioned', 'warm-unchanged', 'after-commit'):
    print(f"{label:14} wall {med(label, 0):6.2f} s   cpu {med(label, 1):6.2f} s   peak RSS {med(label, 2) / 1024:6.0f} MiB")
rounds = len(by['versioned'])
ratio = lambda a, b, i: statistics.median(by[a][k][i] / by[b][k][i] for k in range(rounds))
print(f"versioned / unversioned:   wall {ratio('versioned', 'unversioned', 0):.2f}x   cpu {ratio('versioned', 'unversioned', 1):.2f}x   (target <= 1.5)")
print(f"after one commit / cold versioned: wall {ratio('after-commit', 'versioned', 0):.2f}x   cpu {ratio('after-commit', 'versioned', 1):.2f}x   (target <= 0.2)")
print(f"warm unchanged / cold versioned:   wall {ratio('warm-unchanged', 'versioned', 0):.2f}x   cpu {ratio('warm-unchanged', 'versioned', 1):.2f}x   (the floor of the line above)")
EOF
