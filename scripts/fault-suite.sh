#!/usr/bin/env bash
# The fault-injection suite (issue 9): crash points, a kill loop, injected I/O errors, power
# loss, corrupted files, disk full and a read-only data directory, a key storm in tmux,
# command-line fuzzing, hostile text and permissions; on the PostgreSQL store (issue 16) the
# server stopped and backends ended during commits, and a --key rerun. Prints its figures.
#
#   bash scripts/fault-suite.sh           the full suite (several minutes)
#   bash scripts/fault-suite.sh --short   the CI tier (about a minute once built)
#   --only SECTION                        one of crash_points kill_loop io_errors swift_suites
#                                         disk_full_and_read_only key_storm hostile_input
#                                         postgres_faults
#
# Seeds: FAULT_SEED (random unless given, printed at the start and with any failure) seeds
# every random choice: bash's RANDOM afresh for each section (crash points, kill timing), the
# Swift suites (as STOCKROOM_FUZZ_SEED, unless that is set) and the key storm (as STORM_SEED,
# unless that is set). The same seed sends the same keys and tries the same cases again:
#   FAULT_SEED=N bash scripts/fault-suite.sh --short
#   STORM_SEED=N bash scripts/fault-suite.sh --short --only key_storm
# STORM_TARGETS narrows the storm to some screens and STORM_PER_TARGET sets its keys per screen
# (each screen's keys depend only on STORM_SEED and its name).
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
# A seed for mawk's srand and bash's RANDOM: 1 .. 2^31-1.
random_seed() { echo $(($(od -An -N4 -tu4 /dev/urandom) % 2147483646 + 1)); }
# A seed derived from SEED and a NAME (a section, a screen), so each is reproducible alone.
derive_seed() { echo $((($1 + $(printf '%s' "$2" | cksum | cut -d' ' -f1)) % 2147483646 + 1)); }
for name in FAULT_SEED STORM_SEED STOCKROOM_FUZZ_SEED STORM_PER_TARGET; do
  value=${!name:-}
  if [ -n "$value" ] && ! [[ $value =~ ^[0-9]+$ ]]; then
    echo "fault-suite: $name=$value is not a whole number" >&2
    exit 2
  fi
done
FAULT_SEED=${FAULT_SEED:-$(random_seed)}
STORM_SEED=${STORM_SEED:-$FAULT_SEED}
FUZZ_SEED=${STOCKROOM_FUZZ_SEED:-$FAULT_SEED}
# The command that runs the same cases again (the same seeds, tier and section).
reproduce="FAULT_SEED=$FAULT_SEED"
[ "$STORM_SEED" != "$FAULT_SEED" ] && reproduce+=" STORM_SEED=$STORM_SEED"
[ "$FUZZ_SEED" != "$FAULT_SEED" ] && reproduce+=" STOCKROOM_FUZZ_SEED=$FUZZ_SEED"
[ -n "${STORM_TARGETS:-}" ] && reproduce+=" STORM_TARGETS=\"$STORM_TARGETS\""
[ -n "${STORM_PER_TARGET:-}" ] && reproduce+=" STORM_PER_TARGET=$STORM_PER_TARGET"
reproduce+=" bash scripts/fault-suite.sh"
[ "$tier" = short ] && reproduce+=" --short"
[ -n "$only" ] && reproduce+=" --only $only"
echo "fault-suite: seed $FAULT_SEED (storm $STORM_SEED, Swift suites $FUZZ_SEED): $reproduce"

if [ "$tier" = full ]; then
  CRASH_RUNS=20; KILLS=1000; IO_MAX=40; CORRUPT=3000; POWER=600; STORM_KEYS=100000; CLI_FUZZ=all
  PG_ROUNDS=10; PG_COMMITS=400
else
  CRASH_RUNS=10; KILLS=150; IO_MAX=12; CORRUPT=1000; POWER=200; STORM_KEYS=5000; CLI_FUZZ=sample
  PG_ROUNDS=2; PG_COMMITS=60
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
# Sections or parts that could not run here, with the reason; printed with the figures.
skipped=()
skip() {
  echo "fault-suite: SKIPPED $1 ($2)"
  skipped+=("$1: $2")
}

# shellcheck source=fault/store.sh
source "$root/scripts/fault/store.sh"
# shellcheck source=fault/storm.sh
source "$root/scripts/fault/storm.sh"
# shellcheck source=fault/postgres.sh
source "$root/scripts/fault/postgres.sh"

# A small demo store, copied for every run.
TEMPLATE="$WORK/template"
"$B" demo --tokens 300 --data-dir "$TEMPLATE" >/dev/null

for section in crash_points kill_loop io_errors swift_suites disk_full_and_read_only key_storm \
  hostile_input postgres_faults; do
  if [ -z "$only" ] || [ "$only" = "$section" ]; then
    RANDOM=$(derive_seed "$FAULT_SEED" "$section")
    "$section"
  fi
done

echo
echo "fault-suite ($tier) figures"
for name in "crash points passed" "crash runs" "kills survived" "acknowledged in kill loop" \
  "I/O faults injected" "power-loss cases" "corrupted files tried" "keys sent" \
  "storm restarts" "disk-full and read-only checks" "bad command lines" "postgres stops" \
  "postgres backends ended" "postgres retries by key" "postgres reruns by key" \
  "acknowledged lost"; do
  printf '  %-32s %s\n' "$name" "${figures[$name]:-0}"
done
for line in "${skipped[@]}"; do echo "  skipped: $line"; done
if [ "$failures" -ne 0 ]; then
  echo "fault-suite: $failures failure(s); the same cases again: $reproduce"
  exit 1
fi
if [ ${#skipped[@]} -gt 0 ]; then
  echo "fault-suite: passed, nothing lost (${#skipped[@]} part(s) skipped, named above)"
else
  echo "fault-suite: passed, nothing lost"
fi
