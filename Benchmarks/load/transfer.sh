#!/usr/bin/env bash
# Large bodies, one CPU each for server and client (Examples/TechEmpower):
#   - a 1 GiB file downloaded with curl through sendFile, on each I/O backend, against
#     nginx serving the same file (sendfile on), in interleaved rounds;
#   - 1,000 concurrent streamed responses from an async generator (wrk -c1000), ours only:
#     bytes/s and server CPU per MiB.
# Environment: ROUNDS=3, DURATION=8s, SERVER_CPU=0, CLIENT_CPU=1.
set -euo pipefail
export LC_ALL=C

benchmark_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$benchmark_dir/../.." && pwd)
readonly benchmark_dir repo_root
readonly rounds=${ROUNDS:-3}
readonly duration=${DURATION:-8s}
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

"$repo_root/scripts/install-system-packages.sh" wrk curl nginx liburing-dev libssl-dev
nginx_binary=$(command -v nginx || echo /usr/sbin/nginx)
readonly nginx_binary

build_techempower
readonly server_binary=$techempower_binary

temp_dir=$(mktemp -d "${TMPDIR:-/tmp}/asyncweb-transfer.XXXXXX")
results_dir="$benchmark_dir/results/transfer-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results_dir" "$temp_dir/files"
readonly results_dir
file="$temp_dir/files/big.bin"
head -c $((1024 * 1024 * 1024)) /dev/zero >"$file"
readonly file file_bytes=$((1024 * 1024 * 1024))

server_name="" server_log="" server_pid="" server_port=""
# shellcheck disable=SC2034  # read by wait_until_serving
expected_body=""

start_server() {
    server_name=$1
    server_log="$results_dir/$1-server.log"
    server_port=$(pick_free_port)
    case $1 in
        asyncweb-*)
            # shellcheck disable=SC2034
            expected_body='<p>Hello, World!</p>'
            TRANSFER_FILE=$file taskset -c "$server_cpu" "$server_binary" --host 127.0.0.1 --port "$server_port" \
                --reactors 1 --io "${1#asyncweb-}" --no-access-log >"$server_log" 2>&1 &
            ;;
        nginx)
            expected_body='ok'
            mkdir -p "$temp_dir/nginx"
            cat >"$temp_dir/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    client_body_temp_path client_body_temp;
    proxy_temp_path proxy_temp;
    fastcgi_temp_path fastcgi_temp;
    uwsgi_temp_path uwsgi_temp;
    scgi_temp_path scgi_temp;
    server {
        listen 127.0.0.1:$server_port;
        location = / { return 200 "ok"; }
        location = /file { alias $file; default_type application/octet-stream; }
    }
}
CONF
            taskset -c "$server_cpu" "$nginx_binary" -p "$temp_dir/nginx/" -c "$temp_dir/nginx/nginx.conf" \
                -e "$results_dir/nginx-error.log" >"$server_log" 2>&1 &
            ;;
    esac
    server_pid=$!
    running_pids[$server_pid]=1
    wait_until_serving
}

declare -A download_rates=() download_cpu=()

# One download of the whole file; records bytes/s and server CPU seconds per GiB.
download() {
    local ticks_before ticks_after output
    ticks_before=$(cpu_ticks_of "$server_pid")
    output=$(taskset -c "$client_cpu" curl -sS --noproxy "*" -o /dev/null \
        -w '%{http_code} %{size_download} %{speed_download}' "http://127.0.0.1:$server_port/file")
    ticks_after=$(cpu_ticks_of "$server_pid")
    read -r status size rate <<<"$output"
    [[ $status == 200 && $size == "$file_bytes" ]] || fail "$server_name sent status $status and $size bytes, not 200 and $file_bytes"
    download_rates[$server_name]+="$rate "
    download_cpu[$server_name]+="$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", t / hz }') "
}

servers="asyncweb-io_uring asyncweb-epoll nginx"
for ((round = 1; round <= rounds; round++)); do
    for server in $servers; do
        echo "Round $round: $server, 1 GiB download..."
        start_server "$server"
        download
        stop_process "$server_pid"
    done
done

declare -A stream_rates=() stream_cpu=()
for server in asyncweb-io_uring asyncweb-epoll; do
    echo "$server: 1,000 concurrent streamed responses for $duration..."
    start_server "$server"
    ulimit -n 65536 2>/dev/null || true
    output="$results_dir/$server-stream.txt"
    ticks_before=$(cpu_ticks_of "$server_pid")
    taskset -c "$client_cpu" wrk -t1 -c1000 -d"$duration" "http://127.0.0.1:$server_port/stream?chunks=64&size=16384" >"$output" 2>&1 ||
        fail "wrk failed: $(cat "$output")"
    ticks_after=$(cpu_ticks_of "$server_pid")
    stop_process "$server_pid"
    # wrk's own count of bytes read, e.g. "12345 requests in 8.00s, 12.02GB read".
    read_bytes=$(awk '/requests in/ { value = $5; sub(/,$/, "", value); print value }' "$output" |
        awk '/GB$/ { print $1 * 2^30 } /MB$/ { print $1 * 2^20 } /KB$/ { print $1 * 2^10 }' | sed 's/[A-Z]*$//')
    seconds=$(awk '/requests in/ { value = $4; sub(/s,$/, "", value); print value }' "$output")
    stream_rates[$server]=$(awk -v b="$read_bytes" -v s="$seconds" 'BEGIN { printf "%.0f", b / s / 2^20 }')
    stream_cpu[$server]=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v b="$read_bytes" \
        'BEGIN { printf "%.1f", t / hz * 1e6 / (b / 2^20) }')
done

{
    echo "1 GiB download with curl (median of $rounds rounds), server on CPU $server_cpu, curl on CPU $client_cpu:"
    printf '%-17s  %10s  %14s  %9s\n' server "MiB/s" "server cpu s" "vs nginx"
    nginx_rate=$(median "${download_rates[nginx]}")
    for server in $servers; do
        rate=$(median "${download_rates[$server]}")
        printf '%-17s  %10.0f  %14s  %8.2fx\n' "$server" "$(awk -v r="$rate" 'BEGIN { print r / 2^20 }')" \
            "$(median "${download_cpu[$server]}")" "$(awk -v r="$rate" -v n="$nginx_rate" 'BEGIN { print r / n }')"
    done
    echo
    echo "1,000 concurrent streamed responses of 1 MiB (64 chunks of 16 KiB from an async generator), wrk -c1000, $duration:"
    printf '%-17s  %10s  %16s\n' server "MiB/s" "server cpu µs/MiB"
    for server in asyncweb-io_uring asyncweb-epoll; do
        printf '%-17s  %10s  %15s\n' "$server" "${stream_rates[$server]}" "${stream_cpu[$server]}"
    done
} | tee "$results_dir/summary.txt"
