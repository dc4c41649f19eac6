#!/usr/bin/env bash
# Takes the README screenshots from the real app under Xvfb: library, conversation (practice mode) and debrief.
# Needs: xvfb, libgtk-3-0, imagemagick, xdotool (apt-get install -y xvfb libgtk-3-0 imagemagick xdotool).
# Usage: scripts/screenshots.sh [WIDTHxHEIGHT] [OUTDIR]     (default 1280x800, docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-1280x800}
OUT=${2:-docs/screenshots}
SUFFIX=$([ "$SIZE" = "1280x800" ] && echo "" || echo "-$SIZE")
mkdir -p "$OUT"
JAR=${JAR:-target/rapport.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
DATA=$(mktemp -d)
DISPLAY_NUM=:$((RANDOM % 400 + 100))
Xvfb $DISPLAY_NUM -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT
export DISPLAY=$DISPLAY_NUM
sleep 1
java -Dprism.order=sw -jar "$JAR" --size "$SIZE" --data "$DATA" ${APP_ARGS:-} >/tmp/rapport-screens.log 2>&1 &
APP=$!
WID=$(timeout 60 xdotool search --sync --name '^Rapport' | head -1)
sleep 3
shot() { import -window "$WID" "$OUT/$1$SUFFIX.png"; echo "wrote $OUT/$1$SUFFIX.png"; }
key() { xdotool key --window "$WID" "$@"; sleep 0.6; }
shot profiles
xdotool type --delay 40 "Ana"; key Return; sleep 1.5        # a new trainee, by keyboard only
eval "$(xdotool getwindowgeometry --shell "$WID")"
if [ "${THEME:-light}" = dark ]; then
  xdotool mousemove --window "$WID" $((WIDTH - 55)) 25 click 1; sleep 1     # the theme button, top right
fi
shot library
xdotool mousemove --window "$WID" $((WIDTH - 383)) 124 click 1; sleep 0.5   # Practice toggle
key ctrl+f; xdotool type --delay 40 "${DIALOGUE_WORDS:-funeral flowers}"; sleep 0.5
key Down; key Return; sleep 1.5                                             # start the first match
shot prebrief                                                               # the pre-brief comes first
key Return; sleep 0.8                                                       # Enter starts the conversation
key 2; sleep 0.5
shot conversation-chosen                                                    # a reply chosen by its number, not yet sent
key Return; sleep 0.8                                                       # sent: how sure? comes before the grade
shot conversation-rate
key s; sleep 1                                                              # "sure": the feedback, and how the customer took it
shot conversation
in_debrief() { case "$(xdotool getwindowname "$WID")" in *Debrief*) return 0 ;; esac; return 1; }
for i in $(seq 1 40); do                                                    # Continue, reply 1, send, "sure"
  key Return; in_debrief && break
  key 1; key Return; key s
done
sleep 1.5
shot debrief
xdotool mousemove --window "$WID" 700 25 click 1; sleep 2                 # Progress
shot progress
