#!/bin/sh
# Rapport's launcher in the Linux app image and .deb (bin/Rapport), written by `mvn -Ppackage package` in place of the
# one jpackage makes. jpackage's Linux launcher asks rpm and then dpkg which package owns it, every time it starts, to
# find its own library; `dpkg -S` reads the list of every installed package's files, which took 0.12 s on a machine
# with 870 packages and takes longer on a desktop with thousands (docs/packaging.md). This starts the same Java runtime
# with the same options (pom.xml: image.java.options) and nothing else.
here=$(dirname "$(readlink -f "$0")")
app="$here/../lib/app"
exec "$here/../lib/runtime/bin/java" -Djpackage.app-version=@VERSION@ @OPTIONS@ -cp "$app/rapport.jar" @MAIN@ "$@"
