#!/bin/sh
# Bookmarks, the outline and copying on the screen: m sets a bookmark that
# survives a restart and a re-import, ' lists them, t shows the outline and
# names the section, y and Y copy through tmux's own clipboard, | pipes
# the document to a command.
. "$top_srcdir/tests/e2e/lib.sh"

E2E_DB="$tmpdir/links.db"
mkdir -p "$tmpdir/texts"
cp "$top_srcdir"/tests/links/*.txt "$tmpdir/texts/"
"$LISEUSE" import --db "$E2E_DB" "$tmpdir"/texts/*.txt >/dev/null ||
	fail "the import of tests/links failed"

# The outline of the Norwegian letter: t, then its paragraph 2.
start 120x24
expect_screen "$(label From 'Danemark')" "start"
keys ':'
type_text "S/2031/100"
keys Enter
expect_screen "$(label From 'Norvège')" "the Norwegian letter"
keys t
expect_screen "$(msgf 'Outline: %zu entries' 14)" "the outline"
expect_screen "   1. L'atelier a réuni des délégations" "a numbered paragraph, indented"
expect_screen "     a) Les listes de contrôle nationales" "a lettered item, indented twice"
expect_screen " $(msg 'Signature: ')(Signé) Ingrid Solberg" "the signature"
expect_screen " Annexe" "the annex"
keys j j j j j Enter
expect_gone "$(msghead 'Outline: %zu entries')"
expect_screen "par. 2 · Compte rendu de" "the status line names the section"

# A bookmark on paragraph 2.
keys m
expect_screen "$(msg "bookmark set (' lists them)")" "m sets a bookmark"
expect_screen "▌ 2. Les participants ont examiné" "the margin marks it"
quit_and_check

# After a restart: ' lists it, Enter opens there.
start 120x24
expect_screen "Date" "restart"
keys "'"
expect_screen "$(msgf 'Bookmarks: %zu' 1)" "the list of bookmarks"
expect_screen "2031-03-03 Lettre — Norvège" "its document"
expect_screen "2. Les participants ont examiné" "its passage"
keys Escape
expect_gone "$(msghead 'Bookmarks: %zu')"
keys "'" Enter
expect_screen "par. 2 · Compte rendu" "Enter opens at the bookmark"
expect_screen "▌ 2. Les participants" "still marked"
quit_and_check
XDG_STATE_HOME="$tmpdir/state" "$LISEUSE" --db "$E2E_DB" signets >"$tmpdir/signets.txt"
checks=$((checks + 1))
grep -q "2. Les participants ont examiné" "$tmpdir/signets.txt" ||
	fail "signets: $(cat "$tmpdir/signets.txt")"

# Re-imported with a paragraph added before it: the bookmark follows the text.
sed 's|^Je vous serais reconnaissant|Un paragraphe ajouté avant les autres.\n\n&|' \
	"$top_srcdir/tests/links/lettre-norvege.txt" >"$tmpdir/texts/lettre-norvege.txt"
"$LISEUSE" import --db "$E2E_DB" "$tmpdir/texts/lettre-norvege.txt" >/dev/null ||
	fail "the re-import failed"
XDG_STATE_HOME="$tmpdir/state" "$LISEUSE" --db "$E2E_DB" signets --format=tsv >"$tmpdir/signets.tsv"
checks=$((checks + 1))
grep -q "lettre-norvege.txt	S/2031/100	.*	2. Les participants" "$tmpdir/signets.tsv" ||
	fail "signets after the re-import: $(cat "$tmpdir/signets.tsv")"
start 120x24
expect_screen "Date" "after the re-import"
keys "'" Enter
expect_screen "▌ 2. Les participants ont examiné" "the bookmark after the re-import"
keys m
expect_screen "$(msg 'bookmark removed')" "m again removes it"
expect_gone "▌"
keys "'"
expect_screen "$(msg 'Bookmarks: none yet (m in a document sets one)' | cut -d' ' -f1-3)" "no bookmark left"
keys q
quit_and_check

# y: a citation of the passage at the top, through tmux's clipboard.
reset_state
tm set-option -g set-clipboard on
sock=$(tm display-message -p '#{socket_path}')
start 120x24 "TMUX=$sock,1,0"
expect_screen "Date" "copy start"
keys ':'
type_text "S/2031/100"
keys Enter t j j j j j Enter
expect_screen "par. 2" "at paragraph 2"
keys y
expect_screen "$(msgnargs 'copied: %s, %zu character' 'copied: %s, %zu characters' 2 "$(msg citation)" 2 | sed 's/2.*//')" "y says what it copied"
want="Lettre, 3 mars 2031, Norvège, S/2031/100, par. 2 : « Les participants ont examiné les mesures de contrôle des exportations. »"
checks=$((checks + 1))
[ "$(tm show-buffer 2>/dev/null)" = "$want" ] || fail "y copied: $(tm show-buffer 2>&1)"
length=$(printf '%s' "$want" | LC_ALL=C.UTF-8 wc -m)
expect_screen "$(msgnargs 'copied: %s, %zu character' 'copied: %s, %zu characters' "$length" "$(msg citation)" "$length")" "and its length"
keys Y
expect_screen "$(msgnargs 'copied: %s, %zu character' 'copied: %s, %zu characters' 2 "$(msg reference)" 2 | sed 's/,.*//')" "Y copies the reference"
checks=$((checks + 1))
case $(tm show-buffer) in
"Lettre datée du 3 mars 2031, adressée au Secrétaire général par le Représentant permanent de la Norvège auprès de l'Organisation des Nations Unies (S/2031/100)") ;;
*) fail "Y copied: $(tm show-buffer)" ;;
esac
quit_and_check

# Where the terminal cannot take it, nothing is sent and the status says so.
tm set-option -g set-clipboard external
tm delete-buffer 2>/dev/null
reset_state
start 120x24 "TMUX=$sock,1,0"
expect_screen "Date" "tmux without set-clipboard"
keys Tab y
expect_screen "$(msgf 'not copied: %s' "$(msg 'tmux does not take it: set -g set-clipboard on')" | sed 's/ set -g.*//')" "tmux's set-clipboard off"
quit_and_check
reset_state
start 120x24 TERM=screen
expect_screen "Date" "a terminal without Ms"
keys Tab y
expect_screen "$(msgf 'not copied: %s' "$(msg 'the terminal does not say it takes a clipboard (terminfo Ms); LISEUSE_CLIPBOARD=osc52 sends anyway')" | sed 's/ (terminfo.*//')" "no Ms"
quit_and_check
tm set-option -g set-clipboard on
reset_state
start 120x24 TERM=screen LISEUSE_CLIPBOARD=osc52
expect_screen "Date" "the override"
keys Tab Y
expect_screen "$(msgnargs 'copied: %s, %zu character' 'copied: %s, %zu characters' 2 "$(msg reference)" 2 | sed 's/,.*//')" "LISEUSE_CLIPBOARD=osc52 sends anyway"
checks=$((checks + 1))
case $(tm show-buffer 2>/dev/null) in
*"(A/86/50 S/2031/300)") ;;
*) fail "the override copied: $(tm show-buffer 2>&1)" ;;
esac
quit_and_check
reset_state
start 120x24 LISEUSE_CLIPBOARD=off
expect_screen "Date" "the override off"
keys Tab y
expect_screen "$(msgf 'not copied: %s' "$(msg 'clipboard turned off by LISEUSE_CLIPBOARD')")" "LISEUSE_CLIPBOARD=off"
quit_and_check

# |: the document as plain text to a command, the screen put away meanwhile.
reset_state
start 120x24
expect_screen "Date" "pipe start"
keys Tab '|'
expect_screen "$(msg 'Pipe to the command: ' | sed 's/ *$//')" "the prompt"
type_text "cat > $tmpdir/piped.txt; echo PIPED"
keys Enter
expect_screen "PIPED" "the command runs on the terminal"
expect_screen "$(msg '
[liseuse] Press Enter to come back.' | tail -n 1)" "and waits"
keys Enter
expect_screen "$(msgf 'document piped to %s' cat)" "back on the screen"
expect_screen "Lettre · Danemark · 2031" "the screen is redrawn"
checks=$((checks + 1))
grep -q "^1. Le Danemark soutient le suivi annuel" "$tmpdir/piped.txt" &&
	grep -q "^(Signé) Lars Nielsen$" "$tmpdir/piped.txt" || fail "piped: $(cat "$tmpdir/piped.txt")"
keys '|'
type_text "false"
keys Enter
expect_screen "$(msg '
[liseuse] Press Enter to come back.' | tail -n 1 | cut -d' ' -f1-2)" "a failing command"
keys Enter
expect_screen "$(msgf '%s: exit status %d' false 1)" "its status"
quit_and_check

# The outline of a bundled document: the Belarus note's annex, numbered
# paragraphs 1 to 9 and lettered items a) to i).
reset_state
E2E_DB=
start 100x34
expect_screen "Kazakhstan" "the bundled snapshot"
keys /
type_text "de:belarus"
expect_screen "1/1 document" "the Belarus note"
keys Enter t
expect_screen "$(msghead 'Outline: %zu entries')" "its outline"
expect_screen " Annexe" "the annex"
expect_screen "   1. Le Séminaire régional sur la mise en œuvre" "paragraph 1"
expect_screen "   9. Parmi les questions qui appellent" "paragraph 9"
expect_screen "     i) Reconduction de la pratique" "item i)"
keys G Enter
expect_gone "$(msghead 'Outline: %zu entries')"
expect_screen "par. 9 · " "the status line names the section at the top"
quit_and_check
finish
