#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each in turn, one at a time, for
# FUZZ_SECONDS seconds (default 60). `make fuzz` calls it.
#
# Usage: Fuzz/run.sh [HARNESS...]      all harnesses when none is named
#        FUZZ_SECONDS=600 Fuzz/run.sh RequestHeadFuzzer
#
# Corpora grow in Fuzz/Corpus/<harness>/ and crashing inputs land in
# Fuzz/Crashes/ (both git-ignored); the checked-in seeds are only read.
# Exits non-zero when a harness found a crash, after running the others.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
all=(RequestHeadFuzzer ChunkedBodyFuzzer MultipartFuzzer CookieFuzzer
     URLEncodedFuzzer JSONFuzzer SessionCookieFuzzer TemplateFuzzer)
harnesses=("${@:-${all[@]}}")

# Release with -enable-testing: the harnesses reach internal parsers through
# `@testable import`, and -O runs about 2.5 times more inputs a second than a
# debug build while keeping Swift's overflow and bounds checks. lld, because
# gold crashes on the sanitized Swift objects.
build=(swift build -c release --package-path Fuzz --scratch-path .build-fuzz
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xswiftc -enable-testing)
"${build[@]}"
bin=$("${build[@]}" --show-bin-path)
# Swift's crash backtracer would catch a trap before libFuzzer, and ASan would
# report a wild read inside the backtracer instead of the trap; off, a trap is
# libFuzzer's "deadly signal", with "arithmetic overflow" (or the like) in its stack.
export SWIFT_BACKTRACE=enable=no

# llhttp's request fixtures, as raw requests, seed the head parser too.
mkdir -p Fuzz/Corpus/llhttp-requests Fuzz/Crashes
python3 - Tests/AsyncWebHTTPTests/Fixtures/llhttp/request-cases.json Fuzz/Corpus/llhttp-requests <<'PY'
import json, sys
for index, case in enumerate(json.load(open(sys.argv[1]))):
    with open(f"{sys.argv[2]}/{index:03}", "wb") as file:
        file.write(case["input"].encode("latin-1"))  # the JSON maps each byte to one code point
PY

failed=()
for harness in "${harnesses[@]}"; do
    seeds=(Fuzz/Seeds/"$harness")
    options=()
    if [[ $harness == RequestHeadFuzzer ]]; then
        seeds+=(Tests/AsyncWebHTTPTests/Fixtures/h2o/seeds Fuzz/Corpus/llhttp-requests)
        options+=(-dict=Fuzz/Dictionaries/http1.dict)
    fi
    mkdir -p Fuzz/Corpus/"$harness"
    echo "== $harness: ${seconds}s" >&2
    if ! "$bin/$harness" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix=Fuzz/Crashes/"$harness"- "${options[@]}" Fuzz/Corpus/"$harness" "${seeds[@]}"; then
        failed+=("$harness")
    fi
done

if (( ${#failed[@]} > 0 )); then
    echo "crashes in: ${failed[*]} (inputs in Fuzz/Crashes/)" >&2
    exit 1
fi
