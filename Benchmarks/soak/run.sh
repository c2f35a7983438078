#!/usr/bin/env bash
# Soak test: the Quickstart example under mixed traffic for a long time, its
# memory sampled all along. Keep-alive load (wrk, mixed.lua), connection churn
# and idle keep-alive connections (client.py) all cycle through the Quickstart
# requests of mix.py and check every answer. Prints the requests, the errors
# and how the server's RSS moved after warm-up; exits non-zero on any error or
# when RSS grew more than RSS_GROWTH_LIMIT_PERCENT. More: README.md next to this.
#
# Environment: DURATION=30m, WARM_UP (a tenth of DURATION, at least 10s),
# KEEPALIVE_CONNECTIONS=4, KEEPALIVE_RATE=2000 (requests/s, 0 for no limit),
# CHURN_RATE=200 (connections/s), IDLE_CONNECTIONS=8, IDLE_INTERVAL=20 (s),
# SAMPLE_INTERVAL=5 (s), SETTLE=10s, RSS_GROWTH_LIMIT_PERCENT=10, REACTORS
# (the server's --reactors; by default its own choice, one per CPU).
set -euo pipefail
# awk and printf must agree on "." as the decimal separator.
export LC_ALL=C

soak_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$soak_dir/../.." && pwd)
readonly soak_dir repo_root

readonly duration=${DURATION:-30m}
readonly keepalive_connections=${KEEPALIVE_CONNECTIONS:-4}
readonly keepalive_rate=${KEEPALIVE_RATE:-2000}
readonly churn_rate=${CHURN_RATE:-200}
readonly idle_connections=${IDLE_CONNECTIONS:-8}
readonly idle_interval=${IDLE_INTERVAL:-20}
readonly sample_interval=${SAMPLE_INTERVAL:-5}
readonly settle=${SETTLE:-10s}
readonly growth_limit_percent=${RSS_GROWTH_LIMIT_PERCENT:-10}
readonly reactors=${REACTORS:-}
# shellcheck disable=SC2034  # read by ../lib/processes.sh
readonly expected_body='<p>Hello, World!</p>'
# shellcheck disable=SC2034  # read by ../lib/processes.sh
readonly ready_timeout_seconds=30
# How long a client may run past DURATION before it is stopped as stuck.
readonly client_overrun_seconds=30

fail() {
    echo "error: $*" >&2
    exit 1
}

# --- Checking the settings before anything starts -----------------------------

# Converts a duration (90, 90s, 2m, 1h) to seconds.
# Usage: seconds_of NAME VALUE
seconds_of() {
    [[ $2 =~ ^([0-9]+)([smh]?)$ ]] ||
        fail "$1 must be a whole number of seconds, minutes or hours (60s, 30m, 1h), not '$2'"
    local amount=$((10#${BASH_REMATCH[1]}))
    case ${BASH_REMATCH[2]} in
        m) echo $((amount * 60)) ;;
        h) echo $((amount * 3600)) ;;
        *) echo "$amount" ;;
    esac
}

duration_seconds=$(seconds_of DURATION "$duration")
warm_up_seconds=$(seconds_of WARM_UP "${WARM_UP:-$((duration_seconds / 10 > 10 ? duration_seconds / 10 : 10))}")
settle_seconds=$(seconds_of SETTLE "$settle")
readonly duration_seconds warm_up_seconds settle_seconds

((duration_seconds >= 20)) || fail "DURATION must be at least 20s, to leave a measured stretch after warm-up; it is ${duration_seconds}s"
((warm_up_seconds < duration_seconds)) ||
    fail "WARM_UP (${warm_up_seconds}s) must be shorter than DURATION (${duration_seconds}s)"
for setting in KEEPALIVE_CONNECTIONS:$keepalive_connections CHURN_RATE:$churn_rate \
    IDLE_CONNECTIONS:$idle_connections IDLE_INTERVAL:$idle_interval SAMPLE_INTERVAL:$sample_interval; do
    [[ ${setting#*:} =~ ^[1-9][0-9]*$ ]] || fail "${setting%%:*} must be a positive integer, not '${setting#*:}'"
done
[[ $keepalive_rate =~ ^[0-9]+$ ]] || fail "KEEPALIVE_RATE must be a whole number of requests a second (0: no limit), not '$keepalive_rate'"
[[ $growth_limit_percent =~ ^[0-9]+(\.[0-9]+)?$ ]] ||
    fail "RSS_GROWTH_LIMIT_PERCENT must be a number, not '$growth_limit_percent'"
[[ -z $reactors || $reactors =~ ^[1-9][0-9]*$ ]] || fail "REACTORS must be a positive integer, not '$reactors'"
((idle_interval < 60)) ||
    fail "IDLE_INTERVAL must stay below the server's 60 s idle timeout, or it closes the idle connections; it is $idle_interval"

# wrk's delay() works in whole milliseconds per connection.
if ((keepalive_rate > 0)); then
    keepalive_delay_ms=$((keepalive_connections * 1000 / keepalive_rate))
    ((keepalive_delay_ms >= 1)) ||
        fail "KEEPALIVE_RATE=$keepalive_rate is above 1000 requests a second per connection; raise KEEPALIVE_CONNECTIONS or set KEEPALIVE_RATE=0 for no limit"
else
    keepalive_delay_ms=0
fi
readonly keepalive_delay_ms

# --- Processes we start, and stopping them whatever happens --------------------

# running_pids (every background process goes in it, so the exit trap can stop
# it, and nothing else is ever signalled), process_is_alive, stop_process,
# pick_free_port.
# shellcheck source=../lib/processes.sh
source "$soak_dir/../lib/processes.sh"
temp_dir=""
stop_everything_on_exit

# Sleeps in the background so that Ctrl-C takes effect at once.
pause() {
    sleep "$1" &
    local pid=$!
    running_pids[$pid]=1
    wait "$pid" || true
    unset 'running_pids[$pid]'
}

# --- Tools and build ------------------------------------------------------------

system_packages=(wrk curl liburing-dev libssl-dev zlib1g-dev pkg-config)
# A python3 of one's own (pyenv, a venv) will do.
command -v python3 >/dev/null || system_packages+=(python3)
"$repo_root/scripts/install-system-packages.sh" "${system_packages[@]}"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' ||
    fail "client.py needs Python 3.10 or later; python3 is $(python3 --version 2>&1)"
command -v swift >/dev/null || fail "swift is not on PATH; install a Swift 6.3 toolchain"

echo "Building Quickstart in release mode..."
(cd "$repo_root" && swift build -c release --product Quickstart) ||
    fail "swift build -c release --product Quickstart failed; the compiler's messages are above"
quickstart_binary="$(cd "$repo_root" && swift build -c release --show-bin-path)/Quickstart"
readonly quickstart_binary
[[ -x $quickstart_binary ]] || fail "swift build succeeded but $quickstart_binary is missing"

temp_dir=$(mktemp -d "${TMPDIR:-/tmp}/asyncweb-soak.XXXXXX")
results_dir="$soak_dir/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results_dir" "$temp_dir/uploads"
readonly results_dir
readonly rss_csv="$results_dir/rss.csv"
echo "RSS samples, client output and the server's log go to $results_dir"

# --- Server ---------------------------------------------------------------------

server_port=$(pick_free_port)
readonly server_port server_log="$results_dir/server.log"
# No access log: hours of traffic would fill the results folder with a line a request.
server_arguments=(--host 127.0.0.1 --port "$server_port" --no-access-log)
if [[ -n $reactors ]]; then
    server_arguments+=(--reactors "$reactors")
fi
# Uploads go to the run's temporary directory, not the system's.
UPLOADS="$temp_dir/uploads" "$quickstart_binary" "${server_arguments[@]}" >"$server_log" 2>&1 &
server_pid=$!
running_pids[$server_pid]=1
readonly server_pid
# shellcheck disable=SC2034  # read by ../lib/processes.sh
readonly server_name="the Quickstart server"

echo "Starting Quickstart on 127.0.0.1:$server_port..."
wait_until_serving

# --- Sampling -------------------------------------------------------------------

clock_ticks_per_second=$(getconf CLK_TCK)
readonly clock_ticks_per_second
traffic_started_us=0

# Appends one CSV row: seconds since the traffic started, phase, the server's
# VmRSS (KiB), open file descriptors (listener, io_uring and connections),
# threads, and user + system CPU seconds so far.
sample() {
    local phase=$1 now_us=${EPOCHREALTIME/./}
    local key value rest rss="" threads="" stat fields
    require_server_alive "exited"
    while read -r key value rest; do
        case $key in
            VmRSS:) rss=$value ;;
            Threads:) threads=$value ;;
        esac
    done <"/proc/$server_pid/status"
    # utime and stime, fields 14 and 15; the command name (field 2) may hold
    # spaces, so split after its closing parenthesis, where field 3 starts.
    stat=$(<"/proc/$server_pid/stat")
    read -r -a fields <<<"${stat##*) }"
    local ticks=$((fields[11] + fields[12])) elapsed_us=$((now_us - traffic_started_us))
    local descriptors=("/proc/$server_pid/fd/"*)
    printf '%d.%02d,%s,%s,%d,%s,%d.%02d\n' \
        $((elapsed_us / 1000000)) $((elapsed_us % 1000000 / 10000)) "$phase" "$rss" "${#descriptors[@]}" "$threads" \
        $((ticks / clock_ticks_per_second)) $((ticks % clock_ticks_per_second * 100 / clock_ticks_per_second)) \
        >>"$rss_csv"
}

# Seconds since the traffic started, whole.
elapsed_seconds() {
    local now_us=${EPOCHREALTIME/./}
    echo $(((now_us - traffic_started_us) / 1000000))
}

# Sleeps until the next multiple of SAMPLE_INTERVAL since the traffic started.
pause_until_next_sample() {
    local now_us=${EPOCHREALTIME/./}
    local interval_us=$((sample_interval * 1000000))
    local wait_us=$((interval_us - (now_us - traffic_started_us) % interval_us))
    pause "$((wait_us / 1000000)).$(printf '%06d' $((wait_us % 1000000)))"
}

# --- Traffic --------------------------------------------------------------------

python3 "$soak_dir/mix.py" lua "127.0.0.1:$server_port" >"$temp_dir/mix-data.lua"

declare -A client_pids=()
client_names=(keep-alive churn idle)

# Starts one client, bounded by `timeout` in case it hangs past DURATION.
# Usage: start_client NAME COMMAND...
start_client() {
    local name=$1
    shift
    timeout --kill-after=5 $((duration_seconds + client_overrun_seconds)) "$@" \
        >"$results_dir/$name.txt" 2>&1 &
    client_pids[$name]=$!
    running_pids[$!]=1
}

echo "Traffic for ${duration_seconds}s (warm-up ${warm_up_seconds}s, RSS every ${sample_interval}s):" \
    "keep-alive $keepalive_connections connections at $( ((keepalive_rate > 0)) && echo "up to $keepalive_rate req/s" || echo "full speed"),"\
    "churn $churn_rate connections/s, $idle_connections idle connections"
echo "seconds,phase,rss_kib,fds,threads,cpu_seconds" >"$rss_csv"
traffic_started_us=${EPOCHREALTIME/./}
sample start
start_client keep-alive wrk -t"$keepalive_connections" -c"$keepalive_connections" -d"${duration_seconds}s" --timeout 5s \
    -s "$soak_dir/mixed.lua" "http://127.0.0.1:$server_port/" -- "$temp_dir/mix-data.lua" "$keepalive_delay_ms"
start_client churn python3 "$soak_dir/client.py" churn "$server_port" "$duration_seconds" "$churn_rate"
start_client idle python3 "$soak_dir/client.py" idle "$server_port" "$duration_seconds" \
    "$idle_connections" "$idle_interval"

# A client gone well before the end (a Lua or Python error, a refused start)
# would leave a soak of nothing: stop at once.
require_clients_running() {
    local name
    for name in "${client_names[@]}"; do
        process_is_alive "${client_pids[$name]}" ||
            fail "the $name client exited ${1}s into a ${duration_seconds}s run; its output ($results_dir/$name.txt):
$(tail -n 20 "$results_dir/$name.txt")"
    done
}

while (($(elapsed_seconds) < duration_seconds)); do
    pause_until_next_sample
    require_server_alive "died during the run"
    elapsed=$(elapsed_seconds)
    if ((elapsed < duration_seconds - sample_interval)); then
        require_clients_running "$elapsed"
    fi
    if ((elapsed < warm_up_seconds)); then
        sample warm-up
    elif ((elapsed < duration_seconds)); then
        sample load
    fi
done

declare -A client_status=()
for name in "${client_names[@]}"; do
    status=0
    wait "${client_pids[$name]}" || status=$?
    unset 'running_pids[${client_pids[$name]}]'
    client_status[$name]=$status
done
require_server_alive "died during the run"
# The RSS at the end of the traffic, when every client has finished.
sample load

echo "Traffic done; sampling RSS for ${settle_seconds}s more with no traffic..."
while (($(elapsed_seconds) < duration_seconds + settle_seconds)); do
    pause_until_next_sample
    require_server_alive "died after the traffic"
    sample settle
done

stop_process "$server_pid"
server_exit_status=$stopped_process_status

# --- Report ---------------------------------------------------------------------

# The "soak NAME COUNT" lines a client printed last.
declare -A counts=()
for name in "${client_names[@]}"; do
    while read -r _ key value; do
        counts[$name/$key]=$value
    done < <(grep -E '^soak [a-z_]+ [0-9]+$' "$results_dir/$name.txt" || true)
done

problems=()
declare -A requests=() errors=() error_details=()
for name in "${client_names[@]}"; do
    [[ -n ${counts[$name/requests]:-} ]] ||
        problems+=("the $name client printed no counts; see $results_dir/$name.txt")
    requests[$name]=${counts[$name/requests]:-0}
    total=0
    details=()
    for key in connect read write timeout closed kept_open lost unexpected; do
        count=${counts[$name/$key]:-0}
        if ((count > 0)); then
            total=$((total + count))
            details+=("$count $key")
        fi
    done
    errors[$name]=$total
    error_details[$name]="${details[*]:-}"
    if ((total > 0)); then
        problems+=("$name: ${details[*]} (first ones in $results_dir/$name.txt)")
    fi
    if ((client_status[$name] != 0)); then
        problems+=("the $name client exited with status ${client_status[$name]}; see $results_dir/$name.txt")
    fi
done
if ((server_exit_status != 0)); then
    problems+=("the server exited with status $server_exit_status after SIGTERM rather than shutting down cleanly; see $server_log")
fi

# RSS after warm-up (the first load sample), peak, at the end of the traffic
# (the last load sample) and after settling; growth after warm-up, and its
# trend (least squares) over all the load samples and over those of the
# second half, which says whether RSS still grew at the end; fds at the same
# points; the server's CPU use over the traffic.
IFS=, read -r warm_rss peak_rss end_rss settled_rss growth_kib growth_percent trend_kib_per_minute \
    late_trend_kib_per_minute warm_fds end_fds settled_fds cpu_percent < <(
    awk -F, -v duration="$duration_seconds" '
        # KiB a minute, fitted to the load samples from second "from" on.
        function trend(from,    i, n, sx, sy, sxx, sxy) {
            for (i = 1; i <= count; i++) {
                if (at[i] < from) continue
                n++; sx += at[i]; sy += rss[i]; sxx += at[i] * at[i]; sxy += at[i] * rss[i]
            }
            return (n > 1 && n * sxx != sx * sx) ? (n * sxy - sx * sy) / (n * sxx - sx * sx) * 60 : 0
        }
        NR == 1 { next }
        $2 == "start" { start_cpu = $6 }
        $3 > peak { peak = $3 }
        $2 == "load" {
            if (!warm) { warm = $3; warm_fds = $4 }
            end_rss = $3; end_fds = $4; end_cpu = $6
            count++; at[count] = $1; rss[count] = $3
        }
        $2 == "settle" { settled = $3; settled_fds = $4 }
        END {
            printf "%d,%d,%d,%s,%d,%.1f,%.0f,%.0f,%d,%d,%s,%.0f\n", warm, peak, end_rss, settled == "" ? "n/a" : settled,
                end_rss - warm, warm ? (end_rss - warm) * 100 / warm : 0, trend(0), trend(duration / 2),
                warm_fds, end_fds, settled_fds == "" ? "n/a" : settled_fds, (end_cpu - start_cpu) * 100 / duration
        }' "$rss_csv")
if awk -v growth="$growth_percent" -v limit="$growth_limit_percent" 'BEGIN { exit !(growth > limit) }'; then
    problems+=("RSS grew ${growth_percent}% after warm-up, above the ${growth_limit_percent}% limit (RSS_GROWTH_LIMIT_PERCENT)")
fi

print_report() {
    local index name total_requests=0 total_errors=0
    echo "Quickstart soak: ${duration_seconds}s of traffic, warm-up ${warm_up_seconds}s, server CPU ${cpu_percent}% of one core," \
        "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'))"
    echo
    local descriptions=(
        "keep-alive: wrk, $keepalive_connections connections, $( ((keepalive_rate > 0)) && echo "up to $keepalive_rate req/s" || echo "no rate limit")"
        "churn: a connection a request, $churn_rate/s"
        "idle: $idle_connections connections, a request every ${idle_interval}s"
    )
    printf '%-52s  %10s  %8s  %7s\n' traffic requests "req/s" errors
    for index in "${!client_names[@]}"; do
        name=${client_names[$index]}
        printf '%-52s  %10s  %8.1f  %7s\n' "${descriptions[$index]}" "${requests[$name]}" \
            "$(awk -v requests="${requests[$name]}" -v seconds="$duration_seconds" 'BEGIN { print requests / seconds }')" \
            "${errors[$name]}"
        total_requests=$((total_requests + ${requests[$name]}))
        total_errors=$((total_errors + ${errors[$name]}))
    done
    printf '%-52s  %10s  %8.1f  %7s\n' total "$total_requests" \
        "$(awk -v requests="$total_requests" -v seconds="$duration_seconds" 'BEGIN { print requests / seconds }')" "$total_errors"
    echo "(churn also reset ${counts[churn/aborted]:-0} connections right after sending a request; not counted above)"
    for name in "${client_names[@]}"; do
        if [[ -n ${error_details[$name]} ]]; then
            echo "errors in $name: ${error_details[$name]}"
        fi
    done
    echo
    echo "server RSS (VmRSS):"
    printf '  %-34s %9s KiB   (%s open fds)\n' "after warm-up (${warm_up_seconds}s)" "$warm_rss" "$warm_fds" \
        "at the end of the traffic" "$end_rss" "$end_fds"
    printf '  %-34s %9s KiB\n' "peak" "$peak_rss"
    printf '  %-34s %9s KiB   (%s open fds)\n' "after ${settle_seconds}s without traffic" "$settled_rss" "$settled_fds"
    printf '  %-34s %+9d KiB   (%+.1f%%, limit %s%%)\n' "growth after warm-up" "$growth_kib" "$growth_percent" "$growth_limit_percent"
    printf '  %-34s %+9d KiB a minute\n' "trend after warm-up" "$trend_kib_per_minute" \
        "trend over the second half" "$late_trend_kib_per_minute"
}

echo
print_report | tee "$results_dir/summary.txt"
echo
echo "RSS samples ($rss_csv), client output, the server's log and this summary: $results_dir"

if ((${#problems[@]} > 0)); then
    {
        echo
        echo "!!! the soak failed:"
        printf '!!!   %s\n' "${problems[@]}"
    } | tee -a "$results_dir/summary.txt" >&2
    exit 1
fi
