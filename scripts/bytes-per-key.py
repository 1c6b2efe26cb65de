#!/usr/bin/env python3
"""Records what Stockroom writes to its terminal for each key press.

Runs the binary in a pseudo-terminal (80x24 by default), opens the widget
gallery, focuses its 10,000-row table and presses Down and PgDn, counting the
bytes written after each key until the output goes quiet. Prints the median
and the spread for a Down inside the window, a Down that scrolls, and PgDn.

    python3 scripts/bytes-per-key.py [--binary .build/release/stockroom] [--term xterm-256color]
"""
import argparse, os, pty, select, statistics, struct, fcntl, termios, time, tempfile

def read_quiet(fd, quiet=0.15, limit=5.0):
    data = b""
    deadline = time.time() + limit
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/debug/stockroom")
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--width", type=int, default=80)
    ap.add_argument("--height", type=int, default=24)
    ap.add_argument("--keys", type=int, default=60)
    args = ap.parse_args()
    data_dir = tempfile.mkdtemp(prefix="stockroom-bytes-")
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM=args.term, LANG="C.UTF-8", STOCKROOM_NOW="2026-11-22T09:00:00Z")
        os.execvpe(args.binary, [args.binary, "--data-dir", data_dir], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.height, args.width, 0, 0))
    start = read_quiet(fd, quiet=0.5)
    def key(seq):
        os.write(fd, seq)
        return len(read_quiet(fd))
    first_screen = len(start)
    # Open the gallery (first entry), then Tab to its table (fifth stop).
    key(b"\r")
    for _ in range(4):
        key(b"\t")
    down = b"\x1b[B"
    pgdn = b"\x1b[6~"
    inside, scrolling = [], []
    window = args.height - 3 - 2 - 9 - 2  # rough rows visible in the gallery table
    for i in range(args.keys):
        n = key(down)
        (inside if i < window - 2 else scrolling).append(n)
    pages = [key(pgdn) for _ in range(10)]
    os.write(fd, b"\x1b")
    read_quiet(fd)
    os.write(fd, b"q")
    read_quiet(fd)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    def summary(name, values):
        if values:
            print(f"{name:28} median {statistics.median(values):6.0f} B   min {min(values)}  max {max(values)}  (n={len(values)})")
    print(f"first screen                 {first_screen} B  (TERM={args.term}, {args.width}x{args.height})")
    summary("Down inside the window", inside)
    summary("Down that scrolls", scrolling)
    summary("PgDn", pages)

if __name__ == "__main__":
    main()
