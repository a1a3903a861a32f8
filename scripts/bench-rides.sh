#!/usr/bin/env bash
# Rides: 20 files of 200 KiB to one Spott candidate, the emulator answering each temporary
# upload after 300 ms — `atsdrop upload` (ten files per request, one assign for them) against
# a loop of curl uploads (one file per request, as a script would do). Prints a Markdown row
# (BENCHMARKS.md holds the last one). Needs: curl, python3, a release build.
#
#   scripts/bench-rides.sh          # RUNS=5 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
cargo build --release --quiet
BIN=$PWD/target/release/atsdrop
work=$(mktemp -d)
sandbox_pid=""
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export DBUS_SESSION_BUS_ADDRESS=disabled: ATSDROP_CONFIG_DIR=$work/config

python3 - "$work/files" <<'PY'
import os, sys
d = sys.argv[1]
os.makedirs(d)
for i in range(20):
    with open(os.path.join(d, f"cv-{i:02}.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n%bench\n" + os.urandom(200 * 1024 - 32) + b"\n%%EOF\n")
PY

"$BIN" sandbox --json --port 0 --no-rate-limits \
    --fault "spott:POST:/attachments/temporary=delay:300x100000" > "$work/sandbox.json" &
sandbox_pid=$!
for _ in $(seq 50); do [ -s "$work/sandbox.json" ] && break; sleep 0.1; done
SPOTT=$(python3 -c "import json; print(json.load(open('$work/sandbox.json'))['spott']['base_url'])")
export ATSDROP_API_KEY=spott-sandbox-key

now() { date +%s.%N; }
median() { python3 -c "import statistics,sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.3f}')" "$@"; }
curl_loop() {
    for f in "$work"/files/*.pdf; do
        curl -sS -o /dev/null --fail -H "x-api-key: spott-sandbox-key" \
            -F "files=@$f;type=application/pdf" "$SPOTT/attachments/temporary?type=unassigned"
    done
}
atsdrop_run() {
    ATSDROP_DATA_DIR=$(mktemp -d -p "$work") "$BIN" upload -p spott --base-url "$SPOTT" \
        -c cand-000250 -t CV --allow-duplicates --json "$work/files" > "$work/out.json" 2> "$work/err.log"
    [ "$(grep -c '"uploaded"' "$work/out.json")" = 20 ] || { echo "not every file uploaded" >&2; exit 1; }
}
times_curl=(); times_atsdrop=()
for _ in $(seq "$RUNS"); do
    t0=$(now); curl_loop; t1=$(now); times_curl+=("$(python3 -c "print($t1-$t0)")")
    t0=$(now); atsdrop_run; t1=$(now); times_atsdrop+=("$(python3 -c "print($t1-$t0)")")
done
c=$(median "${times_curl[@]}"); a=$(median "${times_atsdrop[@]}")
ratio=$(python3 -c "print(f'{$c / $a:.1f}')")
requests=$(curl -sS "${SPOTT%/spott}/_emulator/requests?provider=spott" | python3 -c "
import json,sys
rs = json.load(sys.stdin)
rs = rs.get('requests', rs) if isinstance(rs, dict) else rs
print(sum(1 for r in rs if r.get('path','').endswith('/attachments/temporary') ))")
echo "| 20 × 200 KiB to one Spott candidate, each upload answered after 300 ms | ${c} s (loop of 20 curl uploads) | ${a} s | **${ratio}×** | ≥ 8× |"
echo "(runs: $RUNS; temporary-upload requests received in all, curl's included: $requests)"
