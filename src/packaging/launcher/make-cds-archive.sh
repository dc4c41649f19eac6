#!/bin/sh
# Makes the class-data-sharing archives of the Rapport next to this script: the classes the training runs loaded
# (org.rapport.bench.CdsTraining, when the app was built), read, checked and laid out once, so that each start maps
# them instead (docs/packaging.md). rapport.jsa holds the app's (classes.lst: the commands and the window);
# rapport-cli.jsa the command line's alone (classes-cli.lst), a third the size, so a command starts 15 ms sooner. `mvn -Ppackage package` runs it for the app
# image; the .deb's postinst runs it for /opt/rapport, because JDK 17 can use an archive only where its jar was when
# the archives were made. bin/Rapport uses them when rapport.jsa.jar names the jar it is beside.
# Usage: sh make-cds-archive.sh [LOG]      Exit 0 with the archive made, 1 without one (the app still starts).
here=$(dirname "$(readlink -f "$0")")
root=$(dirname "$(dirname "$here")")
rm -f "$here/rapport.jsa" "$here/rapport-cli.jsa" "$here/rapport.jsa.jar"
# dump LIST ARCHIVE: one archive from one class list; the app's, and the command line's smaller one beside it.
dump() {
    [ -r "$here/$1" ] || return 1
    "$root/lib/runtime/bin/java" @OPTIONS@ -Xshare:dump "-XX:SharedClassListFile=$here/$1" \
        "-XX:SharedArchiveFile=$here/$2" -cp "$here/rapport.jar" >>"${log:-/dev/null}" 2>&1 && [ -s "$here/$2" ]
}
log=${1:-}
[ -n "$log" ] && : >"$log"
if dump classes.lst rapport.jsa; then
    dump classes-cli.lst rapport-cli.jsa || rm -f "$here/rapport-cli.jsa"
    printf '%s\n' "$here/rapport.jar" >"$here/rapport.jsa.jar"
    exit 0
fi
rm -f "$here/rapport.jsa" "$here/rapport-cli.jsa"
echo "rapport: no class-data-sharing archive was made; Rapport starts without one, a little slower" >&2
exit 1
