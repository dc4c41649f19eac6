#!/usr/bin/env bash
# Screenshots of the web player in an LMS package, as headless Chromium draws it: the pre-brief, the conversation
# (after three replies, with the feedback on the third) and the debrief, at 1280x800, 1920x1080 and on a 390x844 phone, light
# and dark. Also prints how long the page takes to be ready and to show the customer's first line.
#   scripts/player-shots.sh [OUTDIR] [DIALOGUE_ID]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-target/player-shots}"; ID="${2:-chewed-moccasins}"
[ -f target/rapport.jar ] || mvn -B -q package -DskipTests
SITE="$(mktemp -d)"; mkdir -p "$OUT" "$SITE/pkg"
java -jar target/rapport.jar package "dialogues/$ID.json" --as scorm12 --mastery 0.8 -o "$SITE/p.zip" >/dev/null
(cd "$SITE/pkg" && unzip -q ../p.zip)
cp scripts/player-shots/shot.html "$SITE/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$PORT" "$SITE" >/dev/null 2>&1 <<'PY' &
import sys, http.server, functools
port, root = int(sys.argv[1]), sys.argv[2]
class H(http.server.SimpleHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(root + "/timing.log", "ab") as f: f.write(body + b"\n")
        self.send_response(204); self.end_headers()
http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(H, directory=root)).serve_forever()
PY
SERVER=$!; trap 'kill $SERVER 2>/dev/null; rm -rf "$SITE"' EXIT
sleep 0.5
CHROME="$(command -v chromium || command -v chromium-browser)"
shot() { # state size scheme
  local w=${2%x*} h=${2#*x}
  "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$SITE/profile-$1-$2-$3" \
    --force-prefers-color-scheme="$3" --blink-settings=preferredColorScheme=$([ "$3" = dark ] && echo 0 || echo 1) \
    --window-size="$w,$h" --virtual-time-budget=8000 --screenshot="$OUT/player-$1-$2-$3.png" \
    "http://127.0.0.1:$PORT/shot.html?state=$1&d=$ID" 2>/dev/null >/dev/null
}
for size in 1280x800 390x844 1920x1080; do for state in prebrief conversation debrief; do shot $state $size light; done; done
shot conversation 1280x800 dark
ls -1 "$OUT"/player-*.png
# Timings in real time (no virtual clock): the page reports them; median of 5 loads, each in a fresh profile.
for i in 1 2 3 4 5; do
  "$CHROME" --headless --no-sandbox --disable-gpu --user-data-dir="$SITE/profile-t$i" --window-size=1280,800 \
    --remote-debugging-port=0 "http://127.0.0.1:$PORT/shot.html?state=conversation&d=$ID&report=1" >/dev/null 2>&1 &
  B=$!
  for _ in $(seq 1 100); do [ -f "$SITE/timing.log" ] && [ "$(wc -l < "$SITE/timing.log")" -ge "$i" ] && break; sleep 0.1; done
  kill $B 2>/dev/null; wait $B 2>/dev/null || true
done
python3 -c '
import sys, json, statistics
rows=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for k in ("prebriefMs","firstLineMs","startToFirstLineMs"):
    v=[r[k] for r in rows if k in r]
    print(f"{k}: median {statistics.median(v)} ms over {len(v)} loads {v}")' "$SITE/timing.log"
