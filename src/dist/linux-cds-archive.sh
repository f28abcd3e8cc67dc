#!/bin/sh
# Gives a Linux app image its class-data-sharing archive: the classes a start loads, ready-made, so
# the window appears sooner (README, "How fast the window appears"). Run by mvn -Pdist (pom.xml,
# execution dist-cds-archive) after jpackage has made the image: usage IMAGE WORKDIR.
#
# The image's launcher is started once as a student starts it, with the option that makes the app
# quit once its window is shown and its engine has started; the JVM writes what it loaded into
# lib/app/app.jsa at exit. That archive lies on the runtime's own one (jlink's
# --generate-cds-archive, src/dist/jpackage.args) and fits only this image at this path: moved
# elsewhere, the JVM quietly keeps the runtime's archive alone. The same run lists the classes it
# loaded in lib/app/app.classlist, from which the .deb's postinst makes an archive that fits
# /opt/tensor-workbench (src/dist/linux/postinst). Opening the window needs a display.
set -eu

image=$1
work=$2
app="$image/lib/app"
cfg="$app/tensor-workbench.cfg"
mkdir -p "$work"
# a second run on the same image starts as the first: no archive, none named in the launcher's options
rm -f "$app/app.jsa" "$app/app.classlist"
sed -i '/^java-options=-XX:SharedArchiveFile=/d; /^java-options=-Xlog:cds/d' "$cfg"

JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/app.jsa -XX:DumpLoadedClassList=$app/app.classlist -Dtensorworkbench.closeWhenStarted=true -Duser.home=$work" \
  XDG_CONFIG_HOME="$work/config" "$image/bin/tensor-workbench"

for made in app.jsa app.classlist; do
  if [ ! -s "$app/$made" ]; then
    echo "linux-cds-archive.sh: the app wrote no $app/$made" >&2
    exit 1
  fi
done
# Only now that the archive exists: a start told to use a missing archive would use none at all.
# Its log lines are off: an archive that does not fit only makes a start slower.
sed -i '/^\[JavaOptions\]$/a java-options=-XX:SharedArchiveFile=$APPDIR/app.jsa\njava-options=-Xlog:cds*=off' \
  "$cfg"
