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
# The pane runs sh, whose only child is liseuse.
shell_pid=$(tm display -p -t "$session" '#{pane_pid}')
pid=$(pgrep -P "$shell_pid" 2>/dev/null | head -1)
if [ -z "$pid" ]; then
	fail "no liseuse process under the pane's shell $shell_pid"
else
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
expect_screen "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')" "help screen"
keys Space
expect_screen "$(msg quit)" "help lists q"
keys q
expect_gone "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')"
quit_and_check

# A corrupt state file is ignored, with a word in the status line.
printf 'liseuse-state\t1\npos\tnot-a-number\t0\t0\tx\n' >"$tmpdir/state/liseuse/state"
start 80x24
expect_screen "$(msghead 'state ignored: %s')" "corrupt state"
expect_screen "Kazakhstan" "corrupt state: list"
quit_and_check

# A state that cannot be written is said once, and the program goes on.
: >"$tmpdir/not-a-dir"
start 80x24 XDG_STATE_HOME="$tmpdir/not-a-dir"
expect_screen "Kazakhstan" "unwritable state"
keys Enter
expect_screen "$(msghead 'state not saved: %s')" "unwritable state"
keys Tab j Enter
expect_alive "unwritable state"
quit_and_check
finish
