#!/bin/sh
# State-directory faults through the real program: a full disk (a 64 KB
# tmpfs in a private mount namespace, when permitted), a file where the state
# directory should be, a state directory under /proc, a corrupt state file.
# The program still runs, says once that the state is not saved (or was
# ignored), and never truncates the previous state file.
# tests/test_state_faults covers the same faults through state.h.

enospc_note=
if command -v unshare >/dev/null 2>&1; then
	d=$(mktemp -d "${TMPDIR:-/tmp}/liseuse-enospc.XXXXXX")
	if unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$d' 2>/dev/null || exit 77
		exec '$top_builddir/tests/test_state_faults' --enospc '$d'"; then
		enospc_note="ENOSPC on a 64 KB tmpfs: previous state kept"
	else
		st=$?
		[ "$st" -eq 77 ] || { echo "FAIL: the ENOSPC test failed ($st)" >&2; rmdir "$d"; exit 1; }
		enospc_note="ENOSPC skipped (mounting a tmpfs is not permitted here)"
	fi
	rmdir "$d"
fi
echo "${enospc_note:-ENOSPC skipped (no unshare)}"

. "$top_srcdir/tests/e2e/lib.sh"

# A regular file where $XDG_STATE_HOME should be a directory: opening two
# documents says "$(msghead 'state not saved: %s')" once, and the program goes on.
: >"$tmpdir/notadir"
start 100x30 XDG_STATE_HOME="$tmpdir/notadir"
expect_screen "Kazakhstan" "start with an unusable state directory"
keys Enter
expect_screen "$(msghead 'state not saved: %s')" "the first failed save is reported"
keys Escape Tab j Enter
sleep 0.3
expect_not_now "$(msghead 'state not saved: %s')" "the failed save is reported only once"
expect_alive "after failed saves"
quit_and_check
[ -s "$tmpdir/notadir" ] && fail "the file in the way was written" || pass

# The state directory under /proc (read-only even for root).
start 100x30 XDG_STATE_HOME=/proc/liseuse-no-such-dir
expect_screen "Kazakhstan" "start with the state under /proc"
keys Enter
expect_screen "$(msghead 'state not saved: %s')" "/proc: the failed save is reported"
expect_alive "/proc state"
quit_and_check

# A corrupt state file: reported as ignored, the program runs, and the file
# is then replaced whole by a valid one (never truncated or appended to).
mkdir -p "$tmpdir/corrupt/liseuse"
printf 'liseuse-state\t1\nlayout\tside\n\377\376\001garbage' >"$tmpdir/corrupt/liseuse/state"
start 100x30 XDG_STATE_HOME="$tmpdir/corrupt"
expect_screen "$(msghead 'state ignored: %s')" "a corrupt state file is reported"
expect_screen "Kazakhstan" "starts despite a corrupt state file"
keys Enter
quit_and_check
if head -n 1 "$tmpdir/corrupt/liseuse/state" | grep -q "^liseuse-state	1$" &&
	! grep -q garbage "$tmpdir/corrupt/liseuse/state"; then
	pass
else
	fail "the state file after a corrupt one: $(od -c "$tmpdir/corrupt/liseuse/state" | head -5)"
fi
ls "$tmpdir/corrupt/liseuse" | grep -q '\.tmp' && fail "a temporary state file was left" || pass

# A state file that is a directory: ignored with a message, still runs.
mkdir -p "$tmpdir/dirstate/liseuse/state"
start 100x30 XDG_STATE_HOME="$tmpdir/dirstate"
expect_screen "Kazakhstan" "start with a directory as the state file"
expect_alive "directory as state file"
quit_and_check

finish
