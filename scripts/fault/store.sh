# The store's fault sections of scripts/fault-suite.sh (sourced; uses B, WORK, TEMPLATE, fail,
# figures and the tier's counts).

# Checks a data directory against a log of "ack KEY TRANSACTION-ID" lines: every acknowledged
# transaction is in the ledger under its ID, no key is there twice, and `stockroom verify`
# passes (every record, the chain, the snapshot and every invariant).
check_acks() {
  local dir=$1 acks=$2 ok=0
  sed -n 's/.*"key":"\([^"]*\)".*"transactionId":"\([^"]*\)".*/\1 \2/p' "$dir/ledger.jsonl" |
    sort >"$WORK/ledger-keys"
  local dups missing
  dups=$(cut -d' ' -f1 "$WORK/ledger-keys" | uniq -d | wc -l)
  if [ "$dups" -ne 0 ]; then fail "$dups keys committed twice in $dir"; ok=1; fi
  awk '$1 == "ack" && NF == 3 && $3 ~ /^T[0-9]+$/ { print $2 " " $3 }' "$acks" | sort -u \
    >"$WORK/acked"
  missing=$(comm -23 "$WORK/acked" "$WORK/ledger-keys" | wc -l)
  if [ "$missing" -ne 0 ]; then fail "$missing acknowledged transactions missing in $dir"; ok=1; fi
  figures["acknowledged lost"]=$((${figures["acknowledged lost"]:-0} + missing))
  if ! timeout 60 "$B" verify --data-dir "$dir" >/dev/null 2>"$WORK/verify.err"; then
    fail "verify failed in $dir: $(head -1 "$WORK/verify.err")"
    ok=1
  fi
  return $ok
}

# STOCKROOM_CRASH_AT at every named point of a commit, a snapshot and an index write (the
# index is written with each snapshot), CRASH_RUNS runs each,
# the crash coming after a random number of arrivals.
crash_points() {
  echo "fault-suite: crash points, $CRASH_RUNS runs each"
  local passed=0 runs=0 point run dir at status ok
  local points=(before-write after-write after-fsync snapshot-tokens snapshot-temp snapshot-renamed index-temp
    index-renamed)
  for point in "${points[@]}"; do
    ok=1
    for run in $(seq 1 "$CRASH_RUNS"); do
      dir="$WORK/crash-$point-$run"
      cp -a "$TEMPLATE" "$dir"
      at=$((RANDOM % 6 + 1))
      set +e
      # In a subshell, so bash's "Aborted" report goes to /dev/null with the rest.
      (STOCKROOM_CRASH_AT="$point:$at" timeout 60 "$B" _commit-test --mode loop --count 40 \
        --key-prefix "c$run" --snapshot-every 3 --data-dir "$dir" >"$dir.acks"
        exit $?) 2>/dev/null
      status=$?
      set -e
      runs=$((runs + 1))
      if [ "$status" -ne 134 ]; then
        fail "crash at $point:$at ended with status $status, not an abort"
        ok=0
      fi
      check_acks "$dir" "$dir.acks" || ok=0
      if ! "$B" _commit-test --mode loop --count 3 --key-prefix "after$run" --data-dir "$dir" \
        >/dev/null 2>&1; then
        fail "no commit possible after a crash at $point"
        ok=0
      fi
      rm -rf "$dir" "$dir.acks"
    done
    [ "$ok" = 1 ] && passed=$((passed + 1))
    echo "  $point: $([ "$ok" = 1 ] && echo passed || echo FAILED)"
  done
  figures["crash points passed"]="$passed of ${#points[@]}"
  figures["crash runs"]=$runs
}

# Several writers committing at once; one SIGKILLed at random every 1-9 ms and restarted.
kill_loop() {
  local writers=4 dir="$WORK/kill" logs="$WORK/kill-logs" kills=0 generation=0 i
  echo "fault-suite: kill loop, $writers writers, $KILLS kills"
  cp -a "$TEMPLATE" "$dir"
  mkdir -p "$logs"
  local -a pids
  start_writer() {
    generation=$((generation + 1))
    "$B" _commit-test --mode loop --count 100000000 --key-prefix "w$1-g$generation" \
      --snapshot-every 40 --data-dir "$dir" >"$logs/w$1-g$generation" 2>/dev/null &
    pids[$1]=$!
    WRITER_PIDS="${pids[*]}"
  }
  for i in $(seq 0 $((writers - 1))); do start_writer "$i"; done
  while [ "$kills" -lt "$KILLS" ]; do
    sleep "0.00$((RANDOM % 9 + 1))"
    i=$((RANDOM % writers))
    kill -9 "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
    kills=$((kills + 1))
    start_writer "$i"
  done
  for i in $(seq 0 $((writers - 1))); do
    kill -9 "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
  WRITER_PIDS=""
  cat "$logs"/* >"$WORK/kill.acks"
  local acked
  acked=$(awk '$1 == "ack" && NF == 3' "$WORK/kill.acks" | wc -l)
  check_acks "$dir" "$WORK/kill.acks" || true
  figures["kills survived"]=$kills
  figures["acknowledged in kill loop"]=$acked
  echo "  $kills kills, $acked acknowledged transactions, $(wc -l <"$dir/ledger.jsonl") records"
}

# STOCKROOM_FAIL_IO: the Nth write (half written, then EIO) or fsync fails, N = 1..IO_MAX.
io_errors() {
  echo "fault-suite: I/O errors, write and fsync N = 1..$IO_MAX"
  local injected=0 op n dir status acked
  for op in write fsync; do
    for n in $(seq 1 "$IO_MAX"); do
      dir="$WORK/io-$op-$n"
      cp -a "$TEMPLATE" "$dir"
      set +e
      STOCKROOM_FAIL_IO="$op:$n" timeout 60 "$B" _commit-test --mode loop --count 60 \
        --key-prefix "io$n" --snapshot-every 5 --data-dir "$dir" >"$dir.acks" 2>"$dir.err"
      status=$?
      set -e
      acked=$(grep -c '^ack ' "$dir.acks" || true)
      if [ "$status" -ne 0 ]; then
        injected=$((injected + 1))
        if [ "$status" -ne 4 ] || ! grep -q "injected $op" "$dir.err"; then
          fail "$op:$n: status $status, message: $(head -1 "$dir.err")"
        fi
        # Nothing half-applied: the round that failed is not in the ledger.
        if grep -q "\"key\":\"io$n-$acked\"" "$dir/ledger.jsonl" && ! grep -q snapshot "$dir.err"; then
          fail "$op:$n: the failed commit io$n-$acked is in the ledger"
        fi
      fi
      check_acks "$dir" "$dir.acks" || true
      if ! "$B" _commit-test --mode loop --count 2 --key-prefix "after$n" --data-dir "$dir" \
        >/dev/null 2>&1; then
        fail "$op:$n: no commit possible afterwards"
      fi
      rm -rf "$dir" "$dir.acks" "$dir.err"
    done
  done
  figures["I/O faults injected"]=$injected
  echo "  $injected failures injected and reported"
}

# The Swift suites of the fault suite: power loss, corrupted files, command-line fuzzing. Their
# random choices come from FUZZ_SEED (STOCKROOM_FUZZ_SEED); each prints it with the command
# that reproduces it.
swift_suites() {
  echo "fault-suite: power loss ($POWER cases), corrupted files ($CORRUPT cases), bad command" \
    "lines; seed $FUZZ_SEED"
  local out="$WORK/swift.out"
  if ! STOCKROOM_POWER_CASES=$POWER STOCKROOM_CORRUPT_CASES=$CORRUPT STOCKROOM_CLI_FUZZ=$CLI_FUZZ \
    STOCKROOM_FUZZ_SEED=$FUZZ_SEED timeout 900 \
    swift test --skip-build \
    --filter 'PowerLossTests|CorruptionFuzzTests|CommandLineFuzzTests|HostileTextTests' \
    >"$out" 2>&1; then
    # The failures, and the seed and command line that reproduce them (on the "↳" lines).
    grep -aE '✘|error|seed [0-9]+ \(reproduce' "$out" | grep -v '^fault-figure:' | head -30
    fail "the Swift fault suites failed (STOCKROOM_FUZZ_SEED=$FUZZ_SEED reproduces their cases)"
  fi
  grep -a '^fault-figure:' "$out" | sed 's/^fault-figure: /  /'
  figures["power-loss cases"]=$(sed -n 's/^fault-figure: power-loss cases \([0-9]*\).*/\1/p' "$out")
  figures["corrupted files tried"]=$(sed -n 's/^fault-figure: corrupted files \([0-9]*\).*/\1/p' "$out")
  figures["bad command lines"]=$(sed -n 's/^fault-figure: bad command lines \([0-9]*\).*/\1/p' "$out")
}

# Disk full on a small tmpfs, then a read-only remount (root: the tests need mounts). Whether
# a tmpfs can be mounted here (root in a container may lack CAP_SYS_ADMIN) is tried first; if
# not, the section is skipped and says so, in the figures too.
disk_full_and_read_only() {
  local probe="$WORK/mount-probe"
  if [ "$(id -u)" != 0 ]; then
    skip "disk full and read-only" "needs root to mount a tmpfs"
    figures["disk-full and read-only checks"]="skipped"
    return
  fi
  mkdir -p "$probe"
  if ! mount -t tmpfs -o size=64k tmpfs "$probe" 2>"$WORK/mount-probe.err"; then
    skip "disk full and read-only" "mount -t tmpfs failed: $(head -1 "$WORK/mount-probe.err")"
    figures["disk-full and read-only checks"]="skipped"
    return
  fi
  umount "$probe"
  echo "fault-suite: disk full on a 1 MiB tmpfs, then read-only"
  local mnt="$WORK/mnt" checks=0 status
  mkdir -p "$mnt"
  mount -t tmpfs -o size=1m tmpfs "$mnt"
  MOUNTED="$mnt"
  cp -a "$TEMPLATE" "$mnt/data"
  dd if=/dev/zero of="$mnt/filler" bs=4k >/dev/null 2>&1 || true
  set +e
  "$B" _commit-test --mode loop --count 500 --key-prefix full --data-dir "$mnt/data" \
    >"$WORK/full.acks" 2>"$WORK/full.err"
  status=$?
  set -e
  if [ "$status" -eq 4 ] && grep -q "No space left on device" "$WORK/full.err"; then
    checks=$((checks + 1))
  else
    fail "disk full: status $status, message: $(head -1 "$WORK/full.err")"
  fi
  timeout 60 "$B" tokens --data-dir "$mnt/data" >/dev/null 2>&1 || fail "disk full: cannot read"
  check_acks "$mnt/data" "$WORK/full.acks" && checks=$((checks + 1))
  rm -f "$mnt/filler"
  "$B" _commit-test --mode loop --count 5 --key-prefix back --data-dir "$mnt/data" \
    >>"$WORK/full.acks" 2>&1 || fail "disk full: no commit once space returned"
  check_acks "$mnt/data" "$WORK/full.acks" && checks=$((checks + 1))

  mount -o remount,ro "$mnt"
  timeout 60 "$B" verify --data-dir "$mnt/data" >/dev/null 2>"$WORK/ro.err" ||
    fail "read-only: verify failed: $(head -1 "$WORK/ro.err")"
  timeout 60 "$B" tokens --data-dir "$mnt/data" >/dev/null 2>"$WORK/ro.err" ||
    fail "read-only: tokens failed: $(head -1 "$WORK/ro.err")"
  set +e
  "$B" _commit-test --mode loop --count 1 --key-prefix ro --data-dir "$mnt/data" \
    >/dev/null 2>"$WORK/ro.err"
  status=$?
  set -e
  if [ "$status" -eq 4 ] && grep -q "read-only" "$WORK/ro.err"; then
    checks=$((checks + 1))
  else
    fail "read-only: status $status, message: $(head -1 "$WORK/ro.err")"
  fi
  echo "  read-only says: $(head -1 "$WORK/ro.err")"
  mount -o remount,rw "$mnt"
  "$B" _commit-test --mode loop --count 2 --key-prefix rw --data-dir "$mnt/data" \
    >>"$WORK/full.acks" 2>&1 || fail "read-only: no commit once writable again"
  check_acks "$mnt/data" "$WORK/full.acks" && checks=$((checks + 1))
  umount "$mnt"
  MOUNTED=""
  figures["disk-full and read-only checks"]="$checks of 5"
  echo "  disk full says: $(head -1 "$WORK/full.err")"
}
