#!/usr/bin/env bash
# Makes the icon sizes and formats from the one source, assets/icons/silkscreen.svg.
#   installers/make-icons.sh [--need FORMATS] [OUTDIR]     (default OUTDIR: target/icons)
# FORMATS: a comma list of png, ico, icns; the formats the caller's package type uses (Linux
# packages: png; Windows: ico; macOS: icns). PNGs are always made (rsvg-convert, Debian
# librsvg2-bin). .ico comes from icotool (icoutils), else ImageMagick; .icns from iconutil (macOS),
# else png2icns (icnsutils). A format that is not needed is made when a tool for it works, and
# otherwise skipped with a note: it never fails the build. A needed format whose tool is missing
# or fails is one error line and exit 2. Every output is checked to be what its name says.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src="$here/assets/icons/silkscreen.svg"

need=png
if [ "${1:-}" = --need ]; then
  [ $# -ge 2 ] || { echo "make-icons: --need wants a list, e.g. --need png,ico" >&2; exit 2; }
  need=$2
  shift 2
fi
out=${1:-"$here/target/icons"}
for f in ${need//,/ }; do
  case $f in png|ico|icns) ;; *) echo "make-icons: unknown format '$f' (png, ico, icns)" >&2; exit 2 ;; esac
done
needs() { case ",$need," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
mkdir -p "$out"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

command -v rsvg-convert >/dev/null || { echo "make-icons: rsvg-convert not found (apt-get install librsvg2-bin; brew install librsvg)" >&2; exit 2; }
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" "$src" -o "$out/silkscreen-$s.png"
done
cp "$out/silkscreen-256.png" "$out/silkscreen.png"

# True when FILE starts with the hex bytes MAGIC (an ICO: 00 00 01 00; an ICNS: "icns").
starts_with() { [ -s "$1" ] && [ "$(head -c $(( ${#2} / 2 )) "$1" | od -An -tx1 | tr -d ' \n')" = "$2" ]; }

# One format: FORMAT FILE MAGIC HINT, then candidate commands as "tool|shell command" words.
# The first candidate whose tool is present and whose output is right wins; none: skip or fail.
make_format() {
  local format=$1 file=$2 magic=$3 hint=$4 cand tool cmd tried=""
  shift 4
  rm -f "$file"
  for cand in "$@"; do
    tool=${cand%%|*}; cmd=${cand#*|}
    command -v "$tool" >/dev/null 2>&1 || continue
    if (eval "$cmd") >"$log" 2>&1 && starts_with "$file" "$magic"; then
      return 0
    fi
    tried="$tried $tool ($(head -c 200 "$log" | tr '\n' ' ' | sed 's/ *$//'))"
    rm -f "$file"
  done
  if needs "$format"; then
    if [ -n "$tried" ]; then
      echo "make-icons: cannot make the needed .$format: tried$tried; $hint" >&2
    else
      echo "make-icons: cannot make the needed .$format: no tool for it; $hint" >&2
    fi
    exit 2
  fi
  echo "make-icons: skipped silkscreen.$format (not needed here${tried:+; tried$tried})" >&2
}

pngs() { local s; for s in "$@"; do printf "'%s' " "$out/silkscreen-$s.png"; done; }
ico_pngs=$(pngs 16 24 32 48 64 128 256)
make_format ico "$out/silkscreen.ico" 00000100 "install icoutils (apt-get install icoutils) or ImageMagick" \
  "icotool|icotool -c -o '$out/silkscreen.ico' $ico_pngs" \
  "magick|magick $ico_pngs '$out/silkscreen.ico'" \
  "convert|convert $ico_pngs '$out/silkscreen.ico'"

iconset() {
  local set_dir="$out/silkscreen.iconset" s
  mkdir -p "$set_dir"
  for s in 16 32 128 256 512; do
    cp "$out/silkscreen-$s.png" "$set_dir/icon_${s}x${s}.png"
    cp "$out/silkscreen-$((s * 2)).png" "$set_dir/icon_${s}x${s}@2x.png"
  done
  iconutil -c icns -o "$out/silkscreen.icns" "$set_dir"
}
make_format icns "$out/silkscreen.icns" 69636e73 "on macOS iconutil (Xcode tools); elsewhere icnsutils (apt-get install icnsutils)" \
  "iconutil|iconset" \
  "png2icns|png2icns '$out/silkscreen.icns' $(pngs 16 32 128 256 512)"

echo "make-icons: wrote $(ls "$out" | wc -l) files to $out"
