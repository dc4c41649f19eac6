#!/bin/sh
# Makes the class-data-sharing archive of the Rapport next to this script (lib/app/rapport.jsa): the classes the
# training run loaded (classes.lst, made by org.rapport.bench.CdsTraining when the app was built), read, checked and
# laid out once, so that each start maps them instead (docs/packaging.md). `mvn -Ppackage package` runs it for the app
# image; the .deb's postinst runs it for /opt/rapport, because JDK 17 can use an archive only where its jar was when
# the archive was made. bin/Rapport uses the archive when rapport.jsa.jar names the jar it is beside.
# Usage: sh make-cds-archive.sh [LOG]      Exit 0 with the archive made, 1 without one (the app still starts).
here=$(dirname "$(readlink -f "$0")")
root=$(dirname "$(dirname "$here")")
rm -f "$here/rapport.jsa" "$here/rapport.jsa.jar"
if "$root/lib/runtime/bin/java" @OPTIONS@ -Xshare:dump "-XX:SharedClassListFile=$here/classes.lst" \
        "-XX:SharedArchiveFile=$here/rapport.jsa" -cp "$here/rapport.jar" >"${1:-/dev/null}" 2>&1 && [ -s "$here/rapport.jsa" ]; then
    printf '%s\n' "$here/rapport.jar" >"$here/rapport.jsa.jar"
    exit 0
fi
rm -f "$here/rapport.jsa"
echo "rapport: no class-data-sharing archive was made; Rapport starts without one, a little slower" >&2
exit 1
