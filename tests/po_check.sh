#!/bin/sh
# po_check.sh - the French catalogue is complete and typeset: every message
# marked in the sources is translated in po/fr.po (none untranslated or
# fuzzy, by msgfmt --statistics), every file that marks messages is in
# po/POTFILES.in, the formats agree (msgfmt -c), and the French follows
# French typography.  When it fails: make update-po, then translate po/fr.po.
. "$top_srcdir/tests/lib.sh"

for tool in xgettext msgmerge msgfmt; do
	command -v $tool >/dev/null 2>&1 || { echo "$tool is missing: install the Debian package gettext" >&2; exit 99; }
done
po="$top_srcdir/po/fr.po"
hint="run 'make update-po' and translate the new entries of po/fr.po"

# Every file that marks messages is read by xgettext.
checks=$((checks + 1))
for f in $(cd "$top_srcdir" && grep -l -E '(^|[^A-Za-z0-9_])(N?_|i18n_ngettext)\("' src/*.c src/*.h); do
	case $f in src/i18n.h) continue ;; esac
	grep -qx "$f" "$top_srcdir/po/POTFILES.in" || fail "$f marks messages but is not in po/POTFILES.in"
done

# The messages of the sources, with the options of po/Makevars.
options=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$top_srcdir/po/Makevars" | sed 's/^XGETTEXT_OPTIONS *= *//; s/\\$//' | tr '\n' ' ')
grep -v '^#' "$top_srcdir/po/POTFILES.in" | grep . >"$tmpdir/files"
# shellcheck disable=SC2086
(cd "$top_srcdir" && xgettext $options --language=C --package-name=liseuse -o "$tmpdir/liseuse.pot" -f "$tmpdir/files") ||
	fail "xgettext failed on the sources"
msgmerge --quiet --no-fuzzy-matching -o "$tmpdir/merged.po" "$po" "$tmpdir/liseuse.pot" || fail "msgmerge failed"

# Complete: only "N translated messages." (no fuzzy, no untranslated).
checks=$((checks + 1))
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmpdir/merged.po" 2>&1)
case $stats in
*untranslated* | *fuzzy*)
	fail "po/fr.po is not complete: $stats; $hint"
	msgattrib --untranslated --no-wrap "$tmpdir/merged.po" | grep '^msgid "..*' | sed 's/^/  untranslated: /' >&2
	msgattrib --only-fuzzy --no-wrap "$tmpdir/merged.po" | grep '^msgid "..*' | sed 's/^/  fuzzy: /' >&2
	;;
*" translated message"*) ;;
*) fail "msgfmt --statistics: $stats" ;;
esac

# The formats agree with the English (msgfmt -c).
checks=$((checks + 1))
msgfmt -c -o /dev/null "$po" 2>"$tmpdir/err" || fail "msgfmt -c po/fr.po: $(head -5 "$tmpdir/err")"

# French typography.
checks=$((checks + 1))
perl "$top_srcdir/tests/po_tool.pl" typography "$po" >"$tmpdir/typo" || fail "French typography in po/fr.po:
$(cat "$tmpdir/typo")"

# The test can fail: an entry left untranslated is caught.
checks=$((checks + 1))
printf '\nmsgid "a message nobody translated"\nmsgstr ""\n' >>"$tmpdir/merged.po"
case $(LC_ALL=C msgfmt --statistics -o /dev/null "$tmpdir/merged.po" 2>&1) in
*"1 untranslated"*) ;;
*) fail "msgfmt --statistics does not count an untranslated message" ;;
esac
printf 'msgid "x"\nmsgstr "Options: oui"\n' >"$tmpdir/bad.po"
perl "$top_srcdir/tests/po_tool.pl" typography "$tmpdir/bad.po" >/dev/null && fail "po_tool.pl typography misses a colon without its space"
# The phrases that must not show in French include a known message.
checks=$((checks + 1))
perl "$top_srcdir/tests/po_tool.pl" english "$po" | grep -qx 'the search failed' ||
	fail "po_tool.pl english does not list 'the search failed'"
finish
