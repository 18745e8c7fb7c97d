#!/usr/bin/env bash
# Edit-to-reload latency of `preview` (issue 7): the sample input/, the 171 real corpus pages (read from
# ../shared/corpus, laid out in a temp folder) and the synthetic corpus of N families (../shared/bench/gen-corpus.py).
# Each run starts the real preview in-process, makes 20 edits of family pages on disk and prints min/median/max of
#   write -> reload event   (file written until the live-reload event naming the page arrives; includes the
#                            watcher's 100 ms quiet period)
#   rebuild start -> event  (the incremental rebuild, the in-place output update and the event)
#   build only              (what the console prints as "rebuilt N pages in X ms")
# Usage: bench/preview-latency.sh [N=1000] [EDITS=20]     (a benchmark: run it on a quiet machine)
set -euo pipefail
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
