#!/usr/bin/env bash
# The same list work in dialog --buildlist, dialog --checklist, whiptail
# --checklist and Stockroom (its full-width benchmark list) in one run, at
# 10,000 and 100,000 items, each in a pseudo-terminal at 80x24: time to
# appear, peak memory, bytes per Down inside the window and per scrolling
# Down, PgDn; then the ratios to Stockroom, and Stockroom alone at 1,000,000.
#   bash scripts/bench-peers.sh [SIZES...]        (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dialog >/dev/null || ! command -v whiptail >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y dialog whiptail >/dev/null
fi
swift build -c release --product stockroom >/dev/null
bin=.build/release/stockroom
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
work=$(mktemp -d /tmp/stockroom-peers-XXXXXX)
trap 'rm -rf "$work"' EXIT
# The real interpreter: a version-manager shim re-reads huge argument lists.
python=$(python3 -c "import sys; print(sys.executable)")
measure() { "$python" scripts/list-bench.py "$@"; }
results="$work/results.jsonl"
for n in "${sizes[@]}"; do
  # Items as arguments (whiptail takes nothing else), serial-sized tags.
  python3 - "$n" > "$work/items-$n" <<'PY'
import sys
for i in range(int(sys.argv[1])):
    print(f"RB1-{i:08d}\nRB1-{i:08d}\noff")
PY
  mapfile -t items < "$work/items-$n"
  marker="RB1-00000003"
  # dialog reads its items from a file (--file), beyond the argument limit.
  for widget in buildlist checklist; do
    { echo "--$widget \"Pick serials\" 22 78 16"; tr '\n' ' ' < "$work/items-$n"; } \
      > "$work/dialog-$widget-$n"
    measure --name "dialog --$widget $n" --marker "$marker" -- \
      dialog --file "$work/dialog-$widget-$n" >> "$results" || true
  done
  # whiptail cannot start with too many arguments under the default stack
  # limit; a raised limit gives it its best chance.
  ( ulimit -s unlimited 2>/dev/null || true
    measure --name "whiptail --checklist $n" --marker "$marker" -- \
      whiptail --checklist "Pick serials" 22 78 16 "${items[@]}" ) >> "$results" || true
  measure --name "stockroom $n" --marker "$marker" -- "$bin" _bench-list --rows "$n" >> "$results"
done
measure --name "stockroom 1000000" --marker "RB1-00000003" -- \
  "$bin" _bench-list --rows 1000000 >> "$results"
python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
def med(r, k):
    v = r.get(k)
    return v["median"] if isinstance(v, dict) else v
print(f"{'program':32} {'appear ms':>9} {'MiB':>6} {'Down in':>8} {'Down scroll':>11} {'PgDn B':>7} {'CPU/key ms':>10}")
for r in rows:
    cells = [r.get("appear_ms"), r.get("peak_mib"), med(r, "down_inside_bytes"),
             med(r, "down_scrolling_bytes"), med(r, "pgdn_bytes"), r.get("key_cpu_ms")]
    text = ["—" if c is None else f"{c:g}" for c in cells]
    print(f"{r['name']:32} {text[0]:>9} {text[1]:>6} {text[2]:>8} {text[3]:>11} {text[4]:>7} {text[5]:>10}")
print("\nratios (peer / Stockroom at the same size; above 1 means Stockroom is better):")
ours = {r["name"].split()[-1]: r for r in rows if r["name"].startswith("stockroom")}
for r in rows:
    if r["name"].startswith("stockroom"):
        continue
    size = r["name"].split()[-1]
    s = ours.get(size)
    if not s:
        continue
    def ratio(k):
        a, b = med(r, k), med(s, k)
        return "—" if not a or not b else f"{a / b:.1f}x"
    print(f"  {r['name']:30} appear {ratio('appear_ms'):>7}  memory {ratio('peak_mib'):>6}  "
          f"scrolling Down bytes {ratio('down_scrolling_bytes'):>6}  PgDn bytes {ratio('pgdn_bytes'):>6}")
PY
