# Runs on exit: ends what the suite started (by pid or by its own tmux socket) and unmounts.
for pid in ${WRITER_PIDS:-}; do kill -9 "$pid" 2>/dev/null || true; done
if [ -n "${STORM_SOCKET:-}" ]; then
  tmux -L "$STORM_SOCKET" kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$STORM_SOCKET"
fi
if [ -n "${PG_CLUSTER:-}" ]; then bash "$root/scripts/pg-cluster.sh" stop "$PG_CLUSTER" 2>/dev/null || true; fi
if [ -n "${MOUNTED:-}" ]; then umount "$MOUNTED" 2>/dev/null || true; fi
[ -n "${WORK:-}" ] && rm -rf "$WORK"
