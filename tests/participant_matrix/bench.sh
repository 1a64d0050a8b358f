#!/bin/sh
# bench.sh — how long the participant matrix takes to lay out and draw,
# and whether that grows linearly.  Not a test: run it by hand,
#
#   tests/participant_matrix/bench.sh build-matrix/briefpack [runs]
#
# For each size it generates a dossier (people in 20 delegations, events
# over five days, each event attended by every 37th person, one delegation
# as a whole, and a host), renders a job holding only the matrix section,
# and reports the best of `runs` user+system CPU times.  The same dossier
# rendered with a 1 x 1 matrix (delegations = ["d0"], events = ["e0"]) is
# the baseline of reading the dossier, loading fonts and writing the PDF;
# the difference is the matrix's own layout and drawing.
set -eu
bin=$(realpath "${1:?usage: bench.sh BRIEFPACK [RUNS]}")
runs=${2:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

gen() { # people events > dossier
	awk -v np="$1" -v ne="$2" -v nd=20 'BEGIN {
		print "version = 1; title = \"Bench\"; timezone = \"+05:00\";"
		printf "delegations = (\n"
		for (k = 0; k < nd; k++)
			printf "%s{ id = \"d%d\"; name = \"Delegation %02d\"; }\n", k ? "," : "", k, k
		printf ");\npeople = (\n"
		for (i = 0; i < np; i++)
			printf "%s{ id = \"p%d\"; name = \"Delegate %04d\"; delegation = \"d%d\";%s }\n",
			       i ? "," : "", i, i, i % nd, i < nd ? " head = true;" : ""
		printf ");\nevents = (\n"
		for (e = 0; e < ne; e++) {
			host = (e * 13) % np
			printf "%s{ id = \"e%d\"; title = \"Session %03d on a subject of some length\"; ", e ? "," : "", e, e
			printf "start = \"2025-10-%02dT%02d:%02d\"; ", 6 + int(e * 5 / ne), 8 + int((e % 30) / 3), (e % 3) * 20
			printf "attendees = ( \"d%d\", { who = \"p%d\"; role = \"host\"; }", e % nd, host
			for (i = e % 37; i < np; i += 37)
				if (i != host)
					printf ", \"p%d\"", i
			printf " ); }\n"
		}
		print ");"
	}'
}

job() { # dossier options orientation > job
	cat <<EOF
version = 1;
document = { title = "Bench"; date = "2025-10-07"; };
page = { size = "A4"; orientation = "$3"; };
theme = { font = "Noto Sans"; size = 9.5; };
data = "$1";
output = { file = "$dir/out.pdf"; };
sections = ( { plugin = "participant_matrix"; $2 } );
EOF
}

cpu() { # job -> best user+sys seconds over $runs
	best=
	for _ in $(seq "$runs"); do
		/usr/bin/time -f "%U %S" -o "$dir/time" "$bin" render "$1" -q >/dev/null 2>&1
		t=$(awk '{ print $1 + $2 }' "$dir/time")
		best=$(echo "$t ${best:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
	done
	echo "$best"
}

printf "%-8s %-8s %-10s %-6s %-9s %-9s %-9s %-12s\n" people events orient pages total_s base_s matrix_s "us/cell"
for size in "500 40" "1000 40" "2000 40" "4000 40" "8000 40" "2000 150"; do
	set -- $size
	gen "$1" "$2" >"$dir/d.cfg"
	for orient in landscape portrait; do
		job "$dir/d.cfg" "" "$orient" >"$dir/full.cfg"
		job "$dir/d.cfg" 'delegations = ["d0"]; events = ["e0"];' "$orient" >"$dir/base.cfg"
		total=$(cpu "$dir/full.cfg")
		pages=$(pdfinfo "$dir/out.pdf" | awk '/^Pages:/ { print $2 }')
		size_kb=$(($(stat -c %s "$dir/out.pdf") / 1024))
		base=$(cpu "$dir/base.cfg")
		echo "$1 $2 $orient $pages $total $base $size_kb" | awk '{
			m = $5 - $6; printf "%-8s %-8s %-10s %-6s %-9.3f %-9.3f %-9.3f %-12.2f %d KB\n",
			$1, $2, $3, $4, $5, $6, m, m * 1e6 / ($1 * $2), $7 }'
	done
done
