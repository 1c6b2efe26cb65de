#!/usr/bin/env python3
"""Runs one list program in a pseudo-terminal (80x24) and measures it.

Prints one JSON line: time until the list appears (first output, then quiet),
peak memory (VmHWM), bytes written for a Down inside the window, a Down that
scrolls, and PgDn (median, min, max), and the CPU time per key.

    python3 scripts/list-bench.py --name NAME --marker TEXT -- COMMAND...
"""
import argparse, fcntl, json, os, pty, select, statistics, struct, termios, time

def read_quiet(fd, quiet=0.12, limit=30.0):
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

def proc_field(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def cpu_ms(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            parts = f.read().rsplit(")", 1)[1].split()
        return (int(parts[11]) + int(parts[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0

def summary(values):
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--marker", required=True, help="text that shows the list is drawn")
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--downs", type=int, default=60)
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    start = time.time()
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM=args.term, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execvpe(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    appeared = None
    marker = args.marker.encode()
    # The list has appeared when the marker is on screen, or, for programs
    # whose curses writes runs of a character with a repeat sequence (so the
    # marker never appears literally), when output goes quiet after a screen.
    last_output = None
    while time.time() - start < 60:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            last_output = time.time()
            if appeared is None and marker in seen:
                appeared = time.time() - start
                seen += read_quiet(fd)
                break
        elif last_output is not None and len(seen) > 500 and time.time() - last_output > 0.3:
            appeared = last_output - start
            break
    def key(seq):
        os.write(fd, seq)
        return len(read_quiet(fd))
    # Keys as the terminal sends them in keypad (application) mode, from
    # terminfo: dialog reads a bare CSI Down as Esc and quits.
    import curses
    curses.setupterm(args.term, fd)
    down = curses.tigetstr("kcud1") or b"\x1b[B"
    page_down = curses.tigetstr("knp") or b"\x1b[6~"
    downs, cpu = [], []
    for _ in range(args.downs):
        before = cpu_ms(pid)
        downs.append(key(down))
        cpu.append(cpu_ms(pid) - before)
    pages = [key(page_down) for _ in range(args.pages)]
    peak = proc_field(pid, "VmHWM:")
    # The first ~18 Downs stay inside the window; the rest scroll.
    inside = [n for n in downs[:10] if n > 0]
    scrolling = downs[25:]
    os.write(fd, b"\x1b")
    read_quiet(fd, quiet=0.3)
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    print(json.dumps({
        "name": args.name,
        "appear_ms": None if appeared is None else round(appeared * 1000, 1),
        "peak_mib": round(peak / 1024, 1),
        "down_inside_bytes": summary(inside),
        "down_scrolling_bytes": summary(scrolling),
        "pgdn_bytes": summary(pages),
        "pgdn_moves": len(set(pages)) > 0 and statistics.median(pages) > 0,
        "key_cpu_ms": round(sum(cpu) / max(1, len(cpu)), 2),
    }))

if __name__ == "__main__":
    main()
