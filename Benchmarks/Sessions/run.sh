#!/usr/bin/env bash
# Session benchmark: the same two requests (read a session cookie; read it and
# sign a new one) through AsyncWeb's request path and through Flask's, with the
# same cookie, in this run. Checks that both answer alike, then prints the time
# per request of each and the ratios. Environment: SECONDS_EACH=2, RUNS=3.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly here
readonly seconds=${SECONDS_EACH:-2}
readonly runs=${RUNS:-3}
readonly scratch=${SCRATCH_PATH:-/tmp/asyncweb-session-bench}
# Flask 3.1 signed {"username": "alice", "visits": 1} with "benchmark-secret" at 1700000000.
readonly cookie='eyJ1c2VybmFtZSI6ImFsaWNlIiwidmlzaXRzIjoxfQ.ZVPxAA.NwE5__Lw5SG-mCbPFXcTsDQ5Uvo'

python3 -c 'import flask' 2>/dev/null || { echo "error: python3 with flask is needed (pip install flask)" >&2; exit 1; }
swift build -c release --package-path "$here" --scratch-path "$scratch" >&2
binary="$scratch/release/SessionBenchmark"

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
# Each side runs RUNS times, alternating, and keeps its best medians: on a
# shared machine the slower runs measure the neighbours, not the framework.
flask_runs=()
swift_runs=()
for _ in $(seq "$runs"); do
    flask_runs+=("$(python3 "$here/flask_benchmark.py" "$cookie" "$seconds" 2>&1 >"$workdir/flask.txt")")
    swift_runs+=("$("$binary" "$cookie" "$seconds" 2>&1 >"$workdir/asyncweb.txt")")
done

if ! cmp -s "$workdir/flask.txt" "$workdir/asyncweb.txt"; then
    echo "error: the answers differ:" >&2
    diff "$workdir/flask.txt" "$workdir/asyncweb.txt" >&2 || true
    exit 1
fi
echo "answers (body, new cookie's payload), identical from both:"
sed 's/^/  /' "$workdir/asyncweb.txt"

# The lowest of the runs' figures in one column: 1 is read, 2 is write.
best() {
    local column=$1
    shift
    printf '%s\n' "$@" | awk -v column="$column" '{ print $column }' | sort -g | head -1
}
flask_read=$(best 1 "${flask_runs[@]}")
flask_write=$(best 2 "${flask_runs[@]}")
swift_read=$(best 1 "${swift_runs[@]}")
swift_write=$(best 2 "${swift_runs[@]}")
printf '%-10s %10s %10s   %s\n' "µs/request" read write "(each run: read write)" \
    Flask "$flask_read" "$flask_write" "${flask_runs[*]}" \
    AsyncWeb "$swift_read" "$swift_write" "${swift_runs[*]}"
awk -v fr="$flask_read" -v fw="$flask_write" -v sr="$swift_read" -v sw="$swift_write" \
    'BEGIN { printf "AsyncWeb is %.1fx Flask reading a session, %.1fx writing one\n", fr / sr, fw / sw }'
