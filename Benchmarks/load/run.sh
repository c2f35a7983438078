#!/usr/bin/env bash
# Load benchmark: TechEmpower's plaintext and json tests, as TFB defines them,
# and the Hello page through the whole app, on AsyncWeb's TechEmpower example
# (each of its I/O backends, and io_uring with the access log written to a
# file) and on its peers: nginx, a C liburing floor,
# Hummingbird 2 and Vapor 4. Each server is pinned to one CPU and wrk to
# another. What the figures mean: README.md next to this file.
#
# Environment (defaults in brackets; any subset of servers or tests works):
#   SERVERS            [asyncweb-io_uring asyncweb-epoll asyncweb-log nginx floor hummingbird vapor]
#   TESTS              [plaintext pipelined json hello]
#   CONNECTION_LEVELS  [64 256 1024]
#   ROUNDS [3]  DURATION [4s]  PIPELINE_DEPTH [16]  SERVER_CPU [0]  WRK_CPU [1]
# A quick look, under 2 minutes:
#   ROUNDS=1 DURATION=2s CONNECTION_LEVELS=64 Benchmarks/load/run.sh
#
# The servers take turns, round after round, and each figure is the median of
# its rounds: on a shared machine one run can be a fifth off, a round of all
# servers less so, and ratios from the same rounds hold best.
set -euo pipefail
# wrk, awk and printf must agree on "." as the decimal separator.
export LC_ALL=C

benchmark_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$benchmark_dir/../.." && pwd)
peers_dir=$(cd "$benchmark_dir/../Peers" && pwd)
readonly benchmark_dir repo_root peers_dir

readonly all_servers="asyncweb-io_uring asyncweb-epoll asyncweb-log nginx floor hummingbird vapor"
readonly all_tests="plaintext pipelined json hello"
readonly requested_servers=${SERVERS:-$all_servers}
readonly tests=${TESTS:-$all_tests}
readonly connection_levels=${CONNECTION_LEVELS:-64 256 1024}
readonly rounds=${ROUNDS:-3}
readonly duration=${DURATION:-4s}
readonly pipeline_depth=${PIPELINE_DEPTH:-16}
readonly server_cpu=${SERVER_CPU:-0}
readonly wrk_cpu=${WRK_CPU:-1}
# shellcheck disable=SC2034  # read by ../lib/processes.sh
readonly ready_timeout_seconds=30
readonly warm_up_duration=1s
# wrk near saturation while the server is not: the load generator, not the
# server, set the pace of that run.
readonly wrk_bound_wrk_percent=90 wrk_bound_server_percent=90
readonly started_at=$SECONDS

fail() {
    echo "error: $*" >&2
    exit 1
}

# --- The tests ------------------------------------------------------------------

# What each test asks for and what a correct answer is. pipelined is the
# plaintext test with PIPELINE_DEPTH requests written at once per connection.
declare -A test_path=([plaintext]=/plaintext [pipelined]=/plaintext [json]=/json [hello]=/)
declare -A test_body=(
    [plaintext]='Hello, World!' [pipelined]='Hello, World!'
    [json]='{"message":"Hello, World!"}' [hello]='<p>Hello, World!</p>'
)
declare -A test_content_type=(
    [plaintext]=text/plain [pipelined]=text/plain [json]=application/json [hello]='text/html; charset=utf-8'
)

# The Hello page is AsyncWeb's own: of the peers only nginx serves it (as
# before this benchmark measured TFB's tests), for a ratio.
serves_test() {
    local server=$1 test=$2
    [[ $test != hello || $server == asyncweb-* || $server == nginx ]]
}

# --- Checking the settings before anything starts -----------------------------

for server in $requested_servers; do
    [[ " $all_servers " == *" $server "* ]] ||
        fail "SERVERS may name $all_servers; not '$server'"
done
[[ -n ${requested_servers// /} ]] || fail "SERVERS is empty; name one or more of: $all_servers"
for test in $tests; do
    [[ " $all_tests " == *" $test "* ]] || fail "TESTS may name $all_tests; not '$test'"
done
[[ -n ${tests// /} ]] || fail "TESTS is empty; name one or more of: $all_tests"
for connections in $connection_levels; do
    [[ $connections =~ ^[1-9][0-9]*$ ]] ||
        fail "CONNECTION_LEVELS must be positive integers, such as \"64 256 1024\", not '$connection_levels'"
done
[[ -n ${connection_levels// /} ]] || fail "CONNECTION_LEVELS is empty; try \"64 256 1024\""
[[ $rounds =~ ^[1-9][0-9]*$ ]] || fail "ROUNDS must be a positive integer, not '$rounds'"
[[ $pipeline_depth =~ ^[1-9][0-9]*$ ]] || fail "PIPELINE_DEPTH must be a positive integer, not '$pipeline_depth'"

requested() {
    [[ " $requested_servers " == *" $1 "* ]]
}

requested_asyncweb() {
    requested asyncweb-io_uring || requested asyncweb-epoll || requested asyncweb-log
}

# Converts a wrk duration (8, 8s, 2m, 1h) to seconds, to bound how long wrk may run.
duration_in_seconds() {
    local text=$1
    [[ $text =~ ^([1-9][0-9]*)([smh]?)$ ]] ||
        fail "DURATION must be a whole number of seconds, minutes or hours (4s, 2m), not '$text'"
    local amount=${BASH_REMATCH[1]}
    case ${BASH_REMATCH[2]} in
        m) echo $((amount * 60)) ;;
        h) echo $((amount * 3600)) ;;
        *) echo "$amount" ;;
    esac
}
duration_seconds=$(duration_in_seconds "$duration")
readonly duration_seconds

# Every connection is a file descriptor in wrk and one in the server, and both
# inherit this shell's limit.
most_connections=$(tr ' ' '\n' <<<"$connection_levels" | sort -n | tail -1)
readonly most_connections
needed_descriptors=$((most_connections + 256))
if (($(ulimit -n) < needed_descriptors)); then
    ulimit -n "$needed_descriptors" 2>/dev/null ||
        fail "$most_connections connections need $needed_descriptors file descriptors, but the hard limit is $(ulimit -Hn); raise it (ulimit -Hn as root, or limits.conf) or lower CONNECTION_LEVELS"
fi

# --- Processes we start, and stopping them whatever happens --------------------

# running_pids (every background process goes in it, so the exit trap can stop
# it, and nothing else is ever signalled), process_is_alive, stop_process,
# pick_free_port, wait_until_serving.
# shellcheck source=../lib/processes.sh
source "$benchmark_dir/../lib/processes.sh"
# shellcheck source=../lib/figures.sh
source "$benchmark_dir/../lib/figures.sh"
temp_dir=""
stop_everything_on_exit

temp_dir=$(mktemp -d "${TMPDIR:-/tmp}/asyncweb-load.XXXXXX")
# Where asyncweb-log writes its access log.
access_log="$temp_dir/access.log"
readonly access_log
results_dir="$benchmark_dir/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results_dir"
readonly results_dir
echo "Build logs, raw wrk output and server logs go to $results_dir"

# --- Tools, CPUs ------------------------------------------------------------------

system_packages=(wrk curl)
if requested nginx && ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    # Debian 12's nginx-light is only a transitional package for nginx, and
    # Debian 13 has no nginx-light at all.
    system_packages+=(nginx)
fi
if requested_asyncweb || requested floor; then
    system_packages+=(liburing-dev)
fi
if requested_asyncweb || requested hummingbird || requested vapor; then
    system_packages+=(libssl-dev zlib1g-dev)
fi
if requested floor && ! command -v cc >/dev/null; then
    system_packages+=(gcc)
fi
"$repo_root/scripts/install-system-packages.sh" "${system_packages[@]}"

# /usr/sbin is often missing from a non-root PATH.
nginx_binary=$(command -v nginx || echo /usr/sbin/nginx)
readonly nginx_binary

for cpu in "$server_cpu" "$wrk_cpu"; do
    taskset -c "$cpu" true 2>/dev/null ||
        fail "CPU $cpu is not available here (CPUs allowed: $(taskset -cp $$ | sed 's/.*: //')); set SERVER_CPU and WRK_CPU to two of those"
done
if [[ $server_cpu == "$wrk_cpu" ]]; then
    echo "warning: the servers and wrk share CPU $server_cpu; the figures will mostly measure wrk" >&2
fi

clock_ticks_per_second=$(getconf CLK_TCK)
readonly clock_ticks_per_second

# Prints "busy total" jiffies of one CPU from /proc/stat; idle and iowait are
# the only fields that are not busy.
cpu_jiffies() {
    awk -v cpu="cpu$1" '$1 == cpu { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

# Another program on the benchmark's CPUs takes time from the server or wrk and
# silently lowers every figure, so look before starting and say so in the report.
contention_warnings=()
check_cpus_are_quiet() {
    local cpu busy_before total_before busy_after total_after busy_percent
    declare -A before=()
    for cpu in "$server_cpu" "$wrk_cpu"; do
        before[$cpu]=$(cpu_jiffies "$cpu")
    done
    sleep 1
    for cpu in "$server_cpu" "$wrk_cpu"; do
        read -r busy_before total_before <<<"${before[$cpu]}"
        read -r busy_after total_after <<<"$(cpu_jiffies "$cpu")"
        busy_percent=$(((busy_after - busy_before) * 100 / (total_after - total_before + 1)))
        if ((busy_percent > 25)); then
            contention_warnings+=("CPU $cpu was ${busy_percent}% busy before the benchmark started; figures will be low and noisy. Busiest processes on it: $(
                ps -eo pid=,psr=,pcpu=,comm= --sort=-pcpu | awk -v cpu="$cpu" '$2 == cpu && shown++ < 3 { printf "%s%s (PID %s)", separator, $4, $1; separator = ", " }')")
        fi
    done
    if ((${#contention_warnings[@]} > 0)); then
        printf 'warning: %s\n' "${contention_warnings[@]}" >&2
    fi
}

# A compiler started by someone else during the run takes a CPU from a server
# or from wrk for minutes; each round looks for one that is working (a build
# left sleeping costs nothing) and the report names it.
build_commands='^(swift-build|swift-frontend|swiftc|cc1|cc1plus|clang|ld|ld\.lld|ld\.gold)$'
readonly build_commands

# Prints "PID TICKS COMMAND" for every process whose command looks like a build.
build_process_ticks() {
    local pid stat fields
    for pid in $(ps -eo pid=,comm= | awk -v pattern="$build_commands" '$2 ~ pattern { print $1 }'); do
        stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
        read -r -a fields <<<"${stat##*) }"
        echo "$pid $((fields[11] + fields[12])) $(cat "/proc/$pid/comm" 2>/dev/null)"
    done
}

check_no_build_running() {
    local before builds
    before=$(build_process_ticks)
    sleep 1
    builds=$(awk 'NR == FNR { ticks[$1] = $2; next } ($1 in ticks) && $2 > ticks[$1] {
            if (!($3 in count)) order[++names] = $3; count[$3]++ }
        END { for (i = 1; i <= names; i++) printf "%s%s (%d working)", (i > 1 ? ", " : ""), order[i], count[order[i]] }' \
        <(echo "$before") <(build_process_ticks))
    if [[ -n $builds ]]; then
        contention_warnings+=("round $round started while a build ran: $builds; this round's figures are suspect")
        echo "warning: ${contention_warnings[-1]}" >&2
    fi
}

# --- Building ---------------------------------------------------------------------

# The servers that built and will be measured, and why the others will not.
active_servers=()
skipped_notes=()
build_notes=()

# Runs a build command with its output in the results folder; prints nothing
# and returns its status. Usage: build NAME COMMAND...
build() {
    local name=$1 log="$results_dir/build-$1.log" started=$SECONDS status=0
    shift
    echo "Building $name..."
    "$@" >"$log" 2>&1 || status=$?
    build_notes+=("$name: $((SECONDS - started))s$( ((status == 0)) || echo " (failed)")")
    return "$status"
}

# A peer that does not build is left out of the run, and the report says why.
skip_peer() {
    local name=$1 reason=$2 log="$results_dir/build-$1.log"
    skipped_notes+=("$name: $reason; the first errors in $log: $(grep -m3 -i 'error' "$log" | tr '\n' ' ' || true)")
    echo "warning: $name is skipped: ${skipped_notes[-1]}" >&2
}

# Builds a Swift peer package in release mode in its own scratch path and sets
# VARIABLE to its binary, or leaves it empty if it did not build.
# Usage: build_swift_peer NAME PACKAGE_FOLDER PRODUCT VARIABLE
build_swift_peer() {
    local name=$1 package=$2 product=$3 variable=$4 binary
    local arguments=("${swift_release_build[@]}" --package-path "$peers_dir/$package" --scratch-path "$peers_dir/.build-$name")
    if ! build "$name" swift build "${arguments[@]}" --product "$product"; then
        skip_peer "$name" "swift build failed"
        return
    fi
    binary="$(swift build "${arguments[@]}" --show-bin-path)/$product"
    if [[ -x $binary ]]; then
        printf -v "$variable" '%s' "$binary"
    else
        skip_peer "$name" "swift build succeeded but $binary is missing"
    fi
}

if requested_asyncweb || requested hummingbird || requested vapor; then
    command -v swift >/dev/null ||
        fail "swift is not on PATH; install a Swift 6.3 toolchain, or run with SERVERS=\"nginx floor\" to measure those alone"
fi

techempower_binary="" floor_binary="" hummingbird_binary="" vapor_binary=""
if requested_asyncweb; then
    # Our own server must build: a failure ends the run.
    build TechEmpower swift build "${swift_release_build[@]}" --package-path "$repo_root" --product TechEmpower ||
        fail "swift build ${swift_release_build[*]} --product TechEmpower failed; see $results_dir/build-TechEmpower.log"
    techempower_binary="$(swift build "${swift_release_build[@]}" --package-path "$repo_root" --show-bin-path)/TechEmpower"
    [[ -x $techempower_binary ]] || fail "swift build succeeded but $techempower_binary is missing"
fi
if requested floor; then
    if build floor cc -O2 -Wall -o "$temp_dir/floor" "$benchmark_dir/floor/floor.c" -luring; then
        floor_binary="$temp_dir/floor"
    else
        skip_peer floor "cc failed"
    fi
fi
if requested hummingbird; then
    build_swift_peer hummingbird HummingbirdPeer HummingbirdPeer hummingbird_binary
fi
if requested vapor; then
    build_swift_peer vapor VaporPeer VaporPeer vapor_binary
fi

for server in $requested_servers; do
    case $server in
        floor) [[ -n $floor_binary ]] || continue ;;
        hummingbird) [[ -n $hummingbird_binary ]] || continue ;;
        vapor) [[ -n $vapor_binary ]] || continue ;;
    esac
    active_servers+=("$server")
done
((${#active_servers[@]} > 0)) || fail "no server left to measure: ${skipped_notes[*]}"
readonly active_servers

measuring() {
    [[ " ${active_servers[*]} " == *" $1 "* ]]
}

# --- Servers --------------------------------------------------------------------

# The server under test; start_server sets all four.
server_name=""
server_log=""
server_pid=""
server_port=""

# Launching through taskset keeps the PID: taskset execs the server rather
# than forking it.
start_server() {
    server_name=$1
    server_log="$results_dir/$1-server.log"
    server_port=$(pick_free_port)
    local address=(--host 127.0.0.1 --port "$server_port")
    case $server_name in
        asyncweb-log)
            # app.run() logs each request; here to a file, as a production server would.
            taskset -c "$server_cpu" "$techempower_binary" "${address[@]}" \
                --reactors 1 --io io_uring --access-log-file "$access_log" >>"$server_log" 2>&1 &
            ;;
        asyncweb-*)
            # The log is off for the other variants, to measure the server alone.
            taskset -c "$server_cpu" "$techempower_binary" "${address[@]}" \
                --reactors 1 --io "${server_name#asyncweb-}" --no-access-log >>"$server_log" 2>&1 &
            ;;
        nginx)
            local prefix="$temp_dir/nginx"
            mkdir -p "$prefix"
            sed "s/@PORT@/$server_port/" "$benchmark_dir/nginx.conf" >"$prefix/nginx.conf"
            taskset -c "$server_cpu" "$nginx_binary" -p "$prefix/" -c "$prefix/nginx.conf" \
                -e "$results_dir/nginx-error.log" >>"$server_log" 2>&1 &
            ;;
        floor) taskset -c "$server_cpu" "$floor_binary" "${address[@]}" >>"$server_log" 2>&1 & ;;
        hummingbird) taskset -c "$server_cpu" "$hummingbird_binary" "${address[@]}" >>"$server_log" 2>&1 & ;;
        vapor) taskset -c "$server_cpu" "$vapor_binary" "${address[@]}" >>"$server_log" 2>&1 & ;;
    esac
    server_pid=$!
    running_pids[$server_pid]=1
    wait_until_serving /plaintext "${test_body[plaintext]}"
}

# The value of one response header (the last of that name), or nothing.
header_value() {
    awk -v name="$2" 'BEGIN { IGNORECASE = 1 } tolower($0) ~ "^" name ":" {
        sub(/^[^:]*:[ \t]*/, ""); sub(/\r$/, ""); value = $0 } END { print value }' "$1"
}

# Before a server is measured on a test, one request checks what TFB checks:
# status 200, the body, the content type, a Server and a Date header (no Server
# on the Hello page, which is not TFB's). A wrong
# answer ends the run: its figures would compare different work.
check_response() {
    local test=$1 url="http://127.0.0.1:$server_port${test_path[$1]}"
    local headers="$temp_dir/headers" body_file="$temp_dir/body" problems=()
    curl -sS --noproxy "*" --max-time 5 -D "$headers" -o "$body_file" "$url" 2>"$temp_dir/curl-error" ||
        fail "$server_name did not answer GET $url: $(cat "$temp_dir/curl-error")"
    local status body content_type media_type
    status=$(head -n 1 "$headers" | tr -d '\r')
    # The `x` keeps trailing newlines, which $(...) would strip.
    body=$(cat "$body_file" && echo x)
    body=${body%x}
    # JSON may end with a newline (Flask's jsonify does); the JSON is the same.
    [[ $test == json && $body == *$'\n' ]] && body=${body%$'\n'}
    content_type=$(header_value "$headers" content-type)
    media_type=${content_type%%;*}
    [[ $status =~ ^HTTP/[0-9.]+\ 200 ]] || problems+=("status line is '$status', not 200")
    [[ $body == "${test_body[$test]}" ]] || problems+=("body is '$body', not '${test_body[$test]}'")
    if [[ $test == hello ]]; then
        [[ $content_type == "${test_content_type[$test]}" ]] ||
            problems+=("Content-Type is '$content_type', not '${test_content_type[$test]}'")
    else
        # TFB accepts a charset after the media type.
        [[ $media_type == "${test_content_type[$test]}" ]] ||
            problems+=("Content-Type is '$content_type', not '${test_content_type[$test]}'")
    fi
    # The Hello page is not a TFB test: AsyncWeb's example sends no Server header there.
    [[ $test == hello || -n $(header_value "$headers" server) ]] || problems+=("no Server header")
    [[ -n $(header_value "$headers" date) ]] || problems+=("no Date header")
    if ((${#problems[@]} > 0)); then
        fail "$server_name answered GET ${test_path[$test]} wrongly for the $test test: $(
            IFS=';'; echo "${problems[*]}"). Its response headers:
$(cat "$headers")"
    fi
}

# --- Measuring ------------------------------------------------------------------

# cutime + cstime of this shell, fields 16 and 17: the CPU time of the children
# it has waited for. wrk runs and is waited for alone between two readings, so
# their difference is wrk's CPU time (and that of `timeout`, which only waits).
# wrk has exited by then, so its own /proc entry is gone.
children_cpu_ticks() {
    local stat fields
    stat=$(cat "/proc/$$/stat")
    read -r -a fields <<<"${stat##*) }"
    echo $((fields[13] + fields[14]))
}

# A server may still be working when wrk stops: the requests of closed
# connections, 16 a connection when pipelined, sit in its sockets. Wait until it
# has used no CPU for a moment, so one run's leftovers do not count against the
# next. A server that stays busy is measured anyway, with a warning.
readonly settle_timeout_seconds=15
wait_until_server_idle() {
    local deadline=$((SECONDS + settle_timeout_seconds)) before after
    after=$(cpu_ticks_of "$server_pid")
    while ((SECONDS < deadline)); do
        before=$after
        sleep 0.2
        after=$(cpu_ticks_of "$server_pid")
        ((after - before <= 1)) && return
    done
    contention_warnings+=("$server_name was still busy ${settle_timeout_seconds}s after a run (round $round); the next run measured it busy")
    echo "warning: ${contention_warnings[-1]}" >&2
}

# Runs wrk on its own CPU in the background and waits for it, so that Ctrl-C
# is handled at once and a stuck wrk is killed after its duration plus a margin.
# Usage: run_wrk OUTPUT DURATION SECONDS CONNECTIONS PATH [LUA_SCRIPT [SCRIPT_ARGUMENT...]]
run_wrk() {
    local output=$1 run_duration=$2 run_seconds=$3 connections=$4 path=$5
    shift 5
    # TFB's timeout: wrk's default of 2 s counts as errors the answers of a
    # server that is slow but correct, such as 1,024 pipelined batches of 16
    # queued behind each other.
    local arguments=(-t1 -c"$connections" -d"$run_duration" --timeout 8s --latency)
    if (($# > 0)); then
        local script=$1
        shift
        # wrk hands the script the words after `--`, which must follow the URL.
        arguments+=(-s "$script" "http://127.0.0.1:$server_port$path" -- "$@")
    else
        arguments+=("http://127.0.0.1:$server_port$path")
    fi
    timeout --kill-after=5 $((run_seconds + 30)) \
        taskset -c "$wrk_cpu" wrk "${arguments[@]}" >"$output" 2>&1 &
    local wrk_pid=$!
    running_pids[$wrk_pid]=1
    local status=0
    wait "$wrk_pid" || status=$?
    unset 'running_pids[$wrk_pid]'
    if ((status != 0)); then
        require_server_alive "died while wrk was running"
        fail "wrk exited with status $status; its output ($output):
$(cat "$output")"
    fi
}

# Prints one tab-separated line: requests, requests/s, p50 ms, p99 ms,
# non-2xx/3xx count, socket errors ("none" when wrk printed no such line).
parse_wrk_output() {
    awk '
        function milliseconds(text) {
            if (text ~ /us$/) return text / 1000
            if (text ~ /ms$/) return text + 0
            if (text ~ /s$/)  return text * 1000
            if (text ~ /m$/)  return text * 60000
            if (text ~ /h$/)  return text * 3600000
            return text + 0
        }
        BEGIN { requests = -1; rate = -1; p50 = -1; p99 = -1; non_success = 0; socket_errors = "none" }
        $1 == "50%"                        { p50 = milliseconds($2) }
        $1 == "99%"                        { p99 = milliseconds($2) }
        $2 == "requests" && $3 == "in"     { requests = $1 }
        $1 == "Requests/sec:"              { rate = $2 }
        /Non-2xx or 3xx responses:/        { non_success = $NF }
        $1 == "Socket" && $2 == "errors:"  { sub(/^ *Socket errors: */, ""); socket_errors = $0 }
        END { printf "%s\t%s\t%s\t%s\t%s\t%s\n", requests, rate, p50, p99, non_success, socket_errors }
    ' "$1"
}

# Keyed by server/test/connections, each a list with one entry per round; the
# report shows its median. rate_in_round is keyed by server/test/connections/round,
# for ratios between servers of the same round.
declare -A requests_per_second=() p50_ms=() p99_ms=() cpu_us_per_request=() cpu_percent=() wrk_cpu_percent=()
declare -A rate_in_round=()
wrk_problems=()

readonly runs_file="$results_dir/runs.tsv"
printf 'round\tserver\ttest\tconnections\treq/s\tp50_ms\tp99_ms\tcpu_us_per_req\tserver_cpu_percent\twrk_cpu_percent\n' >"$runs_file"

# Runs one measured wrk run against the running server and records its row.
# Usage: measure TEST CONNECTIONS
measure() {
    local test=$1 connections=$2
    local output="$results_dir/$server_name-$test-c$connections-round$round.txt"
    echo "  $server_name $test, $connections connections, $duration"
    local script_arguments=()
    if [[ $test == pipelined ]]; then
        script_arguments=("$benchmark_dir/pipeline.lua" "$pipeline_depth")
    fi

    local ticks_before ticks_after wrk_ticks_before wrk_ticks_after started finished
    wait_until_server_idle
    if [[ $server_name == asyncweb-log ]]; then
        # One run's lines are enough to look at; a round's would take gigabytes.
        : >"$access_log"
    fi
    ticks_before=$(cpu_ticks_of "$server_pid")
    wrk_ticks_before=$(children_cpu_ticks)
    started=$EPOCHREALTIME
    run_wrk "$output" "$duration" "$duration_seconds" "$connections" "${test_path[$test]}" "${script_arguments[@]}"
    finished=$EPOCHREALTIME
    wrk_ticks_after=$(children_cpu_ticks)
    require_server_alive "died during the $test run with $connections connections"
    ticks_after=$(cpu_ticks_of "$server_pid")

    local requests rate p50 p99 non_success socket_errors
    IFS=$'\t' read -r requests rate p50 p99 non_success socket_errors < <(parse_wrk_output "$output")
    if ((requests == 0)); then
        fail "$server_name answered no request in the $test run with $connections connections; wrk's output ($output):
$(cat "$output")"
    fi
    if ((requests < 0)) || [[ $rate == -1 || $p50 == -1 || $p99 == -1 ]]; then
        fail "could not read requests, Requests/sec and latency percentiles from $output:
$(cat "$output")"
    fi

    local key="$server_name/$test/$connections" seconds server_ticks=$((ticks_after - ticks_before))
    seconds=$(awk -v started="$started" -v finished="$finished" 'BEGIN { print finished - started }')
    local rounded_rate cpu_us server_percent wrk_percent
    rounded_rate=$(printf '%.0f' "$rate")
    cpu_us=$(awk -v ticks="$server_ticks" -v hz="$clock_ticks_per_second" -v requests="$requests" \
        'BEGIN { printf "%.2f", ticks / hz / requests * 1e6 }')
    server_percent=$(awk -v ticks="$server_ticks" -v hz="$clock_ticks_per_second" -v seconds="$seconds" \
        'BEGIN { printf "%.0f", ticks / hz / seconds * 100 }')
    wrk_percent=$(awk -v ticks=$((wrk_ticks_after - wrk_ticks_before)) -v hz="$clock_ticks_per_second" -v seconds="$seconds" \
        'BEGIN { printf "%.0f", ticks / hz / seconds * 100 }')

    requests_per_second[$key]+="$rounded_rate "
    rate_in_round[$key/$round]=$rounded_rate
    if [[ $test == pipelined ]]; then
        # With a pipelining script wrk takes one latency sample per batch but
        # sizes its coordinated-omission correction by responses, so it invents
        # samples that swamp the real ones, some below the minimum, which
        # prints as 0.00us (wg/wrk#236). Its percentiles mean nothing here.
        p50_ms[$key]="n/a"
        p99_ms[$key]="n/a"
        p50=n/a p99=n/a
    else
        p50=$(printf '%.2f' "$p50") p99=$(printf '%.2f' "$p99")
        p50_ms[$key]+="$p50 "
        p99_ms[$key]+="$p99 "
    fi
    cpu_us_per_request[$key]+="$cpu_us "
    cpu_percent[$key]+="$server_percent "
    wrk_cpu_percent[$key]+="$wrk_percent "
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$server_name" "$test" "$connections" \
        "$rounded_rate" "$p50" "$p99" "$cpu_us" "$server_percent" "$wrk_percent" >>"$runs_file"

    local problems=()
    if ((non_success > 0)); then
        problems+=("$server_name $test c$connections: $non_success responses had status 400 or above (see $output)")
    fi
    if [[ $socket_errors != none ]]; then
        problems+=("$server_name $test c$connections: socket errors: $socket_errors (see $output)")
    fi
    if ((${#problems[@]} > 0)); then
        printf '!!! %s\n' "${problems[@]}" >&2
        wrk_problems+=("${problems[@]}")
    fi
}

benchmark_server() {
    local server=$1 test connections
    echo "Starting $server on CPU $server_cpu..."
    start_server "$server"
    for test in $tests; do
        serves_test "$server" "$test" && check_response "$test"
    done
    local first_level=${connection_levels%% *}
    run_wrk "$results_dir/$server-warm-up-round$round.txt" "$warm_up_duration" 1 "$first_level" /plaintext
    require_server_alive "died during the warm-up"
    for connections in $connection_levels; do
        for test in $tests; do
            serves_test "$server" "$test" && measure "$test" "$connections"
        done
    done
    stop_process "$server_pid"
}

check_cpus_are_quiet
for ((round = 1; round <= rounds; round++)); do
    echo "--- round $round of $rounds"
    check_no_build_running
    for server in "${active_servers[@]}"; do
        benchmark_server "$server"
    done
done

# --- Report ---------------------------------------------------------------------

# "1.23ms" for a number of milliseconds ("n/a" stays "n/a").
milliseconds() {
    [[ $1 == n/a ]] && { echo n/a; return; }
    printf '%.2fms' "$1"
}

# The median over rounds of SERVER's req/s divided by PEER's in the same round,
# as "0.95x"; "-" when the peer did not run that test.
ratio() {
    local server=$1 peer=$2 test=$3 connections=$4 ratios="" r
    if ! measuring "$peer" || ! serves_test "$peer" "$test"; then
        echo -
        return
    fi
    for ((r = 1; r <= rounds; r++)); do
        ratios+="$(awk -v ours="${rate_in_round[$server/$test/$connections/$r]}" \
            -v theirs="${rate_in_round[$peer/$test/$connections/$r]}" 'BEGIN { printf "%.4f", ours / theirs }') "
    done
    printf '%.2fx' "$(median "$ratios")"
}

print_report() {
    echo "wrk: 1 thread on CPU $wrk_cpu, $duration per run, pipelined $pipeline_depth deep;" \
        "connections: $connection_levels"
    echo "medians of $rounds rounds, the servers taking turns in each"
    echo "servers: one process each on CPU $server_cpu ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'))"
    local builds="none"
    if ((${#build_notes[@]} > 0)); then
        printf -v builds '%s, ' "${build_notes[@]}"
        builds=${builds%, }
    fi
    echo "builds: $builds"
    echo
    # "µ" is two bytes and printf pads by bytes, hence 11 for a 10-column header.
    local format='%-9s  %5s  %-17s  %8s  %9s  %9s  %10s  %10s  %7s  %8s  %14s  %s\n'
    printf '%-9s  %5s  %-17s  %8s  %9s  %9s  %11s  %10s  %7s  %8s  %14s  %s\n' test conns server req/s p50 p99 \
        "cpu µs/req" "server cpu" "wrk cpu" "vs nginx" "vs hummingbird" note
    local test connections server key server_percent wrk_percent note
    for test in $tests; do
        for connections in $connection_levels; do
            for server in "${active_servers[@]}"; do
                serves_test "$server" "$test" || continue
                key="$server/$test/$connections"
                server_percent=$(median "${cpu_percent[$key]}")
                wrk_percent=$(median "${wrk_cpu_percent[$key]}")
                note=""
                if awk -v wrk="$wrk_percent" -v server="$server_percent" -v wrk_limit="$wrk_bound_wrk_percent" \
                    -v server_limit="$wrk_bound_server_percent" 'BEGIN { exit !(wrk >= wrk_limit && server < server_limit) }'; then
                    note="wrk-bound"
                fi
                if [[ $server == asyncweb-log ]] && measuring asyncweb-io_uring; then
                    # What the access log costs: the same server without it, same rounds.
                    note+="${note:+; }$(ratio "$server" asyncweb-io_uring "$test" "$connections") of asyncweb-io_uring"
                fi
                # shellcheck disable=SC2059  # the format is ours
                printf "$format" "$test" "$connections" "$server" \
                    "$(printf '%.0f' "$(median "${requests_per_second[$key]}")")" \
                    "$(milliseconds "$(median "${p50_ms[$key]}")")" "$(milliseconds "$(median "${p99_ms[$key]}")")" \
                    "$(printf '%.2f' "$(median "${cpu_us_per_request[$key]}")")" "$(printf '%.0f%%' "$server_percent")" \
                    "$(printf '%.0f%%' "$wrk_percent")" \
                    "$(ratio "$server" nginx "$test" "$connections")" \
                    "$(ratio "$server" hummingbird "$test" "$connections")" "$note"
            done
            echo
        done
    done
    local elapsed=$((SECONDS - started_at))
    echo "total run time: $((elapsed / 60))m $((elapsed % 60))s, builds included"
    if ((${#skipped_notes[@]} > 0)); then
        printf 'skipped: %s\n' "${skipped_notes[@]}"
    fi
    if ((${#contention_warnings[@]} > 0)); then
        printf 'warning: %s\n' "${contention_warnings[@]}"
    fi
}

echo
# An empty note column would leave trailing blanks.
print_report | sed 's/ *$//' | tee "$results_dir/summary.txt"
echo
echo "Raw wrk output, every run's figures (runs.tsv), server and build logs, and this summary: $results_dir"

if ((${#wrk_problems[@]} > 0)); then
    {
        echo
        echo "!!! wrk reported errors; the figures above are not valid:"
        printf '!!!   %s\n' "${wrk_problems[@]}"
    } | tee -a "$results_dir/summary.txt" >&2
    exit 1
fi
