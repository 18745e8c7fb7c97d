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
# src/Handbook.Site into $work/tool, skipped when PUBLISH is false. The kind is $TOOL_KIND:
#   aot (default)        Native AOT: one native executable (~23 MB, minutes to compile), no JIT and no runtime start-up
#                        (twentieth session: a third less CPU than composite at N = 1000, half on the replayed history)
#   composite            self-contained, the framework and every assembly compiled into one ReadyToRun image
#                        (~150 MB, several minutes to compile): the fewest methods left to the JIT (issue 9)
#   readytorun           framework-dependent, each assembly ReadyToRun on its own (the kind before the sixth session)
# The folder is emptied first: files of the other kind left in it would be loaded (a stale composite image or a
# runtimeconfig without a framework makes the tool abort at start-up). The project file gives composite publishes
# their own obj/ and bin/ folders, so the two kinds can be published one after another from one checkout.
publish_tool() {
  local script=$1 publish=$2
  local tool_dir="${TOOL:-$work/tool}" kind="${TOOL_KIND:-aot}"
  if [ -z "${TOOL:-}" ] && $publish; then
    local args
    case "$kind" in
      aot) args=(-p:PublishAot=true) ;;
      composite) args=(--self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true) ;;
      readytorun) args=(--self-contained false -p:PublishReadyToRun=true) ;;
      *) echo "$script: TOOL_KIND must be aot, composite or readytorun, not '$kind'" >&2; exit 2 ;;
    esac
    echo "publishing src/Handbook.Site (Release, $kind) to $tool_dir"
    rm -rf "$tool_dir"
    dotnet publish "$root/src/Handbook.Site" -c Release -r linux-x64 "${args[@]}" -o "$tool_dir" --nologo -v quiet >/dev/null
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
