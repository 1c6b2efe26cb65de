#!/usr/bin/env bash
# The fault-injection suite (issue 9): crash points, a kill loop, injected I/O errors, power
# loss, corrupted files, disk full and a read-only data directory, a key storm in tmux,
# command-line fuzzing, hostile text and permissions. Prints its figures at the end.
#
#   bash scripts/fault-suite.sh           the full suite (several minutes)
#   bash scripts/fault-suite.sh --short   the CI tier (about a minute once built)
#   --only SECTION                        one of crash_points kill_loop io_errors swift_suites
#                                         disk_full_and_read_only key_storm hostile_input
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

tier=full
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --short) tier=short ;;
    --only) only=$2; shift ;;
    *) echo "usage: bash scripts/fault-suite.sh [--short] [--only SECTION]" >&2; exit 2 ;;
  esac
  shift
done
if [ "$tier" = full ]; then
  CRASH_RUNS=20; KILLS=1000; IO_MAX=40; CORRUPT=3000; POWER=600; STORM_KEYS=100000; CLI_FUZZ=all
else
  CRASH_RUNS=10; KILLS=150; IO_MAX=12; CORRUPT=1000; POWER=200; STORM_KEYS=5000; CLI_FUZZ=sample
fi

need=()
for pkg in tmux util-linux; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  echo "fault-suite: installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "fault-suite: building"
swift build >/dev/null
swift build --build-tests >/dev/null
B="$root/.build/debug/stockroom"
export SWIFT_BACKTRACE=enable=no
WORK=$(mktemp -d /tmp/stockroom-faults.XXXXXX)
trap 'source "$root/scripts/fault/cleanup.sh"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
failures=0
fail() { echo "fault-suite: FAIL: $*"; failures=$((failures + 1)); }
declare -A figures

# shellcheck source=fault/store.sh
source "$root/scripts/fault/store.sh"
# shellcheck source=fault/storm.sh
source "$root/scripts/fault/storm.sh"

# A small demo store, copied for every run.
TEMPLATE="$WORK/template"
"$B" demo --tokens 300 --data-dir "$TEMPLATE" >/dev/null

for section in crash_points kill_loop io_errors swift_suites disk_full_and_read_only key_storm \
  hostile_input; do
  if [ -z "$only" ] || [ "$only" = "$section" ]; then "$section"; fi
done

echo
echo "fault-suite ($tier) figures"
for name in "crash points passed" "crash runs" "kills survived" "acknowledged in kill loop" \
  "I/O faults injected" "power-loss cases" "corrupted files tried" "keys sent" \
  "storm restarts" "disk-full and read-only checks" "bad command lines" "acknowledged lost"; do
  printf '  %-32s %s\n' "$name" "${figures[$name]:-0}"
done
if [ "$failures" -ne 0 ]; then
  echo "fault-suite: $failures failure(s)"
  exit 1
fi
echo "fault-suite: passed, nothing lost"
