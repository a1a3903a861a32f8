#!/usr/bin/env bash
# Benchmarks of the upload path against `atsdrop sandbox`, side by side with curl, plus peak
# memory and `atsdrop validate` over 10,000 files. Prints a Markdown report (BENCHMARKS.md
# holds the last one). Needs: curl, python3, /usr/bin/time (package `time`), a release build.
#
#   scripts/bench.sh            # full run (about 5 minutes after the release build)
#   RUNS=1 scripts/bench.sh     # one run per measurement
#   LINK=1gbit scripts/bench.sh # also multipart over loopback limited to 1 Gbit/s (root, tc)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}

cargo build --release --quiet
BIN=$PWD/target/release/atsdrop
work=$(mktemp -d)
sandbox_pid=""
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export DBUS_SESSION_BUS_ADDRESS=disabled: ATSDROP_CONFIG_DIR=$work/config

# Real PDFs (a header, then incompressible bytes) of the given size.
make_files() { # dir count mib
    python3 - "$1" "$2" "$3" <<'PY'
import os, sys
d, n, mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(d, exist_ok=True)
for i in range(n):
    with open(os.path.join(d, f"file-{i:02}.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n%bench\n")
        f.write(os.urandom(mib * 1024 * 1024 - 32))
        f.write(b"\n%%EOF\n" + bytes(9))
PY
}
make_files "$work/m50" 10 50
make_files "$work/m20" 10 20
make_files "$work/m1" 10 1

"$BIN" sandbox --json --port 0 --no-rate-limits > "$work/sandbox.json" &
sandbox_pid=$!
for _ in $(seq 50); do [ -s "$work/sandbox.json" ] && break; sleep 0.1; done
field() { python3 -c "import json,sys; print(json.load(open('$work/sandbox.json'))['$1']['$2'])"; }
SPOTT=$(field spott base_url); KOMBO=$(field kombo base_url)
KOMBO_INTEGRATION=$(field kombo integration_id)

now() { date +%s.%N; }
median() { python3 -c "import statistics,sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.3f}')" "$@"; }
mb_per_s() { python3 -c "print(f'{$1 / 1048576 / $2:.0f}')"; }

# --- multipart: Spott's temporary upload, 10 × 50 MiB ---
curl_multipart() {
    for f in "$1"/*.pdf; do
        curl -sS -o /dev/null --fail -H "x-api-key: spott-sandbox-key" \
            -F "files=@$f;type=application/pdf" "$SPOTT/attachments/temporary?type=unassigned"
    done
}
atsdrop_upload() { # provider base dir candidate type [extra…]
    local provider=$1 base=$2 dir=$3 candidate=$4 type=$5; shift 5
    ATSDROP_DATA_DIR=$(mktemp -d -p "$work") "$BIN" upload -p "$provider" --base-url "$base" \
        -c "$candidate" -t "$type" --allow-duplicates --json "$@" "$dir" > /dev/null
}
export ATSDROP_API_KEY=spott-sandbox-key
# Alternates curl and atsdrop RUNS times; sets mc/ma (median seconds), mp_* (MiB/s), mp_ratio.
measure_multipart() {
    local times_curl=() times_atsdrop=() t0 t1
    for _ in $(seq "$RUNS"); do
        t0=$(now); curl_multipart "$work/m50"; t1=$(now); times_curl+=("$(python3 -c "print($t1-$t0)")")
        t0=$(now); atsdrop_upload spott "$SPOTT" "$work/m50" cand-000300 CV; t1=$(now)
        times_atsdrop+=("$(python3 -c "print($t1-$t0)")")
    done
    local bytes=$((10 * 50 * 1048576))
    mc=$(median "${times_curl[@]}"); ma=$(median "${times_atsdrop[@]}")
    mp_curl=$(mb_per_s $bytes "$mc"); mp_atsdrop=$(mb_per_s $bytes "$ma")
    mp_ratio=$(python3 -c "print(f'{$mc / $ma:.2f}')")
}
measure_multipart

# The same over loopback limited to LINK (e.g. LINK=1gbit, as `tc` spells rates): with the
# network rather than the two CPUs as the bottleneck. Needs root and iproute2's `tc`.
link_row=""
if [ -n "${LINK:-}" ]; then
    restore_link() { tc qdisc del dev lo root 2>/dev/null || true; }
    trap 'restore_link; cleanup' EXIT
    tc qdisc add dev lo root tbf rate "$LINK" burst 256kb latency 50ms
    plain=("$mc" "$ma" "$mp_curl" "$mp_atsdrop" "$mp_ratio")
    measure_multipart
    restore_link
    link_row="| multipart, Spott, 10 × 50 MiB, loopback limited to $LINK | ${mc} s (${mp_curl} MiB/s) | ${ma} s (${mp_atsdrop} MiB/s) | **${mp_ratio}×** | ≥ 0.95× |"$'\n'
    mc=${plain[0]} ma=${plain[1]} mp_curl=${plain[2]} mp_atsdrop=${plain[3]} mp_ratio=${plain[4]}
fi

# --- base64 JSON: Kombo, 10 × 20 MiB (Kombo takes at most 20 MiB per file, see below) ---
python3 - "$work/m20" "$work/json" <<'PY'
import base64, json, os, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
for name in sorted(os.listdir(src)):
    data = base64.b64encode(open(os.path.join(src, name), "rb").read()).decode()
    body = {"attachment": {"name": name, "type": "OTHER", "content_type": "application/pdf", "data": data}}
    open(os.path.join(dst, name + ".json"), "w").write(json.dumps(body))
PY
KOMBO_CANDIDATE=$(ATSDROP_DATA_DIR=$work/c ATSDROP_API_KEY=kombo-sandbox-key "$BIN" candidates -p kombo \
    --base-url "$KOMBO" --integration-id "$KOMBO_INTEGRATION" --limit 300 --json | tail -1 |
    python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
curl_json() {
    for f in "$work"/json/*.json; do
        curl -sS -o /dev/null --fail -H "Authorization: Bearer kombo-sandbox-key" \
            -H "X-Integration-Id: $KOMBO_INTEGRATION" -H "Content-Type: application/json" \
            --data-binary "@$f" "$KOMBO/ats/candidates/$KOMBO_CANDIDATE/attachments"
    done
}
export ATSDROP_API_KEY=kombo-sandbox-key
times_curl=(); times_atsdrop=()
for _ in $(seq "$RUNS"); do
    t0=$(now); curl_json; t1=$(now); times_curl+=("$(python3 -c "print($t1-$t0)")")
    t0=$(now); atsdrop_upload kombo "$KOMBO" "$work/m20" "$KOMBO_CANDIDATE" OTHER --integration-id "$KOMBO_INTEGRATION"; t1=$(now)
    times_atsdrop+=("$(python3 -c "print($t1-$t0)")")
done
bytes=$((10 * 20 * 1048576))
jc=$(median "${times_curl[@]}"); ja=$(median "${times_atsdrop[@]}")
js_curl=$(mb_per_s $bytes "$jc"); js_atsdrop=$(mb_per_s $bytes "$ja")
js_ratio=$(python3 -c "print(f'{$jc / $ja:.2f}')")

# --- peak RSS of `atsdrop upload` ---
rss() { # provider base dir candidate type [extra…] → MiB
    local out=$work/time.txt
    ATSDROP_DATA_DIR=$(mktemp -d -p "$work") /usr/bin/time -v -o "$out" "$BIN" upload -p "$1" --base-url "$2" \
        -c "$4" -t "$5" --allow-duplicates --json "${@:6}" "$3" > /dev/null
    awk '/Maximum resident set size/ {printf "%.1f", $6/1024}' "$out"
}
rss_m1=$(ATSDROP_API_KEY=spott-sandbox-key rss spott "$SPOTT" "$work/m1" cand-000299 CV)
rss_m50=$(ATSDROP_API_KEY=spott-sandbox-key rss spott "$SPOTT" "$work/m50" cand-000299 CV)
rss_b1=$(ATSDROP_API_KEY=kombo-sandbox-key rss kombo "$KOMBO" "$work/m1" "$KOMBO_CANDIDATE" OTHER --integration-id "$KOMBO_INTEGRATION")
rss_b20=$(ATSDROP_API_KEY=kombo-sandbox-key rss kombo "$KOMBO" "$work/m20" "$KOMBO_CANDIDATE" OTHER --integration-id "$KOMBO_INTEGRATION")

# --- validate over 10,000 mixed files ---
python3 - "$work/v10k" <<'PY'
import os, sys, zipfile, io
d = sys.argv[1]; os.makedirs(d, exist_ok=True)
png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6300010000050001"
                    "0d0a2db40000000049454e44ae426082")
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>"); z.writestr("word/document.xml", "<w:document/>")
docx = buf.getvalue()
kinds = [("pdf", b"%PDF-1.4\n" + b"x" * 4000 + b"\n%%EOF\n"), ("png", png), ("docx", docx),
         ("txt", b"Dear team,\nplease find my CV attached.\n" * 20), ("csv", b"name,email\na,b\nc,d\n" * 30),
         ("jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 2000), ("pdf", b"MZ\x90\x00" + b"\x00" * 3000)]
for i in range(10_000):
    ext, data = kinds[i % len(kinds)]
    sub = os.path.join(d, f"folder-{i // 500:02}")
    os.makedirs(sub, exist_ok=True)
    open(os.path.join(sub, f"file-{i:05}.{ext}"), "wb").write(data)
PY
hyperfine --style basic --warmup 1 --runs 5 -i --export-json "$work/validate.json" \
    "$BIN validate -p onderwijsregio -t otherAttachments --json $work/v10k" > "$work/hyperfine.txt" 2>&1
validate_mean=$(python3 -c "import json; r=json.load(open('$work/validate.json'))['results'][0]; print(f\"{r['mean']:.3f} ± {r['stddev']:.3f}\")")
validate_median=$(python3 -c "import json; r=json.load(open('$work/validate.json'))['results'][0]; print(f\"{r['median']:.3f}\")")

cat <<MD
## Results ($(date -u +%Y-%m-%d), $(nproc) cores, $RUNS run(s) each, median)

| measurement | curl | atsdrop | ratio (curl time / atsdrop time) | target |
|---|---|---|---|---|
| multipart, Spott, 10 × 50 MiB | ${mc} s (${mp_curl} MiB/s) | ${ma} s (${mp_atsdrop} MiB/s) | **${mp_ratio}×** | ≥ 0.95× |
${link_row}| base64 JSON, Kombo, 10 × 20 MiB | ${jc} s (${js_curl} MiB/s) | ${ja} s (${js_atsdrop} MiB/s) | **${js_ratio}×** | ≥ 0.9× |

| peak RSS of \`atsdrop upload\` (/usr/bin/time -v) | 10 × 1 MiB | 10 × large | target |
|---|---|---|---|
| multipart (Spott) | ${rss_m1} MiB | ${rss_m50} MiB (50 MiB files) | ≤ 64 MiB, flat |
| base64 JSON (Kombo) | ${rss_b1} MiB | ${rss_b20} MiB (20 MiB files) | ≤ 64 MiB, flat |

| \`atsdrop validate\` over 10,000 mixed files (hyperfine, 5 runs) | median | mean ± σ | target |
|---|---|---|---|
| 7 kinds, 20 folders, incl. a program named .pdf | ${validate_median} s | ${validate_mean} s | ≤ 1 s |
MD
