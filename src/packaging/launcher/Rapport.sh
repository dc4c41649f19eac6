#!/bin/sh
# Rapport's launcher in the Linux app image and .deb (bin/Rapport), written by `mvn -Ppackage package` in place of the
# one jpackage makes. jpackage's Linux launcher asks rpm and then dpkg which package owns it, every time it starts, to
# find its own library; `dpkg -S` reads the list of every installed package's files, which took 0.12 s on a machine
# with 870 packages and takes longer on a desktop with thousands (docs/packaging.md). This starts the same Java runtime
# with the same exports (pom.xml: image.exports), the JVM options for the window or for a command (below), and with
# the class-data-sharing archive made for this copy of the app (lib/app/make-cds-archive.sh) when there is one: JDK 17
# can use an archive only where its jar was when the archive was made, so a copy moved elsewhere starts without it.
# One program started besides Java (readlink, for the path through a symbolic link such as /usr/bin/rapport): the
# rest is done by the shell itself, as each program started costs a millisecond or two.
self=$(readlink -f "$0")
here=${self%/*}
root=${here%/*}
app="$root/lib/app"
archived=
[ -r "$app/rapport.jsa.jar" ] && read -r archived < "$app/rapport.jsa.jar"
# The archive and JVM options for what Launcher.route will choose: the app with no arguments or one of its options
# first (AppOptions.ALL; LauncherScriptTest keeps this list the same), the command line's for anything else. A wrong
# guess would only start with the other archive and options. The window's options keep its memory low (pom.xml:
# app.jvm.options); a command's keep the cost of reading a big file linear in its size (app.command.jvm.options).
archive=rapport-cli.jsa
options="@COMMAND_OPTIONS@"
case "${1-}" in
    --library|--data|--size|--db|--db-user|--db-password) archive=rapport.jsa options="@WINDOW_OPTIONS@" ;;
esac
[ $# -eq 0 ] && archive=rapport.jsa options="@WINDOW_OPTIONS@"
[ -r "$app/$archive" ] || archive=rapport.jsa
if [ -r "$app/$archive" ] && [ "$archived" = "$app/rapport.jar" ]; then
    exec "$root/lib/runtime/bin/java" -Djpackage.app-version=@VERSION@ $options @EXPORTS@ "-XX:SharedArchiveFile=$app/$archive" \
        -cp "$app/rapport.jar" @MAIN@ "$@"
fi
exec "$root/lib/runtime/bin/java" -Djpackage.app-version=@VERSION@ $options @EXPORTS@ -cp "$app/rapport.jar" @MAIN@ "$@"
