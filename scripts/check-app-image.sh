#!/usr/bin/env bash
# Checks the installable app as a new hire gets it (issue 17): builds the app image and the .deb with
# `mvn -Ppackage package` (unless --no-build), then
#  1. starts the image's own launcher under Xvfb on a fresh data folder and waits for its window to show the bundled
#     library loaded (the launcher's first frame and the library read, reported by FirstFrameReport), and keeps a
#     screenshot of the window;
#  2. on Linux, checks that bin/Rapport is Rapport's launcher script, which starts without asking dpkg or rpm anything
#     and maps the app's classes from the class-data-sharing archive made for it (rapport.jsa for the window,
#     rapport-cli.jsa for a command) with its own collector (pom.xml: serial for the window, parallel for a command);
#     runs the image's command line: `Rapport validate` on the dialogues inside the image;
#  3. on Linux with dpkg, installs the .deb (as root; else it unpacks it), starts the installed launcher the same way,
#     checks it uses the archives its postinst made and the same collectors, and removes the package again.
# Usage: scripts/check-app-image.sh [--no-build] [OUTDIR]     Exit 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=1; [ "${1:-}" = "--no-build" ] && { BUILD=0; shift; }
OUT="${1:-target/app-image-check}"; mkdir -p "$OUT"
[ $BUILD -eq 1 ] && mvn -B -q -Ppackage package -DskipTests
IMAGE=target/dist/Rapport
[ -x "$IMAGE/bin/Rapport" ] || { echo "check-app-image: no app image at $IMAGE (build with mvn -Ppackage package)"; exit 1; }
WORK="$(mktemp -d)"; XVFB=""
cleanup() { [ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "check-app-image: needs Xvfb (apt-get install -y xvfb libgtk-3-0)"; exit 1; }
  for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
  Xvfb ":$n" -screen 0 1280x800x24 >/dev/null 2>&1 & XVFB=$!
  export DISPLAY=":$n"
  for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi
failed=0
# Starts LAUNCHER on a fresh data folder; passes when its window reports the library read within 60 s.
window() {
  local launcher="$1" name="$2" log="$WORK/$2.log"
  JAVA_TOOL_OPTIONS="-Drapport.reportFirstFrame=true -Xlog:cds=info:file=$WORK/$name-app.cds -Xlog:class+load:file=$WORK/$name-app.classes -Xlog:gc:file=$WORK/$name-app.gc" \
    "$launcher" --data "$WORK/data-$name" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do grep -q "rapport.libraryShown" "$log" && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  sleep 0.5
  command -v import >/dev/null && import -window root "$OUT/$name.png" 2>/dev/null || true
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
  if grep -q "rapport.firstFrame" "$log" && grep -q "rapport.libraryShown" "$log"; then
    echo "ok   $name: the window opened and read the bundled library (screenshot $OUT/$name.png)"
  else
    echo "FAIL $name: no window with the library within 60 s; its output:"; sed 's/^/     /' "$log" | head -20; failed=1
  fi
}
# Passes when the start logged in WORK/NAME-WHAT.cds, .classes and .gc mapped ARCHIVE, took Rapport's own classes from
# it and ran with COLLECTOR (pom.xml: the window's options, app.jvm.options, or a command's, app.command.jvm.options).
uses() {
  local name="$1" what="$2" archive="$3" collector="$4" log="$WORK/$1-$2"
  if grep -q "Opened archive .*/$archive\." "$log.cds" 2>/dev/null && grep -q "org.rapport.Launcher source: shared objects file" "$log.classes" 2>/dev/null; then
    echo "ok   $name: the $what loads its classes from $archive ($(grep -c 'shared objects file' "$log.classes") of $(wc -l <"$log.classes"))"
  else
    echo "FAIL $name: the $what does not use $archive:"; grep -m1 -E "Opened archive|org.rapport.Launcher" "$log.cds" "$log.classes" 2>/dev/null | sed 's/^/     /'; failed=1
  fi
  if grep -q "Using $collector\b" "$log.gc" 2>/dev/null; then
    echo "ok   $name: the $what runs with the $collector collector"
  else
    echo "FAIL $name: the $what does not run with the $collector collector:"; grep -m1 "Using" "$log.gc" 2>/dev/null | sed 's/^/     /'; failed=1
  fi
}
# Runs LAUNCHER's command line on the dialogues beside it, logging what `uses` reads (docs/packaging.md).
command_line() {
  local launcher="$1" name="$2"
  JAVA_TOOL_OPTIONS="-Xlog:cds=info:file=$WORK/$name-command.cds -Xlog:class+load:file=$WORK/$name-command.classes -Xlog:gc:file=$WORK/$name-command.gc" \
    "$launcher" validate "$(dirname "$launcher")/../lib/app/dialogues" >/dev/null 2>&1 || true
}
window "$IMAGE/bin/Rapport" app-image
# On Linux, bin/Rapport must be our launcher (src/packaging/launcher/Rapport.sh): jpackage's asks rpm and dpkg which
# package owns it at every start. With strace, check that starting it runs neither.
if [ "$(uname -s)" = Linux ]; then
  if [ "$(head -c 2 "$IMAGE/bin/Rapport")" != "#!" ]; then
    echo "FAIL app-image: bin/Rapport is jpackage's launcher, which queries the package manager at every start"; failed=1
  elif command -v strace >/dev/null && strace -f -e trace=execve -o "$WORK/execs.log" "$IMAGE/bin/Rapport" --version >/dev/null 2>&1 \
      && grep -qE 'execve\("[^"]*/(dpkg|rpm|dpkg-query)"' "$WORK/execs.log"; then
    echo "FAIL app-image: starting bin/Rapport runs the package manager:"; grep -E 'dpkg|rpm' "$WORK/execs.log" | head -3; failed=1
  else
    echo "ok   app-image: bin/Rapport starts the runtime straight away, without asking the package manager"
  fi
  uses app-image app rapport.jsa Serial
  command_line "$IMAGE/bin/Rapport" app-image
  uses app-image command rapport-cli.jsa Parallel
fi
if "$IMAGE/bin/Rapport" validate "$IMAGE/lib/app/dialogues" >"$WORK/validate.log" 2>&1; then
  echo "ok   app-image: its command line validates the $(ls "$IMAGE/lib/app/dialogues"/*.json | grep -vc schema) bundled dialogues"
else
  echo "FAIL app-image: Rapport validate on the bundled dialogues:"; sed 's/^/     /' "$WORK/validate.log" | head; failed=1
fi
DEB=$(ls target/dist/rapport_*.deb 2>/dev/null | head -1 || true)
if [ -n "$DEB" ] && command -v dpkg >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    dpkg -i "$DEB" >"$WORK/dpkg.log" 2>&1 || { echo "FAIL deb: dpkg -i"; cat "$WORK/dpkg.log"; failed=1; }
    if [ -x /opt/rapport/bin/Rapport ]; then
      window /opt/rapport/bin/Rapport deb-installed
      uses deb-installed app rapport.jsa Serial
      command_line /opt/rapport/bin/Rapport deb-installed
      uses deb-installed command rapport-cli.jsa Parallel
    fi
    dpkg -P rapport >/dev/null 2>&1 || true
  else
    dpkg-deb -x "$DEB" "$WORK/deb"
    window "$WORK/deb/opt/rapport/bin/Rapport" deb-unpacked
  fi
else
  echo "--   deb: no .deb built here (not Linux, or no dpkg-deb)"
fi
exit $failed
