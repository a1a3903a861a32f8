#!/usr/bin/env bash
# Renders every app icon from the one source, assets/icons/atsdrop.svg:
#   assets/icons/png/atsdrop-<N>.png  N = 16 24 32 48 64 128 256 512  (Linux hicolor theme, AppImage)
#   assets/icons/atsdrop.ico          16 24 32 48 64 128 256, PNG-compressed entries  (Windows exe + installer)
#   assets/icons/atsdrop.icns         16 … 512 and their @2x, PNG entries             (macOS .app)
# The outputs are committed, so building or packaging needs none of these tools. Run this again only
# after editing the SVG, and commit what it writes.
#
# Needs: rsvg-convert (Debian `librsvg2-bin`) and python3 (standard library only). The .ico and
# .icns containers are written by the small Python below rather than ImageMagick or png2icns: both
# formats are a header plus the PNGs, and writing them directly keeps the output byte-for-byte
# reproducible and free of the legacy (RLE / JPEG 2000) encodings png2icns produces.
# Checks, if installed: `identify assets/icons/atsdrop.ico` (imagemagick), `icns2png -l …` (icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."

src=assets/icons/atsdrop.svg
out=assets/icons
command -v rsvg-convert >/dev/null || { echo "icons.sh: needs rsvg-convert: apt-get install librsvg2-bin" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$out/png"
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --format png "$src" --output "$tmp/$size.png"
done
for size in 16 24 32 48 64 128 256 512; do
    cp "$tmp/$size.png" "$out/png/atsdrop-$size.png"
done

python3 - "$tmp" "$out" <<'PY'
import struct, sys
from pathlib import Path

tmp, out = Path(sys.argv[1]), Path(sys.argv[2])
png = lambda size: (tmp / f"{size}.png").read_bytes()

# ICO: ICONDIR (reserved, type 1 = icon, count), one 16-byte ICONDIRENTRY per image, then the
# images. PNG-compressed entries are valid for every size since Windows Vista; width/height 0
# means 256.
sizes = [16, 24, 32, 48, 64, 128, 256]
images = [png(s) for s in sizes]
offset = 6 + 16 * len(sizes)
header = struct.pack("<HHH", 0, 1, len(sizes))
entries = b""
for size, data in zip(sizes, images):
    dim = 0 if size >= 256 else size
    entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
(out / "atsdrop.ico").write_bytes(header + entries + b"".join(images))

# ICNS: 'icns' + total length, then (OSType, length incl. its 8-byte header, PNG data) per
# image. The PNG-capable types, as `iconutil` writes them (macOS 10.7+):
types = [
    (b"icp4", 16), (b"ic11", 32),    # 16 pt @1x, @2x
    (b"icp5", 32), (b"ic12", 64),    # 32 pt
    (b"ic07", 128), (b"ic13", 256),  # 128 pt
    (b"ic08", 256), (b"ic14", 512),  # 256 pt
    (b"ic09", 512), (b"ic10", 1024), # 512 pt
]
body = b"".join(t + struct.pack(">I", 8 + len(png(s))) + png(s) for t, s in types)
(out / "atsdrop.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY

echo "icons.sh: wrote $out/png/atsdrop-{16,24,32,48,64,128,256,512}.png, $out/atsdrop.ico, $out/atsdrop.icns"
