#!/usr/bin/env bash
# Start-up of several ways of starting Rapport, in turns: milliseconds from launching the command to Rapport's first
# frame and to the bundled library listed (org.rapport.ui.FirstFrameReport), each start with a fresh data folder.
# Prints the median of N starts of each. Needs a display (DISPLAY); run from the repository root.
#
#   scripts/startup-compare.sh 9 "jar=java -jar target/rapport.jar" "image=target/dist/Rapport/bin/Rapport"
#
# The report's system properties go in through JAVA_TOOL_OPTIONS, for every command alike, as the packaged launcher
# takes no JVM options on its command line.
set -euo pipefail
n=${1:?usage: startup-compare.sh N LABEL=COMMAND...}
shift
[ -n "${DISPLAY:-}" ] || { echo "startup-compare.sh: needs a display (DISPLAY)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
labels=()
for kind in "$@"; do labels+=("${kind%%=*}"); done
for ((i = 1; i <= n; i++)); do
  for kind in "$@"; do
    label=${kind%%=*}
    cmd=${kind#*=}
    data="$work/data-$label-$i"
    start=$(date +%s%3N)
    RAPPORT_DATA="$data" JAVA_TOOL_OPTIONS="-Drapport.reportFirstFrame=true -Drapport.exitAfterFirstFrame=true" \
      $cmd 2> "$work/err" > /dev/null || true
    first=$(sed -n 's/^rapport.firstFrame epochMillis=//p' "$work/err")
    shown=$(sed -n 's/^rapport.libraryShown epochMillis=//p' "$work/err")
    if [ -z "$first" ] || [ -z "$shown" ]; then
      echo "startup-compare.sh: $label did not report its first frame:" >&2
      cat "$work/err" >&2
      exit 1
    fi
    echo "$((first - start)) $((shown - start))" >> "$work/times-$label"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
printf '%-12s %18s %22s\n' "" "first frame (ms)" "library listed (ms)"
for label in "${labels[@]}"; do
  ff=$(cut -d' ' -f1 "$work/times-$label" | median)
  ls=$(cut -d' ' -f2 "$work/times-$label" | median)
  printf '%-12s %18s %22s\n' "$label" "$ff" "$ls"
done
echo "medians of $n starts each, in turns"
