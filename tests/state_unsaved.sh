#!/bin/sh
# A reading state that cannot be saved is said on stderr once the screen
# has closed (the status line said it while the screen was up): a regular
# file where $XDG_STATE_HOME should be a directory.
. "$top_srcdir/tests/e2e/lib.sh"

: >"$tmpdir/notadir"
start 100x30 XDG_STATE_HOME="$tmpdir/notadir"
expect_screen "Kazakhstan" "start with an unusable state directory"
keys Enter
expect_screen "$(msghead 'state not saved: %s')" "the failed save is reported on the screen"
keys Q
expect_screen "EXITED 0" "quit"
expect_screen "$(msgf 'the reading state was not saved: %s' "$tmpdir/notadir/liseuse")" \
	"the unsaved state is reported after the screen closed"

# A state that can be saved: nothing on stderr.
start 100x30
expect_screen "Kazakhstan" "start with a usable state directory"
keys Enter
expect_screen "$(label Organ '')" "a document is open"
keys Q
expect_screen "EXITED 0" "quit"
expect_not_now "$(msghead 'the reading state was not saved: %s')" "no message when the state was saved"

finish
