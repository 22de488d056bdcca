#!/bin/sh
# q restores the shell: the alternate screen is gone and the status is 0;
# SIGTERM and a closed terminal end the program promptly too.
. "$top_srcdir/tests/e2e/lib.sh"

start 80x24
expect_screen "Kazakhstan" "start"
keys q
expect_screen "EXITED 0" "q"
expect_not_now "Kazakhstan" "alternate screen left"

start 80x24
expect_screen "Kazakhstan" "start"
pid=$(pgrep -f -n -x "$LISEUSE --db .*" 2>/dev/null || true)
if [ -n "$pid" ]; then
	kill -TERM "$pid"
	expect_screen "EXITED" "SIGTERM"
	expect_not_now "Kazakhstan" "SIGTERM restores the screen"
fi

# The state was saved and is readable by the next run: the last document
# opens again.
start 80x24
expect_screen "Kazakhstan" "restart"
[ -f "$tmpdir/state/liseuse/state" ] && pass || fail "no state file written"
keys '?'
expect_screen "Aide" "help screen"
expect_screen "quitter" "help lists q"
keys q
expect_gone "Aide de liseuse"
quit_and_check
finish
