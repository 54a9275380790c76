#!/usr/bin/env bash
# Coverage-guided fuzzing of extraction with libFuzzer, for a bounded time.
#   scripts/fuzz.sh [seconds]      (default 60)
# Starts from Tests/Fuzz/seeds (hand-written inputs) and Tests/Fuzz/corpus
# (what earlier runs found). Crashes, hangs (10 s per input) and memory
# blow-ups stop the run and leave the input as crash-*/timeout-*/oom-* in
# the current folder. Afterwards Tests/Fuzz/corpus is replaced by a small
# set of inputs covering everything reached; the test suite replays both
# folders on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
# lld: gold fails with an internal error on the libFuzzer link.
flags=(-c release --scratch-path .build-fuzz --product extraction-fuzz
       -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld)
swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)/extraction-fuzz"
found="$(mktemp -d)"
merged="$(mktemp -d)"
trap 'rm -rf "$found" "$merged"' EXIT
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    "$found" Tests/Fuzz/corpus Tests/Fuzz/seeds
"$bin" -set_cover_merge=1 "$merged" Tests/Fuzz/corpus "$found"
rm -rf Tests/Fuzz/corpus && mkdir -p Tests/Fuzz/corpus && cp "$merged"/. Tests/Fuzz/corpus/ -R
echo "corpus: $(ls Tests/Fuzz/corpus | wc -l) inputs"
