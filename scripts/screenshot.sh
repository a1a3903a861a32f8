#!/usr/bin/env bash
# Runs the real atsdrop binary in a virtual X display on the built-in sandbox, drops real files
# on its window (XDND), and writes PNG screenshots.
#
#   scripts/screenshot.sh [OUT_DIR]          # default target/screenshots; needs a built binary
#   ATSDROP_BIN=target/release/atsdrop scripts/screenshot.sh
#
# Needs: xvfb, xdotool, imagemagick (import), python3-xlib (for scripts/xdnd_drop.py, which
# drops the files the way a file manager does). On Debian: apt-get install -y xvfb xauth xdotool imagemagick python3-xlib
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
bin=${ATSDROP_BIN:-target/debug/atsdrop}
[ -x "$bin" ] || cargo build --quiet
mkdir -p "$out"
work=$(mktemp -d)
display=:${ATSDROP_DISPLAY:-93}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display XDG_RUNTIME_DIR=$work/run DBUS_SESSION_BUS_ADDRESS=disabled: \
    ATSDROP_CONFIG_DIR=$work/config ATSDROP_DATA_DIR=$work/data
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

dropper=scripts/xdnd_drop.py

# Sample files: a CV, a letter, a photo, and two that are refused (text for Spott, a program).
mkdir -p "$work/files"
python3 - "$work/files" <<'PY'
import os, sys, struct, zlib
d = sys.argv[1]
def pdf(n):
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n" + b"%" + b"x" * n + b"\n%%EOF\n"
open(os.path.join(d, "Lea Johnson CV.pdf"), "wb").write(pdf(180_000))
open(os.path.join(d, "motivation letter.pdf"), "wb").write(pdf(42_000))
open(os.path.join(d, "notes.txt"), "wb").write(b"Phone screen: strong on maths, starts in March.\n")
open(os.path.join(d, "resume.pdf"), "wb").write(open("/bin/true", "rb").read()[:4096])
def png(w, h):
    rows = b"".join(b"\x00" + b"".join(bytes((x * 255 // w, y * 255 // h, 170)) for x in range(w)) for y in range(h))
    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(os.path.join(d, "portfolio.png"), "wb").write(png(96, 96))
PY

start_app() { "$bin" "$@" >"$work/app.log" 2>&1 & pids+=($!); xdotool search --sync --name '^atsdrop' >/dev/null; sleep 2; }
stop_app() { kill "${pids[-1]}" 2>/dev/null || true; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; }
window() { xdotool search --name '^atsdrop' | head -1; }

# 1. First run: the welcome screen.
start_app
import -window root "$out/01-welcome.png"
stop_app

# 2. On the sandbox: a candidate chosen, files dropped, every check shown.
start_app --sandbox
sleep 2
xdotool mousemove 60 224 click 1      # the third candidate in the list
sleep 1.5
/usr/bin/python3 "$dropper" "$(window)" 700 400 "$work"/files/* >/dev/null
sleep 3
xdotool mousemove 1000 600
sleep 0.5
import -window root "$out/02-checks.png"

# 3. Upload what may be sent: clear the list (its button does not move, unlike the rows
# under the box of notes), drop only the files that pass, then Ctrl+Enter.
xdotool mousemove 591 61 click 1      # Clear
sleep 0.8
/usr/bin/python3 "$dropper" "$(window)" 700 400 "$work/files/Lea Johnson CV.pdf" \
    "$work/files/motivation letter.pdf" "$work/files/portfolio.png" >/dev/null
sleep 3
xdotool windowfocus --sync "$(window)"
xdotool key ctrl+Return
sleep 4
import -window root "$out/03-uploaded.png"
stop_app
echo "screenshots in $out:"
ls "$out"
