# Prints a random key storm as tmux batches, one a line:
#   K name...   tmux key names        H hex...   raw bytes (escape sequences, mouse reports)
#   P hex...    a bracketed paste     R w h      a resize
# and the number of keys on the last line as "N count". Variables: keys, seed. Ctrl-C is
# rare and "q" and "y" are left out, so the storm mostly stays in the wizards.
function hex(s,   i, out) {
  out = ""
  for (i = 1; i <= length(s); i++) out = out " " sprintf("%02x", ord[substr(s, i, 1)])
  return out
}
function pick(list, n) { return list[int(rand() * n) + 1] }
BEGIN {
  srand(seed)
  for (i = 0; i < 256; i++) ord[sprintf("%c", i)] = i
  n = split("Up Down Left Right Home End PPage NPage Tab BTab Enter Escape BSpace DC IC Space " \
    "F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 C-a C-b C-d C-e C-f C-g C-h C-j C-k C-l " \
    "C-n C-p C-r C-u C-w C-z Enter Tab Space Down Up Right Left Down Up Tab", names, " ")
  printable = "abcdefghijklmnoprstuvwxzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_/.#:?<>!@%&*()"
  sent = 0
  while (sent < keys) {
    r = rand()
    if (r < 0.002) {
      print "K C-c Left Enter"; sent += 3
    } else if (r < 0.40) {
      line = "K"
      for (j = 0; j < 40; j++) line = line " " pick(names, n)
      print line; sent += 40
    } else if (r < 0.70) {
      line = "H"
      for (j = 0; j < 40; j++) {
        c = substr(printable, int(rand() * length(printable)) + 1, 1)
        line = line hex(c)
      }
      print line; sent += 40
    } else if (r < 0.90) {
      line = "H"
      for (j = 0; j < 20; j++) {
        t = rand()
        if (t < 0.3) {
          s = sprintf("%c[<%d;%d;%d%s", 27, int(rand() * 70), int(rand() * 120), \
            int(rand() * 40), rand() < 0.5 ? "M" : "m")
        } else if (t < 0.5) {
          s = sprintf("%c[M%c%c%c", 27, 32 + int(rand() * 4), 33 + int(rand() * 90), \
            33 + int(rand() * 30))
        } else if (t < 0.8) {
          s = sprintf("%c%s", 27, rand() < 0.5 ? "[" : "O")
          m = int(rand() * 6)
          for (k = 0; k < m; k++) s = s substr("0123456789;~ABCDPQRSHF<>?[", int(rand() * 26) + 1, 1)
        } else {
          s = sprintf("%c", int(rand() * 32))
        }
        line = line hex(s)
      }
      print line; sent += 20
    } else if (r < 0.97) {
      line = "P 1b 5b 32 30 30 7e"
      m = int(rand() * 120)
      for (k = 0; k < m; k++) line = line sprintf(" %02x", rand() < 0.8 ? 32 + int(rand() * 95) : int(rand() * 256))
      print line " 1b 5b 32 30 31 7e"; sent += 1
    } else {
      if (rand() < 0.5) print "R 80 24"
      else print "R " (10 + int(rand() * 190)) " " (3 + int(rand() * 57))
      sent += 1
    }
  }
  print "N " sent
}
