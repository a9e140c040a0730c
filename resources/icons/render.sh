#!/usr/bin/env bash
# Renders the PNG sizes, the Windows .ico and the macOS .icns from parley.svg.
# Needs rsvg-convert (Debian: librsvg2-bin) and python3. The outputs are committed; run this again
# after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 22 24 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
  mkdir -p "hicolor/${s}x${s}"
  rsvg-convert -w "$s" -h "$s" parley.svg -o "hicolor/${s}x${s}/parley.png"
done
# .ico and .icns both accept PNG payloads, so they are plain containers around the PNGs above.
python3 - <<'PY'
import struct

def png(size):
    with open(f"hicolor/{size}x{size}/parley.png", "rb") as f:
        return f.read()

# ICO: ICONDIR, one ICONDIRENTRY per image (0 means 256 in the width/height bytes), then the data.
sizes = [16, 24, 32, 48, 64, 128, 256]
blobs = [png(s) for s in sizes]
offset = 6 + 16 * len(sizes)
out = struct.pack("<HHH", 0, 1, len(sizes))
for s, b in zip(sizes, blobs):
    out += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(b), offset)
    offset += len(b)
with open("parley.ico", "wb") as f:
    f.write(out + b"".join(blobs))

# ICNS: big-endian 'icns' header, then (type, length incl. 8-byte header, PNG data) records.
types = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512)]
body = b"".join(t.encode() + struct.pack(">I", 8 + len(png(s))) + png(s) for t, s in types)
with open("parley.icns", "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
