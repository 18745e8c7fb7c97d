# Shared by the whole-build benchmark scripts (bench/run.sh, bench/versioned.sh); sourced, not run.
# Needs: $root (the repository) and $work (the benchmark work folder) set by the caller.

# find_shared FILE -> the path of ../shared/bench/FILE beside the repository; from a git worktree, the nearest folder
# above the repository that has shared/bench/FILE (worktrees live deeper than the main checkout).
find_shared() {
  local file=$1 dir="$root"
  while [ "$dir" != "/" ]; do
    dir="$(dirname "$dir")"
    [ -f "$dir/shared/bench/$file" ] && { echo "$dir/shared/bench/$file"; return; }
  done
  echo "$root/../shared/bench/$file"
}

# publish_tool SCRIPT PUBLISH -> sets ours_bin: the tool in $TOOL when set (used as it is), else a Release publish of
# src/Handbook.Site (ReadyToRun; TieredPGO is off in the project) into $work/tool, skipped when PUBLISH is false.
publish_tool() {
  local script=$1 publish=$2
  local tool_dir="${TOOL:-$work/tool}"
  if [ -z "${TOOL:-}" ] && $publish; then
    echo "publishing src/Handbook.Site (Release, ReadyToRun; TieredPGO off in the project) to $tool_dir"
    dotnet publish "$root/src/Handbook.Site" -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -o "$tool_dir" --nologo -v quiet >/dev/null
  fi
  ours_bin="$tool_dir/Handbook.Site"
  [ -x "$ours_bin" ] || { echo "$script: no published tool at $ours_bin" >&2; exit 2; }
}

# measure LABEL LOGFILE MAX_OK command... -> runs the command under GNU time and appends
# "label wall cpu rss_kb exit" to $results (cpu = user + sys seconds, rss in KiB). An exit code above MAX_OK is
# reported with the log's tail and returned (the caller decides whether that stops the run).
measure() {
  local label=$1 log=$2 max_ok=$3; shift 3
  local rc=0 wall user sys rss
  /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" >"$log" 2>&1 || rc=$?
  read -r wall user sys rss < <(tail -n 1 "$work/time.txt")
  echo "$label $wall $(python3 -c "print(round($user + $sys, 3))") $rss $rc" >>"$results"
  if [ "$rc" -gt "$max_ok" ]; then
    echo "  $label failed (exit $rc), log: $log" >&2; tail -n 20 "$log" >&2
    return "$rc"
  fi
}
