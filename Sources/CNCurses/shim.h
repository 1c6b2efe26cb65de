// Helpers for what Swift cannot import from <curses.h>: attribute and mouse
// macros, the ACS line-drawing table, globals that Swift 6 calls unsafe, and
// wcwidth. Everything here is a static inline function or a static const, so
// the module stays a plain system library.
#ifndef STOCKROOM_CNCURSES_SHIM_H
#define STOCKROOM_CNCURSES_SHIM_H

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

#endif
