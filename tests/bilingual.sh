#!/bin/sh
# bilingual.sh TEST: runs a shell test once per language of the suite,
# French then English (LISEUSE_TEST_LANGS, "fr_FR.UTF-8 en_US.UTF-8" unless
# set): the test sees LANG and LISEUSE_TEST_LANG.  The result is the worst of
# the runs: 99 (hard error), else 1 (failure), else 0, and 77 (skipped) only
# when every run skipped.
test=${1:?usage: bilingual.sh TEST}
shift
worst=77
for lang in ${LISEUSE_TEST_LANGS:-fr_FR.UTF-8 en_US.UTF-8}; do
	echo "=== $test under $lang"
	LANG=$lang LISEUSE_TEST_LANG=$lang ${SHELL:-/bin/sh} "$test" "$@"
	st=$?
	case $st in
	0) [ "$worst" -eq 77 ] && worst=0 ;;
	77) ;;
	99) worst=99 ;;
	*) [ "$worst" -ne 99 ] && worst=1 ;;
	esac
done
exit "$worst"
