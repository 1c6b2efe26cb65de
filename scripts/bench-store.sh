#!/usr/bin/env bash
# Store benchmark: a release build, the demo data set with N tokens (default
# 1,000,000), then open and commit timings with medians and peak memory.
#   bash scripts/bench-store.sh [TOKENS]
set -euo pipefail
cd "$(dirname "$0")/.."
tokens="${1:-1000000}"
swift build -c release --product stockroom >/dev/null
bin=.build/release/stockroom
dir=$(mktemp -d /tmp/stockroom-bench-XXXXXX)
trap 'rm -rf "$dir"' EXIT
echo "demo --tokens $tokens:"
/usr/bin/time -f "  %e s wall, %M KiB peak" "$bin" demo --tokens "$tokens" --data-dir "$dir/data"
echo "open (snapshot):"
/usr/bin/time -f "  %M KiB peak" "$bin" _bench-store --phase open --data-dir "$dir/data"
echo "commit:"
"$bin" _bench-store --phase commit --data-dir "$dir/data"
echo "verify:"
/usr/bin/time -f "  %e s wall, %M KiB peak" "$bin" verify --data-dir "$dir/data"
