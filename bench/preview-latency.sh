#!/usr/bin/env bash
# Edit-to-reload latency of `preview` (issue 7): the sample input/, the 171 real corpus pages (read from
# ../shared/corpus, laid out in a temp folder) and the synthetic corpus of N families (../shared/bench/gen-corpus.py).
# Each run starts the real preview in-process, makes 20 edits of family pages on disk and prints min/median/max of
#   write -> reload event   (file written until the live-reload event naming the page arrives; includes the
#                            watcher's 20 ms quiet period; the page is published before the site-wide files are made)
#   rebuild start -> event  (the incremental rebuild up to the page's publication, and the event)
#   build only              (both phases: what the console prints as "rebuilt N pages in X ms")
#   write -> build end      (until the second phase has written the search index, export, compare pages ...)
#   process CPU             (of the whole process, write -> event and write -> build end)
# Usage: bench/preview-latency.sh [N=1000] [EDITS=20]     (a benchmark: run it on a quiet machine)
set -euo pipefail
# A command that fails stops the script (set -e); say which one, so no run ends without a word (two helpers saw
# bench/versioned.sh stop silently under heavy load in the thirteenth session).
trap 'rc=$?; echo "bench/preview-latency.sh: stopped at line $LINENO (exit $rc): $BASH_COMMAND" >&2' ERR
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
n="${1:-1000}"
edits="${2:-20}"
dotnet build -c Release "$root/bench/PreviewLatency" -v q -nologo >/dev/null
tool=(dotnet "$root/bench/PreviewLatency/bin/Release/net10.0/PreviewLatency.dll")

"${tool[@]}" --input "$root/input" --theme "$root/theme" --edits "$edits" --label "input/ (sample)"
if [ -d "$shared/corpus/gitlab-job-families" ]; then
  "${tool[@]}" --corpus "$shared/corpus" --theme "$root/theme" --edits "$edits" --label "corpus (171 pages)"
else
  echo "corpus: skipped, $shared/corpus not found"
fi
if [ -f "$shared/bench/gen-corpus.py" ]; then
  synthetic="$(mktemp -d)"
  trap 'rm -rf "$synthetic"' EXIT
  python3 "$shared/bench/gen-corpus.py" "$n" --out "$synthetic" >/dev/null
  "${tool[@]}" --input "$synthetic/input" --theme "$root/theme" --edits "$edits" --label "synthetic N=$n"
else
  echo "synthetic: skipped, $shared/bench/gen-corpus.py not found"
fi
