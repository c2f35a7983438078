#!/usr/bin/env bash
# Load benchmark: AsyncWeb's Hello example, on each of its I/O backends,
# against nginx serving the same response, each server pinned to one CPU and wrk
# pinned to another, plain keep-alive and pipelined. What the figures mean:
# README.md next to this file.
#
# Environment: SERVERS="asyncweb-io_uring asyncweb-epoll nginx" (any of them
# alone works, e.g. SERVERS=nginx needs no Swift toolchain), ROUNDS=3,
# DURATION=8s, CONNECTIONS=64, PIPELINE_DEPTH=16, SERVER_CPU=0, WRK_CPU=1.
#
# The servers take turns, round after round, and each figure is the median of
# its rounds: on a shared machine one run can be a fifth off, a round of all
# servers less so, and ratios from the same rounds hold best.
set -euo pipefail
# wrk, awk and printf must agree on "." as the decimal separator.
export LC_ALL=C

benchmark_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$benchmark_dir/../.." && pwd)
readonly benchmark_dir repo_root

readonly servers=${SERVERS:-asyncweb-io_uring asyncweb-epoll nginx}
readonly rounds=${ROUNDS:-3}
readonly duration=${DURATION:-8s}
readonly connections=${CONNECTIONS:-64}
readonly pipeline_depth=${PIPELINE_DEPTH:-16}
readonly server_cpu=${SERVER_CPU:-0}
readonly wrk_cpu=${WRK_CPU:-1}
# shellcheck disable=SC2034  # read by ../lib/processes.sh
readonly expected_body='<p>Hello, World!</p>'
# shellcheck disable=SC2034  # read by ../lib/processes.sh
readonly ready_timeout_seconds=30
readonly warm_up_duration=1s

fail() {
    echo "error: $*" >&2
    exit 1
}

# --- Checking the settings before anything starts -----------------------------

for server in $servers; do
    [[ $server == asyncweb-io_uring || $server == asyncweb-epoll || $server == nginx ]] ||
        fail "SERVERS may name asyncweb-io_uring, asyncweb-epoll and nginx, not '$server'"
done
[[ -n ${servers// /} ]] || fail "SERVERS is empty; name asyncweb-io_uring, asyncweb-epoll, nginx or several"
[[ $rounds =~ ^[1-9][0-9]*$ ]] || fail "ROUNDS must be a positive integer, not '$rounds'"
[[ $connections =~ ^[1-9][0-9]*$ ]] || fail "CONNECTIONS must be a positive integer, not '$connections'"
[[ $pipeline_depth =~ ^[1-9][0-9]*$ ]] || fail "PIPELINE_DEPTH must be a positive integer, not '$pipeline_depth'"

wants() {
    [[ " $servers " == *" $1 "* ]]
}

wants_asyncweb() {
    wants asyncweb-io_uring || wants asyncweb-epoll
}

# Converts a wrk duration (8, 8s, 2m, 1h) to seconds, to bound how long wrk may run.
duration_in_seconds() {
    local text=$1
    [[ $text =~ ^([1-9][0-9]*)([smh]?)$ ]] ||
        fail "DURATION must be a whole number of seconds, minutes or hours (8s, 2m), not '$text'"
    local amount=${BASH_REMATCH[1]}
    case ${BASH_REMATCH[2]} in
        m) echo $((amount * 60)) ;;
        h) echo $((amount * 3600)) ;;
        *) echo "$amount" ;;
    esac
}
duration_seconds=$(duration_in_seconds "$duration")
readonly duration_seconds

# --- Processes we start, and stopping them whatever happens --------------------

# running_pids (every background process goes in it, so the exit trap can stop
# it, and nothing else is ever signalled), process_is_alive, stop_process,
# pick_free_port.
# shellcheck source=../lib/processes.sh
source "$benchmark_dir/../lib/processes.sh"
temp_dir=""
stop_everything_on_exit

# --- Tools, CPUs, build ---------------------------------------------------------

system_packages=(wrk curl)
if wants nginx && ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    # Debian 12's nginx-light is only a transitional package for nginx, and
    # Debian 13 has no nginx-light at all.
    system_packages+=(nginx)
fi
if wants_asyncweb; then
    system_packages+=(liburing-dev libssl-dev)
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

if wants_asyncweb; then
    command -v swift >/dev/null ||
        fail "swift is not on PATH; install a Swift 6.3 toolchain, or run with SERVERS=nginx to measure nginx alone"
    echo "Building Hello in release mode..."
    (cd "$repo_root" && swift build -c release --product Hello) ||
        fail "swift build -c release --product Hello failed; the compiler's messages are above"
    hello_binary="$(cd "$repo_root" && swift build -c release --show-bin-path)/Hello"
    [[ -x $hello_binary ]] || fail "swift build succeeded but $hello_binary is missing"
fi

temp_dir=$(mktemp -d "${TMPDIR:-/tmp}/asyncweb-load.XXXXXX")
results_dir="$benchmark_dir/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results_dir"
readonly results_dir
echo "Raw wrk output and server logs go to $results_dir"

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
    case $server_name in
        asyncweb-*)
            taskset -c "$server_cpu" "$hello_binary" \
                --host 127.0.0.1 --port "$server_port" --reactors 1 --io "${server_name#asyncweb-}" >"$server_log" 2>&1 &
            ;;
        nginx)
            local prefix="$temp_dir/nginx"
            mkdir -p "$prefix"
            sed "s/@PORT@/$server_port/" "$benchmark_dir/nginx.conf" >"$prefix/nginx.conf"
            taskset -c "$server_cpu" "$nginx_binary" -p "$prefix/" -c "$prefix/nginx.conf" \
                -e "$results_dir/nginx-error.log" >"$server_log" 2>&1 &
            ;;
    esac
    server_pid=$!
    running_pids[$server_pid]=1
    wait_until_serving
}

# --- Measuring ------------------------------------------------------------------

# utime + stime, fields 14 and 15 of /proc/PID/stat, in clock ticks. They cover
# every thread of the process. The command name (field 2) may contain spaces,
# so split after its closing parenthesis, where field 3 starts.
cpu_ticks_of() {
    local stat fields
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || fail "cannot read /proc/$1/stat; did the process exit?"
    read -r -a fields <<<"${stat##*) }"
    echo $((fields[11] + fields[12]))
}

# Runs wrk on its own CPU in the background and waits for it, so that Ctrl-C
# is handled at once and a stuck wrk is killed after its duration plus a margin.
# Usage: run_wrk OUTPUT DURATION SECONDS [LUA_SCRIPT [SCRIPT_ARGUMENT...]]
run_wrk() {
    local output=$1 run_duration=$2 run_seconds=$3
    shift 3
    local arguments=(-t1 -c"$connections" -d"$run_duration" --latency)
    if (($# > 0)); then
        local script=$1
        shift
        # wrk hands the script the words after `--`, which must follow the URL.
        arguments+=(-s "$script" "http://127.0.0.1:$server_port/" -- "$@")
    else
        arguments+=("http://127.0.0.1:$server_port/")
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

declare -A requests_per_second=() p50_ms=() p99_ms=() cpu_us_per_request=() cpu_percent=()
wrk_problems=()

# Runs one measured wrk run against the running server and records its row.
# Usage: measure RUN [LUA_SCRIPT [SCRIPT_ARGUMENT...]]
measure() {
    local run=$1
    shift
    local output="$results_dir/$server_name-$run-round$round.txt"
    echo "Measuring $server_name $run for $duration..."

    local ticks_before ticks_after started finished
    ticks_before=$(cpu_ticks_of "$server_pid")
    started=$EPOCHREALTIME
    run_wrk "$output" "$duration" "$duration_seconds" "$@"
    finished=$EPOCHREALTIME
    require_server_alive "died during the $run run"
    ticks_after=$(cpu_ticks_of "$server_pid")

    local requests rate p50 p99 non_success socket_errors
    IFS=$'\t' read -r requests rate p50 p99 non_success socket_errors < <(parse_wrk_output "$output")
    if ((requests <= 0)) || [[ $rate == -1 || $p50 == -1 || $p99 == -1 ]]; then
        fail "could not read requests, Requests/sec and latency percentiles from $output:
$(cat "$output")"
    fi

    # Every figure is a list, one entry per round; the report shows its median.
    local key="$server_name/$run"
    requests_per_second[$key]+="$(printf '%.0f' "$rate") "
    if (($# == 0)); then
        p50_ms[$key]+="$(printf '%.2f' "$p50") "
        p99_ms[$key]+="$(printf '%.2f' "$p99") "
    else
        # With a pipelining script wrk takes one latency sample per batch but
        # sizes its coordinated-omission correction by responses, so it invents
        # samples that swamp the real ones, some below the minimum, which
        # prints as 0.00us (wg/wrk#236). Its percentiles mean nothing here.
        p50_ms[$key]="n/a"
        p99_ms[$key]="n/a"
    fi
    cpu_us_per_request[$key]+="$(awk -v ticks=$((ticks_after - ticks_before)) -v hz="$clock_ticks_per_second" \
        -v requests="$requests" 'BEGIN { printf "%.2f", ticks / hz / requests * 1e6 }') "
    cpu_percent[$key]+="$(awk -v ticks=$((ticks_after - ticks_before)) -v hz="$clock_ticks_per_second" \
        -v started="$started" -v finished="$finished" 'BEGIN { printf "%.0f", ticks / hz / (finished - started) * 100 }') "

    local problems=()
    if ((non_success > 0)); then
        problems+=("$server_name $run: $non_success responses had status 400 or above (see $output)")
    fi
    if [[ $socket_errors != none ]]; then
        problems+=("$server_name $run: socket errors: $socket_errors (see $output)")
    fi
    if ((${#problems[@]} > 0)); then
        printf '!!! %s\n' "${problems[@]}" >&2
        wrk_problems+=("${problems[@]}")
    fi
}

benchmark_server() {
    echo "Starting $1 on CPU $server_cpu..."
    start_server "$1"
    run_wrk "$results_dir/$1-warm-up.txt" "$warm_up_duration" 1
    require_server_alive "died during the warm-up"
    measure plaintext
    measure pipelined "$benchmark_dir/pipeline.lua" "$pipeline_depth"
    stop_process "$server_pid"
}

check_cpus_are_quiet
for ((round = 1; round <= rounds; round++)); do
    echo "--- round $round of $rounds"
    for server in $servers; do
        benchmark_server "$server"
    done
done

# "1.23ms" for a number of milliseconds ("n/a" stays "n/a").
milliseconds() {
    [[ $1 == n/a ]] && { echo n/a; return; }
    printf '%.2fms' "$1"
}

# The median of a list of numbers ("n/a" stays "n/a").
median() {
    [[ $1 == n/a ]] && { echo n/a; return; }
    tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ values[NR] = $1 } END {
        if (NR % 2) print values[(NR + 1) / 2]; else print (values[NR / 2] + values[NR / 2 + 1]) / 2 }'
}

# --- Report ---------------------------------------------------------------------

# Prints "ratio A/B req/s: plaintext R, pipelined R" when both servers ran.
print_ratio() {
    wants "$1" && wants "$2" || return 0
    local ratios=() run
    for run in plaintext pipelined; do
        ratios+=("$run $(awk -v ours="$(median "${requests_per_second[$1/$run]}")" \
            -v theirs="$(median "${requests_per_second[$2/$run]}")" 'BEGIN { printf "%.2fx", ours / theirs }')")
    done
    echo "ratio $1/$2 req/s: ${ratios[0]}, ${ratios[1]}"
}

print_report() {
    echo "wrk: 1 thread on CPU $wrk_cpu, $connections connections, $duration per run, pipelined depth $pipeline_depth"
    echo "medians of $rounds rounds, the servers taking turns in each"
    echo "servers: one process each on CPU $server_cpu ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'))"
    echo
    # "µ" is two bytes and printf pads by bytes, hence 11 for a 10-column header.
    printf '%-17s  %-10s  %9s  %9s  %9s  %11s  %10s\n' server run req/s p50 p99 "cpu µs/req" "server cpu"
    local run server key
    for run in plaintext pipelined; do
        for server in $servers; do
            key="$server/$run"
            printf '%-17s  %-10s  %9.0f  %9s  %9s  %10.2f  %9.0f%%\n' "$server" "$run" \
                "$(median "${requests_per_second[$key]}")" "$(milliseconds "$(median "${p50_ms[$key]}")")" \
                "$(milliseconds "$(median "${p99_ms[$key]}")")" \
                "$(median "${cpu_us_per_request[$key]}")" "$(median "${cpu_percent[$key]}")"
        done
    done
    echo
    print_ratio asyncweb-io_uring nginx
    print_ratio asyncweb-epoll nginx
    print_ratio asyncweb-epoll asyncweb-io_uring
    if ((${#contention_warnings[@]} > 0)); then
        printf 'warning: %s\n' "${contention_warnings[@]}"
    fi
}

echo
print_report | tee "$results_dir/summary.txt"
echo
echo "Raw wrk output, server logs and this summary: $results_dir"

if ((${#wrk_problems[@]} > 0)); then
    {
        echo
        echo "!!! wrk reported errors; the figures above are not valid:"
        printf '!!!   %s\n' "${wrk_problems[@]}"
    } | tee -a "$results_dir/summary.txt" >&2
    exit 1
fi
