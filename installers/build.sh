#!/usr/bin/env bash
# Builds a native Silkscreen package with jpackage and a trimmed runtime (jlink).
#   installers/build.sh TYPE        TYPE: deb | rpm | app-image (Linux), msi | exe (Windows),
#                                   dmg | pkg (macOS); default: the platform's native one.
# Output: target/installers/. Needs JDK 17+ (jlink, jpackage, jdeps) with its jmods, Maven, and
# the per-type tools jpackage documents: dpkg-deb + fakeroot (deb), rpmbuild (rpm),
# WiX 3 on PATH (msi/exe), Xcode command line tools (dmg/pkg). See installers/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

case "$(uname -s)" in
  Linux*) default_type=deb; os=linux ;;
  Darwin*) default_type=dmg; os=mac ;;
  MINGW*|MSYS*|CYGWIN*) default_type=msi; os=windows ;;
  *) echo "build: unknown OS $(uname -s)" >&2; exit 2 ;;
esac
type=${1:-$default_type}

# The version comes from the pom (the one place it is written).
version=$(mvn -q -B help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | tr -cd '0-9A-Za-z.-' || true)
[ -n "$version" ] || { echo "build: cannot read the version from pom.xml" >&2; exit 2; }
# jpackage wants a plain numeric version (1-3 dot-separated numbers on Windows/macOS).
pkg_version=${version%%-*}

if [ ! -f target/silkscreen.jar ] || [ "${REBUILD:-0}" = 1 ]; then
  mvn -q -B package -DskipTests
fi

work=target/jpackage
rm -rf "$work" && mkdir -p "$work/input" target/installers
rm -f target/installers/*."$type"
cp target/silkscreen.jar "$work/input/"

case "$os" in
  linux) icon_format=png ;;
  mac) icon_format=icns ;;
  windows) icon_format=ico ;;
esac
icon="$work/icons/silkscreen.$icon_format"
# Icons: made here from assets/icons/silkscreen.svg, or taken ready-made from $SILKSCREEN_ICONS
# (the CI workflow makes them once on Linux and hands them to the Windows and macOS jobs).
if [ -n "${SILKSCREEN_ICONS:-}" ]; then
  mkdir -p "$work/icons" && cp "$SILKSCREEN_ICONS"/* "$work/icons/"
else
  # Only the format this OS's packages use may fail the build (a .deb never needs an .ico).
  installers/make-icons.sh --need "$icon_format" "$work/icons" >/dev/null
fi

# Modules: what jdeps finds in the jar, plus what is only reached by reflection or service
# lookup (JavaFX's AWT bridge and ImageIO, JSch's EC crypto, charsets, JUL used by libraries).
found=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$work/input/silkscreen.jar")
modules="$found,java.desktop,java.logging,java.naming,java.xml,java.management,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.unsupported"
echo "build: runtime modules: $modules"

jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
      --compress=2 --output "$work/runtime"
# The CDS archive for compressed oops is the one a desktop heap uses; the other (for heaps over
# 32 GB) only costs installed size.
rm -f "$work"/runtime/lib/server/classes_nocoops.jsa

args=(--type "$type" --dest target/installers
      --name silkscreen --app-version "$pkg_version"
      --vendor "Silkscreen developers"
      --description "Animated view of Cloud Foundry container-to-container packets through Silk"
      --copyright "Silkscreen developers"
      --input "$work/input" --main-jar silkscreen.jar --main-class dev.silkscreen.Main
      --runtime-image "$work/runtime"
      --java-options "-Dsilkscreen.installed=true"
      --icon "$icon"
      --file-associations installers/assoc-pcap.properties
      --file-associations installers/assoc-pcapng.properties)

case "$type" in
  deb|rpm)
    args+=(--linux-shortcut --linux-menu-group "Education;Network;"
           --linux-app-category net --linux-package-name silkscreen
           --resource-dir installers/linux)
    if [ "$type" = deb ]; then
      # JavaFX's GTK glass and prism need these at run time; jpackage adds the runtime's own.
      args+=(--linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6, libxxf86vm1, libasound2 | libasound2t64")
      args+=(--linux-deb-maintainer "silkscreen@example.org")
    else
      args+=(--linux-package-deps "gtk3, libXtst, libXxf86vm, mesa-libGL, alsa-lib")
    fi ;;
  msi|exe)
    args+=(--win-menu --win-menu-group Silkscreen --win-shortcut --win-dir-chooser
           --win-upgrade-uuid 6f1b8f0e-3c63-4a4e-9d2b-5f3f1c2b7a10 --win-console) ;;
  dmg|pkg)
    args+=(--mac-package-name Silkscreen --mac-package-identifier dev.silkscreen) ;;
  app-image) ;;
  *) echo "build: unknown package type '$type'" >&2; exit 2 ;;
esac

jpackage ${JPACKAGE_VERBOSE:+--verbose} "${args[@]}"
ls -l target/installers
