#!/usr/bin/env bash
# Idle CPU of the real app window: starts atsdrop (on the sandbox, with a candidate list shown)
# in a virtual X display, lets it settle, then measures its CPU time over an idle period.
#   scripts/idle-cpu.sh [SECONDS]      (ATSDROP_BIN overrides the binary; default target/release/atsdrop)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
bin=${ATSDROP_BIN:-target/release/atsdrop}
[ -x "$bin" ] || cargo build --release --quiet
work=$(mktemp -d)
display=:${ATSDROP_DISPLAY:-94}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display XDG_RUNTIME_DIR=$work/run DBUS_SESSION_BUS_ADDRESS=disabled: \
    ATSDROP_CONFIG_DIR=$work/config ATSDROP_DATA_DIR=$work/data
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
"$bin" --sandbox >"$work/app.log" 2>&1 &
app=$!
pids+=($app)
xdotool search --sync --name '^atsdrop' >/dev/null
sleep 5  # connect, list candidates, settle
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
sleep "$seconds"
after=$(ticks)
python3 -c "t=($after-$before)/$hz; print(f'idle for {$seconds} s: {t:.3f} s of CPU = {100*t/$seconds:.2f} % of one core')"
