#!/usr/bin/env bash
# Long fuzz campaign for the parsing side (issue 11): runs every [Trait("Category","Fuzz")] property for SECONDS
# seconds each, with random seeds on all cores, and prints the cases run per property.
#   bench/fuzz/run.sh [SECONDS]          default 300 s per property
# Environment: HANDBOOK_FUZZ_STRICT=1 fails on known bugs too; HANDBOOK_FUZZ_TIMEOUT_FACTOR=3 on slow machines.
# A failure prints the CsCheck seed; rerun that one input with CsCheck_Seed=<seed> (see docs/readme-fuzz.md).
set -euo pipefail
seconds="${1:-300}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
export HANDBOOK_FUZZ_SECONDS="$seconds"
for project in tests/Handbook.JobFamilies.Tests tests/Handbook.Pipeline.Tests; do
  dotnet test "$root/$project" --filter "Category=Fuzz" --logger "console;verbosity=detailed" 2>&1 \
    | grep -E "cases passed|hit a known bug|slow case|Passed |Failed |Skipped |Set seed|Error Message|Exception" || true
done
