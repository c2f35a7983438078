#!/usr/bin/env bash
# HTTPS: AsyncWeb's TechEmpower example on each I/O backend against nginx, both with the
# same certificate (ECDSA P-256, made here with openssl) and each on one CPU, wrk on another:
#   - keep-alive: /plaintext over TLS, wrk -c64, every request on an open TLS session;
#   - handshakes: /plaintext with `Connection: close`, so every request is a new TCP
#     connection and a new full TLS handshake (wrk does not resume sessions).
# Servers take turns in each round; figures are medians of the rounds, with CPU µs/request.
# Environment: ROUNDS=3, DURATION=4s, CONNECTIONS=64, SERVER_CPU=0, CLIENT_CPU=1.
set -euo pipefail
export LC_ALL=C

benchmark_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$benchmark_dir/../.." && pwd)
readonly benchmark_dir repo_root
readonly rounds=${ROUNDS:-3}
readonly duration=${DURATION:-4s}
readonly connections=${CONNECTIONS:-64}
readonly server_cpu=${SERVER_CPU:-0}
readonly client_cpu=${CLIENT_CPU:-1}
# shellcheck disable=SC2034  # read by ../lib/processes.sh
readonly ready_timeout_seconds=30

fail() {
    echo "error: $*" >&2
    exit 1
}

# shellcheck source=../lib/processes.sh
source "$benchmark_dir/../lib/processes.sh"
# shellcheck source=../lib/figures.sh
source "$benchmark_dir/../lib/figures.sh"
temp_dir=""
stop_everything_on_exit

"$repo_root/scripts/install-system-packages.sh" wrk curl nginx openssl liburing-dev libssl-dev
nginx_binary=$(command -v nginx || echo /usr/sbin/nginx)
readonly nginx_binary

build_techempower
readonly server_binary=$techempower_binary

temp_dir=$(mktemp -d "${TMPDIR:-/tmp}/asyncweb-tls.XXXXXX")
results_dir="$benchmark_dir/results/tls-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results_dir"
readonly results_dir

# One certificate for both: what differs is the server, not the key or its size.
certificate="$temp_dir/cert.pem" key="$temp_dir/key.pem"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$key" -out "$certificate" 2>/dev/null ||
    fail "openssl could not make the test certificate"
readonly certificate key

server_name="" server_log="" server_pid="" server_port=""

start_server() {
    server_name=$1
    server_log="$results_dir/$1-server.log"
    server_port=$(pick_free_port)
    case $1 in
        asyncweb-*)
            taskset -c "$server_cpu" "$server_binary" --host 127.0.0.1 --port "$server_port" --reactors 1 \
                --io "${1#asyncweb-}" --cert "$certificate" --key "$key" --no-access-log >"$server_log" 2>&1 &
            ;;
        nginx)
            mkdir -p "$temp_dir/nginx"
            # The settings of nginx.conf next to this script, with TLS on the port.
            sed -e "s|listen 127.0.0.1:@PORT@ backlog=1024;|listen 127.0.0.1:$server_port ssl backlog=1024; ssl_certificate $certificate; ssl_certificate_key $key; ssl_protocols TLSv1.2 TLSv1.3;|" \
                "$benchmark_dir/nginx.conf" >"$temp_dir/nginx/nginx.conf"
            grep -q "listen 127.0.0.1:$server_port ssl" "$temp_dir/nginx/nginx.conf" ||
                fail "nginx.conf has no 'listen 127.0.0.1:@PORT@ backlog=1024;' line to turn into a TLS one"
            taskset -c "$server_cpu" "$nginx_binary" -p "$temp_dir/nginx/" -c "$temp_dir/nginx/nginx.conf" \
                -e "$results_dir/nginx-error.log" >"$server_log" 2>&1 &
            ;;
    esac
    server_pid=$!
    running_pids[$server_pid]=1
    local body deadline=$((SECONDS + ready_timeout_seconds))
    until body=$(curl -sS --noproxy "*" --max-time 1 --cacert "$certificate" "https://localhost:$server_port/plaintext" 2>/dev/null); do
        require_server_alive "exited before answering on port $server_port"
        ((SECONDS < deadline)) || fail "$server_name did not answer over https within ${ready_timeout_seconds}s; $(describe_server_log)"
        sleep 0.2
    done
    [[ $body == "Hello, World!" ]] || fail "$server_name answered '$body' instead of 'Hello, World!'"
}

declare -A rates=() cpu=()

# Usage: measure TEST [wrk options...]; records req/s and server CPU µs per request.
measure() {
    local test=$1 output="$results_dir/$server_name-$1-round$round.txt" ticks_before ticks_after requests
    shift
    taskset -c "$client_cpu" wrk -t1 -c"$connections" -d1s "$@" "https://127.0.0.1:$server_port/plaintext" >/dev/null 2>&1 || true
    ticks_before=$(cpu_ticks_of "$server_pid")
    taskset -c "$client_cpu" wrk -t1 -c"$connections" -d"$duration" "$@" "https://127.0.0.1:$server_port/plaintext" >"$output" 2>&1 ||
        fail "wrk failed against $server_name: $(cat "$output")"
    ticks_after=$(cpu_ticks_of "$server_pid")
    require_server_alive "died during the $test run"
    if grep -q "Non-2xx\|Socket errors: connect [1-9]" "$output"; then
        fail "$server_name answered with errors in the $test run: $(cat "$output")"
    fi
    requests=$(awk '/requests in/ { print $1 }' "$output")
    rates[$server_name-$test]+="$(awk '/Requests\/sec/ { print $2 }' "$output") "
    cpu[$server_name-$test]+="$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v r="$requests" \
        'BEGIN { printf "%.2f", t / hz * 1e6 / r }') "
}

servers="asyncweb-io_uring asyncweb-epoll nginx"
for ((round = 1; round <= rounds; round++)); do
    for server in $servers; do
        echo "Round $round: $server, keep-alive and new handshakes over TLS..."
        start_server "$server"
        measure keep-alive
        measure handshakes -H "Connection: close"
        stop_process "$server_pid"
    done
done

{
    echo "HTTPS, /plaintext, wrk -t1 -c$connections for $duration (median of $rounds rounds), server on CPU $server_cpu, wrk on CPU $client_cpu."
    echo "Same ECDSA P-256 certificate for all; TLS 1.3 negotiated."
    printf '%-12s  %-17s  %10s  %11s  %9s\n' test server "req/s" "cpu µs/req" "vs nginx"
    for test in keep-alive handshakes; do
        nginx_rate=$(median "${rates[nginx-$test]}")
        for server in $servers; do
            rate=$(median "${rates[$server-$test]}")
            printf '%-12s  %-17s  %10.0f  %11s  %8.2fx\n' "$test" "$server" "$rate" "$(median "${cpu[$server-$test]}")" \
                "$(awk -v r="$rate" -v n="$nginx_rate" 'BEGIN { print r / n }')"
        done
    done
} | tee "$results_dir/summary.txt"
