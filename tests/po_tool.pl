#!/usr/bin/perl
# po_tool.pl - reads a PO file for the tests.
#   po_tool.pl typography FR.PO   lists the French msgstrs that break French
#                                 typography (exit 1 when there are any)
#   po_tool.pl english PO         prints, one a line, the English phrases of
#                                 the msgids that their translation does not
#                                 contain: none of them may show in French
use strict;
use warnings;
use utf8;
binmode STDOUT, ':encoding(UTF-8)';

my ($mode, $file) = @ARGV;
die "usage: po_tool.pl typography|english FILE\n" unless $mode && $file;
open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!\n";

# Entries as [msgid, [msgstr...], line, fuzzy].
my (@entries, $cur, $field, $fuzzy);
my $line = 0;
sub unquote { my $s = shift; $s =~ s/\\(.)/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1/ge; $s }
sub flush { push @entries, $cur if $cur && defined $cur->{id}; $cur = undef; }
while (<$fh>) {
	$line++;
	chomp;
	if (/^#,.*\bfuzzy\b/) { flush(); $fuzzy = 1; next; }
	if (/^#~/ || /^\s*$/) { flush(); $fuzzy = 0 if /^\s*$/; next; }
	next if /^#/;
	if (/^msgid "(.*)"$/) { flush(); $cur = { id => unquote($1), str => [], line => $line, fuzzy => $fuzzy }; $fuzzy = 0; $field = \$cur->{id}; next; }
	if (/^msgid_plural "(.*)"$/) { $cur->{plural} = unquote($1); $field = \$cur->{plural}; next; }
	if (/^msgstr(?:\[\d+\])? "(.*)"$/) { push @{$cur->{str}}, unquote($1); $field = \$cur->{str}[-1]; next; }
	if (/^"(.*)"$/ && $field) { $$field .= unquote($1); next; }
}
flush();
@entries = grep { $_->{id} ne '' } @entries;

my $directive = qr/%[-#0-9.*]*(?:hh|h|ll|l|z|j|t)?[a-zA-Z%]/;

if ($mode eq 'typography') {
	my $bad = 0;
	for my $e (@entries) {
		for my $s (@{$e->{str}}) {
			next if $s eq '';
			(my $t = $s) =~ s/$directive/\x{1}/g;
			my @why;
			push @why, 'a plain space before : ; ! or ? (a no-break space, U+00A0 or U+202F)' if $t =~ / [:;!?]/;
			push @why, 'no space before ; ! or ? (a narrow no-break space, U+202F)' if $t =~ /[[:alpha:]][;!?](?:\s|$)/;
			push @why, 'no space before a colon (a no-break space, U+00A0)' if $t =~ /[[:alpha:])»][:](?:\s|$)/;
			push @why, '« without a no-break space after it' if $t =~ /«(?![\x{a0}\x{202f}])/;
			push @why, '» without a no-break space before it' if $t =~ /(?<![\x{a0}\x{202f}])»/;
			push @why, "English quotes ('...' or \"...\"), « » in French" if $t =~ /'\x{1}'|"\x{1}"/;
			for (@why) {
				(my $show = $s) =~ s/\n/\\n/g;
				print "$file:$e->{line}: $_: \"$show\"\n";
				$bad++;
			}
		}
	}
	exit($bad ? 1 : 0);
} elsif ($mode eq 'english') {
	my %seen;
	for my $e (@entries) {
		my $fr = join("\n", @{$e->{str}});
		next if $fr eq '';
		for my $id ($e->{id}, defined $e->{plural} ? $e->{plural} : ()) {
			for my $chunk (split /$directive|\n|\s{2,}/, $id) {
				$chunk =~ s/^[\s\p{P}]+|[\s\p{P}]+$//g;
				# phrases, not single words: "Date" is English and French
				next unless $chunk =~ /[[:alpha:]]{2,}\s+[[:alpha:]]{2,}/ && length($chunk) >= 10;
				next if index($fr, $chunk) >= 0 || $seen{$chunk}++;
				print "$chunk\n";
			}
		}
	}
	exit 0;
}
die "po_tool.pl: unknown mode '$mode'\n";
