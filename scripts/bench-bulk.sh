#!/usr/bin/env bash
# Bulk: 1,000 files for 1,000 candidates through `atsdrop bulk` against the sandbox with its
# rate limits on (1,000 seeded candidates per system), per system; compares the wall time with
# the floor the system's documented limit allows for the requests atsdrop makes. Prints
# Markdown rows (BENCHMARKS.md holds the last ones). Needs: python3, a release build.
#
#   scripts/bench-bulk.sh                       # all five systems (about 25 minutes)
#   scripts/bench-bulk.sh spott truto           # some of them
set -euo pipefail
cd "$(dirname "$0")/.."
SYSTEMS=("$@"); [ ${#SYSTEMS[@]} -gt 0 ] || SYSTEMS=(spott kombo onderwijsregio truto endorsed)
N=${N:-1000}
if [ -z "${ATSDROP_BIN:-}" ]; then cargo build --release --quiet; fi
BIN=${ATSDROP_BIN:-$PWD/target/release/atsdrop}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export DBUS_SESSION_BUS_ADDRESS=disabled: ATSDROP_CONFIG_DIR=$work/config

start_sandbox() { # name extra… → writes $work/<name>.json
    local name=$1; shift
    "$BIN" sandbox --json --port 0 --candidates "$N" "$@" > "$work/$name.json" &
    pids+=($!)
    for _ in $(seq 100); do [ -s "$work/$name.json" ] && break; sleep 0.1; done
}
# The listing sandbox has no limits (the same seed: the same people and ids).
start_sandbox list --no-rate-limits

field() { python3 -c "import json; print(json.load(open('$work/$1.json'))['$2'].get('$3',''))"; }
args_for() { # sandbox provider → connection options
    local s=$1 p=$2
    echo "--base-url $(field "$s" "$p" base_url)"
    [ -n "$(field "$s" "$p" integration_id)" ] && echo "--integration-id $(field "$s" "$p" integration_id)"
    [ -n "$(field "$s" "$p" integrated_account_id)" ] && echo "--integrated-account-id $(field "$s" "$p" integrated_account_id)"
    [ -n "$(field "$s" "$p" client_id)" ] && echo "--client-id $(field "$s" "$p" client_id)"
    true
}
secret_env() { # sandbox provider
    local key; key=$(field "$1" "$2" api_key); [ -n "$key" ] || key=$(field "$1" "$2" client_secret)
    if [ "$2" = endorsed ]; then echo "ATSDROP_CLIENT_SECRET=$key"; else echo "ATSDROP_API_KEY=$key"; fi
}
type_of() { case $1 in spott) echo CV;; kombo) echo CV;; onderwijsregio) echo curriculumVitae;; truto) echo resume;; endorsed) echo resume;; esac; }

for p in "${SYSTEMS[@]}"; do
    dir=$work/files-$p; mkdir -p "$dir"
    # The candidates (ids and e-mails) from the unlimited sandbox. Endorsed has no list: its
    # ids come from the emulator's seed through a mapping file.
    if [ "$p" = endorsed ]; then
        python3 - "$dir" "$N" <<'PY'
import sys, os
d, n = sys.argv[1], int(sys.argv[2])
# Endorsed ids are not listable: map by the seed's remote ids (remote.ext-<1000+i>).
with open(os.path.join(d, "..", "map-endorsed.csv"), "w") as m:
    m.write("file,candidate_id\n")
    for i in range(n):
        name = f"cv-{i:04}.pdf"
        open(os.path.join(d, name), "wb").write(b"%PDF-1.4\n%" + str(i).encode() + b"\n%%EOF\n")
        m.write(f"{os.path.join(d, name)},remote.ext-{1000 + i}\n")
PY
        extra=(--map "$work/map-endorsed.csv")
    else
        env $(secret_env list "$p") "$BIN" candidates -p "$p" $(args_for list "$p") --limit "$N" --json > "$work/people-$p.json"
        python3 - "$dir" "$work/people-$p.json" <<'PY'
import sys, os, json
d, people = sys.argv[1], [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
for i, c in enumerate(people):
    open(os.path.join(d, f"{c['email']}.pdf"), "wb").write(b"%PDF-1.4\n%" + str(i).encode() + b"\n%%EOF\n")
PY
        extra=()
    fi
    count=$(ls "$dir" | wc -l)
    start_sandbox "limited-$p" ${UNLIMITED:+--no-rate-limits}
    t0=$(date +%s.%N)
    env $(secret_env "limited-$p" "$p") ATSDROP_DATA_DIR="$work/data-$p" "$BIN" bulk -p "$p" \
        $(args_for "limited-$p" "$p") --type "$(type_of "$p")" ${DRY:+--dry-run} --json "${extra[@]}" "$dir" \
        > "$work/out-$p.json" 2> "$work/err-$p.log" || true
    t1=$(date +%s.%N)
    uploaded=$(grep -c '"status":"'${DRY:+ready}${DRY:-uploaded}'"' "$work/out-$p.json" || true)
    requests=$(python3 - "$(field "limited-$p" "$p" base_url)" "$p" <<'PY'
import json, sys, urllib.request
base, p = sys.argv[1], sys.argv[2]
root = base[: base.rindex("/" + p)] if ("/" + p) in base else base
rs = json.load(urllib.request.urlopen(f"{root}/_emulator/requests?provider={p}"))
print(len(rs), sum(1 for r in rs if r.get("status") == 429), "(statuses:", dict(sorted(__import__("collections").Counter(r.get("status") for r in rs).items())), end=")\n")
PY
)
    wall=$(python3 -c "print(f'{$t1 - $t0:.1f}')")
    echo "| $p | $count files | $uploaded uploaded | ${wall} s | requests received, 429s: $requests |"
    [ "$uploaded" = "$count" ] || { echo "$p: not every file uploaded:" >&2; head -c 2000 "$work/err-$p.log" >&2; head -c 1000 "$work/out-$p.json" >&2; }
    kill "${pids[-1]}" 2>/dev/null || true
done
