// Helpers for what Swift cannot import from <curses.h>: attribute and mouse
// macros, the ACS line-drawing table, globals that Swift 6 calls unsafe, and
// wcwidth. Everything here is a static inline function or a static const, so
// the module stays a plain system library.
#ifndef STOCKROOM_CNCURSES_SHIM_H
#define STOCKROOM_CNCURSES_SHIM_H

// _DEFAULT_SOURCE keeps glibc's struct field names (ucontext) the same as in
// the Glibc and Dispatch modules; without it, importing CNCurses next to
// Foundation fails with "'_libc_fpstate::cwd' ... is not present".
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>
#include <term.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const unsigned int stockroom_attr_normal = A_NORMAL;
static const unsigned int stockroom_attr_bold = A_BOLD;
static const unsigned int stockroom_attr_dim = A_DIM;
static const unsigned int stockroom_attr_underline = A_UNDERLINE;
static const unsigned int stockroom_attr_reverse = A_REVERSE;
static const unsigned int stockroom_attr_altcharset = A_ALTCHARSET;

static const unsigned long stockroom_button1_pressed = BUTTON1_PRESSED;
static const unsigned long stockroom_button1_released = BUTTON1_RELEASED;
static const unsigned long stockroom_button1_clicked = BUTTON1_CLICKED;
static const unsigned long stockroom_button4_pressed = BUTTON4_PRESSED;
static const unsigned long stockroom_button5_pressed = BUTTON5_PRESSED;
static const unsigned long stockroom_all_mouse_events = ALL_MOUSE_EVENTS;

static inline WINDOW *stockroom_stdscr(void) { return stdscr; }
static inline int stockroom_lines(void) { return LINES; }
static inline int stockroom_cols(void) { return COLS; }

/// The ACS character for a line-drawing glyph name ('q' horizontal, 'x'
/// vertical, 'l' 'k' 'm' 'j' corners, 't' 'u' 'w' 'v' 'n' tees and cross).
static inline chtype stockroom_acs(char name) { return NCURSES_ACS(name); }

static inline int stockroom_wcwidth(wchar_t c) { return wcwidth(c); }

/// The locale's character set, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *stockroom_codeset(void) { return nl_langinfo(CODESET); }

/// Whether the terminal can address the cursor (TERM=dumb cannot).
static inline int stockroom_can_address_cursor(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1;
}

static inline WINDOW *stockroom_curscr(void) { return curscr; }
static inline int stockroom_color_pairs(void) { return COLOR_PAIRS; }

/// Checks a terminal type without starting curses or writing anything:
/// 0 usable, 1 unknown to terminfo, 2 cannot address the cursor (dumb).
static inline int stockroom_probe_terminal(const char *term) {
  int status = 0;
  if (setupterm(term, 1, &status) != OK) { return 1; }
  int usable = stockroom_can_address_cursor();
  TERMINAL *probe = cur_term;
  set_curterm(NULL);
  del_curterm(probe);
  return usable ? 0 : 2;
}

/// Starts curses on standard output and input for `term`; NULL when the
/// terminal type is unknown.
static inline SCREEN *stockroom_newterm(const char *term) {
  FILE *out = fdopen(1, "w");
  FILE *in = fdopen(0, "r");
  if (out == NULL || in == NULL) { return NULL; }
  return newterm(term, out, in);
}

/// Puts one character (with up to four combining marks) at (y, x).
static inline int stockroom_put_wide(WINDOW *win, int y, int x, const wchar_t *text,
                                     attr_t attrs, int pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attrs, (short)pair, NULL) != OK) { return ERR; }
  return mvwadd_wch(win, y, x, &cell);
}

/// Puts one line-drawing character from the ACS table (see stockroom_acs).
static inline int stockroom_put_acs(WINDOW *win, int y, int x, char name, attr_t attrs, int pair) {
  return mvwaddch(win, y, x, NCURSES_ACS(name) | attrs | COLOR_PAIR(pair));
}

/// Puts one plain ASCII character.
static inline int stockroom_put_ascii(WINDOW *win, int y, int x, char c, attr_t attrs, int pair) {
  return mvwaddch(win, y, x, (chtype)(unsigned char)c | attrs | COLOR_PAIR(pair));
}

/// Installs `handler` for `sig` without SA_RESTART, so a blocking read
/// returns; `once` resets to the default action when it runs (for crashes).
static inline int stockroom_set_handler(int sig, void (*handler)(int), int once) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = once ? SA_RESETHAND : 0;
  return sigaction(sig, &action, NULL);
}

static inline int stockroom_set_default_handler(int sig) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  return sigaction(sig, &action, NULL);
}

static inline int stockroom_unblock_signal(int sig) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static const char stockroom_paste_on[] = "\033[?2004h";
static const char stockroom_paste_off[] = "\033[?2004l";

/// Writes straight to fd 1 (async-signal-safe): turns bracketed paste on/off.
static inline void stockroom_bracketed_paste(int on) {
  const char *text = on ? stockroom_paste_on : stockroom_paste_off;
  ssize_t written = write(1, text, sizeof stockroom_paste_on - 1);
  (void)written;
}

#endif
