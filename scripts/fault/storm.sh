# The hostile-input sections of scripts/fault-suite.sh (sourced): a key storm in tmux against
# each wizard, bad bytes on the command line, and the permission checks as an unprivileged user.

STORM_SOCKET="stockroom-storm-$$-0"
storm_starts=0
storm_target=""
storm() { tmux -L "$STORM_SOCKET" "$@"; }

# A storm failure names the screen and the seed, and how to send the same keys again.
storm_fail() {
  fail "storm: $* [screen $storm_target, seed $STORM_SEED: STORM_SEED=$STORM_SEED" \
    "STORM_TARGETS=$storm_target STORM_PER_TARGET=$storm_per bash scripts/fault-suite.sh" \
    "--only key_storm]"
}

# The storm may commit (Confirm is a key like any other): before each start the data it
# left must verify, then a fresh copy of the demo data keeps every wizard openable.
storm_reset() {
  if [ -f "$STORM_DATA/ledger.jsonl" ]; then
    timeout 60 "$B" verify --data-dir "$STORM_DATA" >/dev/null 2>"$WORK/storm-verify.err" ||
      storm_fail "verify failed on the data it left: $(head -1 "$WORK/storm-verify.err")"
  fi
  rm -rf "$STORM_DATA"
  cp -a "$WORK/storm-pristine" "$STORM_DATA"
}

# Starts stockroom in an 80x24 pane; when it ends, its status, `stty -a` and the
# alternate-screen flag are saved for the checks. The shell ignores SIGINT, SIGQUIT and
# SIGTSTP: storm keys still arriving once stockroom has restored the terminal (ISIG on)
# must not stop `stty` or the shell (stockroom installs its own handlers while it runs).
storm_start() {
  local dir=$1
  storm_reset
  rm -f "$WORK/storm.exit" "$WORK/storm.stty"
  storm kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$STORM_SOCKET"
  # A new server each time: reusing a socket races with the old server's exit.
  storm_starts=$((storm_starts + 1))
  STORM_SOCKET="stockroom-storm-$$-$storm_starts"
  storm -f /dev/null new-session -d -x 80 -y 24 \
    "export LANG=C.UTF-8 TERM=tmux-256color STOCKROOM_NOW=2026-11-22T09:00:00Z; \
     trap '' INT QUIT TSTP; '$B' --data-dir '$dir'; echo \$? > '$WORK/storm.exit.tmp'; \
     stty -a > '$WORK/storm.stty'; mv '$WORK/storm.exit.tmp' '$WORK/storm.exit'; \
     while :; do sleep 1000; done"
}

storm_wait_for() {
  local text=$1 i
  for i in $(seq 1 100); do
    storm capture-pane -p -t 0 2>/dev/null | grep -qF "$text" && return 0
    sleep 0.1
  done
  return 1
}

# Waits until stockroom has read and handled every key sent (its CPU time stops growing for
# a second); returns 1 when it is still busy after `limit` seconds (a hang or a spin).
storm_wait_idle() {
  local limit=$1 pid previous="" now i
  pid=$(pgrep -f "stockroom --data-dir $STORM_DATA" | head -1)
  [ -z "$pid" ] && return 0
  for i in $(seq 1 $((limit * 2))); do
    now=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) || return 0
    if [ "$now" = "$previous" ]; then return 0; fi
    previous=$now
    sleep 0.5
  done
  return 1
}

# Home to a wizard: software (Capacity), mobilepass, hardware (RB-1) of Fabrikam, or scan.
storm_open() {
  local target=$1 i
  storm_wait_for "Choose where to go" || { storm_fail "home screen never came"; return 1; }
  case $target in
    scan)
      storm send-keys -t 0 Down Enter || return 1
      storm_wait_for "Scan" || true
      return 0 ;;
    orders)
      storm send-keys -t 0 3 || return 1
      storm_wait_for "Acting as" || true
      return 0 ;;
    subscriptions)
      storm send-keys -t 0 4 || return 1
      storm_wait_for "of 10" || true
      storm send-keys -t 0 Enter
      storm_wait_for "Installed items" || true
      return 0 ;;
    inventory)
      storm send-keys -t 0 6 || return 1
      storm_wait_for "Inventory" || true
      return 0 ;;
  esac
  storm send-keys -t 0 Enter
  storm_wait_for "6 of 6 accounts" || true
  storm send-keys -t 0 -l Fabrikam
  storm_wait_for "1 of 6 accounts" || true
  storm send-keys -t 0 Enter
  storm_wait_for "Allocation" || true
  local rights=0
  [ "$target" = mobilepass ] && rights=4
  [ "$target" = hardware ] && rights=5
  for i in $(seq 1 $rights); do storm send-keys -t 0 Right; done
  storm send-keys -t 0 Enter
  storm_wait_for "Step 1 of 3" || { storm_fail "the $target wizard did not open"; return 1; }
}

# After stockroom ended: it ended by itself (status 0), the terminal is sane and back on the
# normal screen. Returns 1 on a crash.
storm_check_exit() {
  local status
  status=$(cat "$WORK/storm.exit")
  # 130: a storm Ctrl-C landed after stockroom had restored the terminal, while it exited.
  if [ "$status" != 0 ] && [ "$status" != 130 ]; then
    storm_fail "stockroom ended with status $status"
    storm capture-pane -p -t 0 | tail -5
    return 1
  fi
  if tr ' ;' '\n\n' <"$WORK/storm.stty" | grep -qxE -- '-(icanon|echo|isig|icrnl|opost)'; then
    storm_fail "terminal left insane: $(tr ' ;' '\n\n' <"$WORK/storm.stty" |
      grep -xE -- '-(icanon|echo|isig|icrnl|opost)' | tr '\n' ' ')"
    storm capture-pane -p -t 0 | grep -v '^ *$' | tail -3 | cut -c1-120
  fi
  if [ "$(storm display-message -p -t 0 '#{alternate_on}')" != 0 ]; then
    storm_fail "the alternate screen is still on"
  fi
  if [ "$(storm display-message -p -t 0 '#{mouse_any_flag}')" != 0 ]; then
    storm_fail "mouse reporting is still on"
  fi
  return 0
}

# The storm's keys come from keys.awk seeded per screen from STORM_SEED and the screen's name:
# the same seed sends the same keys to that screen, whichever other screens are stormed.
key_storm() {
  local targets=(hardware software mobilepass scan orders subscriptions inventory) sent=0
  local restarts=0 target
  [ "$tier" = short ] && targets=(hardware scan)
  # STORM_TARGETS narrows the storm to some screens (e.g. "orders inventory").
  [ -n "${STORM_TARGETS:-}" ] && read -r -a targets <<<"$STORM_TARGETS"
  storm_per=$((STORM_KEYS / ${#targets[@]}))
  [ "$tier" = full ] && storm_per=$STORM_KEYS
  [ -n "${STORM_PER_TARGET:-}" ] && storm_per=$STORM_PER_TARGET
  local per=$storm_per
  echo "fault-suite: key storm, $per keys into each of: ${targets[*]}; seed $STORM_SEED"
  echo "  (STORM_SEED=$STORM_SEED STORM_TARGETS=\"${targets[*]}\" STORM_PER_TARGET=$per" \
    "bash scripts/fault-suite.sh --only key_storm sends the same keys)"
  # The full demo data set: every wizard has something to give back.
  local dir="$WORK/storm-data"
  STORM_DATA="$dir"
  "$B" demo --data-dir "$WORK/storm-pristine" >/dev/null
  for target in "${targets[@]}"; do
    storm_target=$target
    storm_start "$dir"
    storm_open "$target" || continue
    local count=0 kind rest batches=0 seed
    seed=$(derive_seed "$STORM_SEED" "$target")
    while read -r kind rest; do
      case "$kind" in
        K) storm send-keys -t 0 $rest 2>/dev/null || true; count=$((count + 40)) ;;
        H | P) storm send-keys -t 0 -H $rest 2>/dev/null || true
          [ "$kind" = P ] && count=$((count + 1)) || count=$((count + $(wc -w <<<"$rest") / 3)) ;;
        R) storm resize-window -t 0 -x ${rest% *} -y ${rest#* } 2>/dev/null || true
          count=$((count + 1)) ;;
        N) ;;
      esac
      batches=$((batches + 1))
      # Every 50 batches the program must catch up within two minutes: no hang, no spin.
      if [ $((batches % 50)) = 0 ] && [ ! -f "$WORK/storm.exit" ] && ! storm_wait_idle 120; then
        storm_fail "stockroom still busy two minutes after $count keys (a hang)"
        break
      fi
      if [ $((batches % 5)) = 0 ] && [ -f "$WORK/storm.exit" ]; then
        storm_check_exit || break
        restarts=$((restarts + 1))
        storm_start "$dir"
        storm_open "$target" || break
      fi
    done < <(awk -v keys="$per" -v seed="$seed" -f "$root/scripts/fault/keys.awk")
    sent=$((sent + per))
    # Drained and still answering: back to 80x24, then Ctrl-C and "y" until it leaves.
    storm resize-window -t 0 -x 80 -y 24 2>/dev/null || true
    storm_wait_idle 120 || storm_fail "stockroom still busy after the $target storm (a hang)"
    local i
    for i in $(seq 1 40); do
      [ -f "$WORK/storm.exit" ] && break
      # The sleeps only space the keys (what is checked comes after the loop): an Escape
      # followed within ESCDELAY (25 ms) by another byte reads as one Alt key or sequence.
      storm send-keys -t 0 Escape 2>/dev/null || true
      sleep 0.1
      storm send-keys -t 0 C-c 2>/dev/null || true
      sleep 0.2
      storm send-keys -t 0 y 2>/dev/null || true
      sleep 0.3
    done
    if [ ! -f "$WORK/storm.exit" ]; then
      storm_fail "stockroom did not leave after the $target storm (a hang)"
      storm capture-pane -p -t 0 2>/dev/null | head -5 | cut -c1-120
      continue
    fi
    storm_check_exit || true
    # A checksum of the keys sent: the same seed gives the same one.
    echo "  $target: $per keys (screen seed $seed, keys cksum" \
      "$(awk -v keys="$per" -v seed="$seed" -f "$root/scripts/fault/keys.awk" | cksum |
        cut -d' ' -f1)), $restarts restarts so far"
  done
  storm kill-server 2>/dev/null || true
  storm_target="after the storm"
  storm_reset
  figures["keys sent"]=$sent
  figures["storm restarts"]=$restarts
}

# Bytes no shell quoting would produce, and the permission checks.
hostile_input() {
  echo "fault-suite: invalid UTF-8 and control bytes on the command line"
  local dir="$WORK/hostile" status out bad=0 arg
  cp -a "$TEMPLATE" "$dir"
  for arg in $'\xff\xfe' $'ACC-\x1b]0;pwned\x07' $'\xc3' $'\x9b2J' $'--quantity=\xff'; do
    set +e
    out=$("$B" deallocate mobilepass --data-dir "$dir" --account "$arg" --quantity "$arg" 2>&1)
    status=$?
    set -e
    if [ "$status" -ne 2 ] || [ "$(printf '%s\n' "$out" | wc -l)" -ne 1 ] ||
      printf '%s' "$out" | grep -q $'\x1b'; then
      fail "bad bytes: status $status: $(printf '%q' "$out")"
      bad=$((bad + 1))
    fi
  done
  figures["bad command lines"]=$((${figures["bad command lines"]:-0} + 5))
  # Root and a working setpriv are needed to act as uid 65534: tried first, skipped visibly.
  if [ "$(id -u)" != 0 ]; then
    skip "permissions as uid 65534" "needs root to switch to uid 65534"
  elif ! command -v setpriv >/dev/null; then
    skip "permissions as uid 65534" "needs setpriv (util-linux)"
  elif ! setpriv --reuid=65534 --regid=65534 --clear-groups true 2>"$WORK/setpriv.err"; then
    skip "permissions as uid 65534" "setpriv failed: $(head -1 "$WORK/setpriv.err")"
  else
    echo "fault-suite: permissions as uid 65534"
    local base="$WORK/perm"
    mkdir -p "$base"
    chmod 755 "$WORK" "$base"
    cp "$B" "$base/stockroom"
    chmod 755 "$base/stockroom"
    chown 65534:65534 "$base"
    local nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    mkdir -m 777 "$base/open"
    chmod 777 "$base/open"
    set +e
    out=$("${nobody[@]}" "$base/stockroom" verify --data-dir "$base/open" 2>&1)
    status=$?
    set -e
    [ "$status" = 4 ] && grep -q "writable by others" <<<"$out" ||
      fail "a data directory writable by others was not refused: $status $out"
    "${nobody[@]}" "$base/stockroom" demo --tokens 300 --data-dir "$base/mine" >/dev/null ||
      fail "demo as uid 65534"
    "${nobody[@]}" "$base/stockroom" deallocate mobilepass --account ACC-0002 --quantity 1 --yes \
      --data-dir "$base/mine" >/dev/null || fail "commit as uid 65534"
    tail -1 "$base/mine/ledger.jsonl" | grep -q '"uid":65534' ||
      fail "the transaction does not record uid 65534"
    [ "$(stat -c %a "$base/mine")" = 700 ] || fail "data directory not 0700"
    [ "$(stat -c %a "$base/mine/ledger.jsonl")" = 600 ] || fail "ledger not 0600"
    chmod 755 "$base/mine"
    "${nobody[@]}" "$base/stockroom" verify --data-dir "$base/mine" >/dev/null 2>&1 || true
    echo "  refused a world-writable directory; files 0600 in a 0700 directory; uid recorded"
  fi
}
