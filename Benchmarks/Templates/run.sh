#!/usr/bin/env bash
# Template benchmark: the same page (inheritance, an import, a 100-row loop
# calling two macros, filters) rendered with the same data by AsyncWeb and
# by Jinja2 in this run. Checks that both print the same bytes, then prints
# the time per render of each and the ratio. Environment: SECONDS_EACH=3,
# RUNS=3.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly here
readonly seconds=${SECONDS_EACH:-3}
readonly runs=${RUNS:-3}
readonly scratch=${SCRATCH_PATH:-/tmp/asyncweb-template-bench}

python3 -c 'import jinja2' 2>/dev/null || { echo "error: python3 with jinja2 is needed (pip install jinja2)" >&2; exit 1; }
swift build -c release --package-path "$here" --scratch-path "$scratch" >&2
binary="$scratch/release/TemplateBenchmark"

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
# Each engine runs RUNS times, alternating, and keeps its best median: on a
# shared machine the slower runs measure the neighbours, not the engine.
best() { sort -g | head -1; }
jinja_runs=()
swift_runs=()
for _ in $(seq "$runs"); do
    jinja_runs+=("$(python3 "$here/jinja_benchmark.py" "$here/templates" "$here/context.json" "$seconds" 2>&1 >"$workdir/jinja.html")")
    swift_runs+=("$("$binary" "$here/templates" "$here/context.json" "$seconds" 2>&1 >"$workdir/asyncweb.html")")
done
jinja_us=$(printf '%s\n' "${jinja_runs[@]}" | best)
swift_us=$(printf '%s\n' "${swift_runs[@]}" | best)

if ! cmp -s "$workdir/jinja.html" "$workdir/asyncweb.html"; then
    echo "error: the pages differ:" >&2
    diff "$workdir/jinja.html" "$workdir/asyncweb.html" >&2 || true
    exit 1
fi
bytes=$(wc -c <"$workdir/asyncweb.html")
printf 'page: %d bytes, identical from both engines\n' "$bytes"
printf '%-10s %10s µs/render (runs: %s)\n' "Jinja2" "$jinja_us" "${jinja_runs[*]}" "AsyncWeb" "$swift_us" "${swift_runs[*]}"
awk -v j="$jinja_us" -v s="$swift_us" 'BEGIN { printf "AsyncWeb is %.1fx Jinja2\n", j / s }'
