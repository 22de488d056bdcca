# man_items.awk - what a man page documents, for tests/man_drift.sh:
# "tag<TAB>SECTION<TAB>SUBSECTION<TAB>PART" for each comma-separated part of
# each .TP tag, and "text<TAB>SECTION<TAB>LINE" for each line, with the font
# and character escapes taken out.
function unescape(s) {
	gsub(/\\f(\[[^]]*\]|\(..|.)/, "", s)
	gsub(/\\-/, "-", s)
	gsub(/\\\(aq/, "'", s)
	gsub(/\\\(ga/, "`", s)
	gsub(/\\\(pc/, "·", s)
	gsub(/\\&/, "", s)
	gsub(/\\~/, " ", s)
	gsub(/\\ /, " ", s)
	gsub(/\\e/, "\\", s)
	return s
}
# The text a line shows: a font macro's arguments joined as troff joins
# them (with spaces for .B and .I, alternating fonts without), else the line.
function shown(line,    macro, rest, args, n, c, q, arg, out, sep, i) {
	if (line !~ /^\./)
		return unescape(line)
	macro = line; sub(/[ \t].*/, "", macro); sub(/^\./, "", macro)
	rest = line; if (!sub(/^[^ \t]+[ \t]+/, "", rest)) rest = ""
	n = 0; arg = ""; q = 0; c = 0
	for (i = 1; i <= length(rest); i++) {
		ch = substr(rest, i, 1)
		if (ch == "\"") { q = !q; c = 1; continue }
		if (!q && (ch == " " || ch == "\t")) {
			if (c) { args[++n] = arg; arg = ""; c = 0 }
			continue
		}
		arg = arg ch; c = 1
	}
	if (c) args[++n] = arg
	sep = (macro == "B" || macro == "I" || macro == "SM" || macro == "SB") ? " " : ""
	if (macro !~ /^(B|I|SM|SB|BR|RB|BI|IB|IR|RI)$/)
		return ""
	out = ""
	for (i = 1; i <= n; i++) out = out (i > 1 ? sep : "") args[i]
	return unescape(out)
}
function title(line) {
	sub(/^\.S[HS][ \t]+/, "", line); gsub(/"/, "", line)
	return unescape(line)
}
BEGIN { section = ""; sub_ = ""; want_tag = 0 }
/^\.\\"/ || /^'\\"/ { next }
/^\.SH/ { section = title($0); sub_ = ""; want_tag = 0; next }
/^\.SS/ { sub_ = title($0); want_tag = 0; next }
/^\.TP/ { want_tag = 1; next }
{
	text = shown($0)
	printf "text\t%s\t%s\n", section, text
	if (want_tag) {
		want_tag = 0
		n = split(text, parts, /, /)
		for (i = 1; i <= n; i++) {
			p = parts[i]; sub(/^ +/, "", p); sub(/ +$/, "", p)
			printf "tag\t%s\t%s\t%s\n", section, sub_, p
		}
	}
}
