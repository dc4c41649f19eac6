#!/usr/bin/env bash
# Imports every file under ../shared/interop/ (real scenarios other people wrote, never copied into the project) with
# `rapport import` and prints one line per file: nodes, replies, endings, import warnings, and the draft's to-dos
# (its validate errors). Nothing is written. None may crash: the script fails if an import dies with a stack trace or an
# exit code other than 0 (imported) or 1 (refused with a located error).
# Usage: scripts/import-interop.sh [INTEROP_FOLDER]    (default: ../shared/interop beside the repository)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
interop="$(cd "${1:-$root/../shared/interop}" && pwd)"
jar="$root/target/rapport.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -DskipTests package) >&2
fi
printf '| File | Read as | Nodes | Replies | Endings | Warnings | To-dos |\n|---|---|---|---|---|---|---|\n'
status=0
while IFS= read -r -d '' f; do
  rel="${f#"$interop"/}"
  set +e
  out="$(java -jar "$jar" import --brief "$f" 2>&1)"
  code=$?
  set -e
  if [ $code -gt 1 ] || grep -q 'Exception\|	at ' <<<"$out"; then
    printf '| `%s` | CRASH (exit %s) | | | | | |\n' "$rel" "$code"; status=1; continue
  fi
  line="$(tail -n 1 <<<"$out")"
  if [[ "$line" =~ :\ ([a-z0-9-]+),\ ([0-9]+)\ nodes,\ ([0-9]+)\ replies,\ ([0-9]+)\ endings,\ ([0-9]+)\ warnings?,\ ([0-9]+)\ to-dos? ]]; then
    printf '| `%s` | %s | %s | %s | %s | %s | %s |\n' "$rel" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" \
      "${BASH_REMATCH[4]}" "${BASH_REMATCH[5]}" "${BASH_REMATCH[6]}"
  else
    why="$( (java -jar "$jar" import "$f" 2>&1 || true) | sed -n 's/.*error: \(RAP[0-9]*\) \([^.]*\).*/\1 \2/p' | head -n 1)"
    printf '| `%s` | not imported: %s | | | | | |\n' "$rel" "$why"
  fi
done < <(find "$interop" -type f ! -name 'README.md' -print0 | sort -z)
exit $status
