# shellcheck shell=bash disable=SC2034  # the scripts that source this read its variables
# Sourced by the benchmark scripts: the table of processes a script started,
# stopping them by PID, a free port for a server, and the TechEmpower server's
# release build. Never signals a process it did not start.
#
# Put every background process in the table as you start it:
#     some-server & running_pids[$!]=1
# and stop them all whatever happens:
#     temp_dir=""; stop_everything_on_exit
# pick_free_port and build_techempower call the script's fail().

readonly process_stop_timeout_seconds=5

# Keyed by PID: the processes still to stop on exit.
declare -A running_pids=()

# The exit status of the process stop_process stopped last.
stopped_process_status=0

# A child that exited stays a zombie until we wait for it, and `kill -0` still
# succeeds on zombies, so ask /proc for its state instead.
process_is_alive() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]]
}

# SIGTERM, then SIGKILL if it is still there after process_stop_timeout_seconds;
# sets stopped_process_status.
stop_process() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + process_stop_timeout_seconds + 1))
    while process_is_alive "$pid" && ((SECONDS < deadline)); do
        sleep 0.1
    done
    if process_is_alive "$pid"; then
        echo "warning: PID $pid ignored SIGTERM for ${process_stop_timeout_seconds}s; sending SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    stopped_process_status=0
    wait "$pid" 2>/dev/null || stopped_process_status=$?
    unset 'running_pids[$pid]'
}

stop_running_processes() {
    local pid
    for pid in "${!running_pids[@]}"; do
        stop_process "$pid"
    done
}

# Ports below Linux's ephemeral range (32768 and up) cannot collide with the
# client ends of the load generators' connections.
pick_free_port() {
    local port attempt
    for attempt in {1..50}; do
        port=$((20000 + RANDOM % 10000))
        # Connection refused means nothing listens there.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    fail "found no free TCP port on 127.0.0.1 in 20000-29999 after $attempt tries"
}

# Stops every process in the table and removes the script's $temp_dir (if set)
# on exit. Exiting from the signal traps runs the EXIT trap; waits on children
# are interruptible, so Ctrl-C takes effect at once rather than after a run.
stop_everything_on_exit() {
    trap 'stop_running_processes; [[ -z $temp_dir ]] || rm -rf "$temp_dir"' EXIT
    trap 'echo "interrupted" >&2; exit 130' INT
    trap 'echo "terminated" >&2; exit 143' TERM
}

# How every Swift server here is built: release mode, with the Swift runtime linked
# into the binary as Vapor's and Hummingbird's deployment templates build theirs (a
# server then calls the runtime directly instead of through the dynamic linker's
# tables, and reads its thread-locals without __tls_get_addr: ~10% less CPU per
# request for AsyncWeb on this VM).
readonly swift_release_build=(-c release --static-swift-stdlib)

# Builds Examples/TechEmpower in release mode and sets techempower_binary to it.
# Reads the script's repo_root.
build_techempower() {
    echo "Building TechEmpower in release mode..."
    (cd "$repo_root" && swift build "${swift_release_build[@]}" --product TechEmpower) ||
        fail "swift build failed; the compiler's messages are above"
    techempower_binary="$(cd "$repo_root" && swift build "${swift_release_build[@]}" --show-bin-path)/TechEmpower"
}

# --- The server under test -----------------------------------------------------
# These read the script's server_pid, server_name, server_port, server_log,
# expected_body and ready_timeout_seconds.
# shellcheck disable=SC2154

describe_server_log() {
    if [[ -s $server_log ]]; then
        echo "its output ($server_log) ends with:"
        tail -n 20 "$server_log"
    else
        echo "it printed nothing ($server_log is empty)"
    fi
}

# Usage: require_server_alive "died during the plaintext run"
require_server_alive() {
    process_is_alive "$server_pid" || fail "$server_name $1; $(describe_server_log)"
}

# Waits until GET PATH answers, from our process and with the expected body.
# Usage: wait_until_serving [PATH [BODY]]   (defaults: / and $expected_body)
wait_until_serving() {
    local path=${1:-/} wanted=${2:-$expected_body}
    local body deadline=$((SECONDS + ready_timeout_seconds))
    until body=$(curl -sS --noproxy "*" --max-time 1 "http://127.0.0.1:$server_port$path" 2>/dev/null); do
        require_server_alive "exited before answering on port $server_port"
        ((SECONDS < deadline)) ||
            fail "$server_name did not answer on http://127.0.0.1:$server_port$path within ${ready_timeout_seconds}s; $(describe_server_log)"
        sleep 0.2
    done
    # Whoever answered might not be our process if it died on a port race.
    require_server_alive "exited right after starting"
    [[ $body == "$wanted" ]] ||
        fail "$server_name answered GET $path with '$body' instead of '$wanted'; is another program on port $server_port?"
}
