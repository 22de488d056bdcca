#!/bin/sh
# A FIFO or a device where the state file is: the screen starts without
# waiting for a writer, says which file it refused, and q, SIGTERM and
# SIGHUP end it; the FIFO is left as it was.
. "$top_srcdir/tests/e2e/lib.sh"

fifo="$tmpdir/state/liseuse/state"

# liseuse_pid: the program under the pane's shell.
liseuse_pid() {
	shell_pid=$(tm display -p -t "$session" '#{pane_pid}')
	pgrep -P "$shell_pid" 2>/dev/null | head -1
}

for how in q TERM HUP; do
	reset_state
	mkdir -p "$tmpdir/state/liseuse"
	mkfifo "$fifo"
	start 80x24
	expect_screen "Kazakhstan" "FIFO state ($how): first draw"
	# (the status line cuts the message at 80 columns)
	expect_screen "$(msgf '%s: not a regular file' "$fifo" | cut -c1-55)" "FIFO state ($how): named"
	if [ "$how" = q ]; then
		keys Escape q
	else
		pid=$(liseuse_pid)
		[ -n "$pid" ] && kill -"$how" "$pid"
	fi
	expect_screen "EXITED" "FIFO state: $how ends the program"
	[ -p "$fifo" ] && pass || fail "FIFO state ($how): the FIFO was replaced"
done

# A device (through a symbolic link) is refused the same way, and the
# device is not read: /dev/zero would never end a line.
reset_state
mkdir -p "$tmpdir/state/liseuse"
ln -s /dev/zero "$fifo"
start 80x24
expect_screen "Kazakhstan" "device state: first draw"
expect_screen "$(msgf '%s: not a regular file' "$fifo" | cut -c1-55)" "device state: refused"
quit_and_check
[ -L "$fifo" ] && pass || fail "device state: the link was replaced"

# A FIFO given as the snapshot is refused before the screen starts.
mkfifo "$tmpdir/db.fifo"
E2E_DB="$tmpdir/db.fifo" start 80x24
expect_screen "$(msgf '%s: not a regular file' '')" "FIFO snapshot"
expect_screen "EXITED 2" "FIFO snapshot: status"
finish
