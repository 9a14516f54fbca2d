#!/usr/bin/env bash
# Makes every icon size and format from the one source, assets/icons/silkscreen.svg.
#   installers/make-icons.sh [OUTDIR]      (default target/icons)
# Needs rsvg-convert (Debian: librsvg2-bin). Makes .ico when icotool (icoutils) or ImageMagick is
# present, .icns when png2icns (icnsutils) or macOS iconutil is present; says what it skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src="$here/assets/icons/silkscreen.svg"
out=${1:-"$here/target/icons"}
mkdir -p "$out"

command -v rsvg-convert >/dev/null || { echo "make-icons: rsvg-convert not found (apt-get install librsvg2-bin; brew install librsvg)" >&2; exit 2; }

sizes="16 24 32 48 64 128 256 512 1024"
for s in $sizes; do
  rsvg-convert -w "$s" -h "$s" "$src" -o "$out/silkscreen-$s.png"
done
cp "$out/silkscreen-256.png" "$out/silkscreen.png"

if command -v icotool >/dev/null; then
  icotool -c -o "$out/silkscreen.ico" "$out"/silkscreen-{16,24,32,48,64,128,256}.png
elif command -v magick >/dev/null; then
  magick "$out"/silkscreen-{16,24,32,48,64,128,256}.png "$out/silkscreen.ico"
elif command -v convert >/dev/null; then
  convert "$out"/silkscreen-{16,24,32,48,64,128,256}.png "$out/silkscreen.ico"
else
  echo "make-icons: no icotool/ImageMagick: skipped silkscreen.ico" >&2
fi

if command -v iconutil >/dev/null; then
  set_dir="$out/silkscreen.iconset"
  mkdir -p "$set_dir"
  for s in 16 32 128 256 512; do
    cp "$out/silkscreen-$s.png" "$set_dir/icon_${s}x${s}.png"
    cp "$out/silkscreen-$((s * 2)).png" "$set_dir/icon_${s}x${s}@2x.png"
  done
  iconutil -c icns -o "$out/silkscreen.icns" "$set_dir"
elif command -v png2icns >/dev/null; then
  png2icns "$out/silkscreen.icns" "$out"/silkscreen-{16,32,128,256,512}.png >/dev/null
else
  echo "make-icons: no iconutil/png2icns: skipped silkscreen.icns" >&2
fi
echo "make-icons: wrote $(ls "$out" | wc -l) files to $out"
