# Runs on exit: ends what the suite started (by pid or by its own tmux socket) and unmounts.
for pid in ${WRITER_PIDS:-}; do kill -9 "$pid" 2>/dev/null || true; done
[ -n "${STORM_SOCKET:-}" ] && tmux -L "$STORM_SOCKET" kill-server 2>/dev/null || true
if [ -n "${MOUNTED:-}" ]; then umount "$MOUNTED" 2>/dev/null || true; fi
[ -n "${WORK:-}" ] && rm -rf "$WORK"
