#!/usr/bin/env bash
# tests/bench/batch.sh — how much faster `briefpack batch` is than separate
# `render` processes, and whether its memory stays flat.  A benchmark run on
# demand, not a test.
#
#   tests/bench/batch.sh [BUILD_DIR] [N] [ROUNDS]
#       N copies of the Dushanbe example (the full pack) made ROUNDS times
#       both ways: one `batch -j 2`, and N `render` processes two at a time
#       (xargs -P 2, the same parallelism).  Prints each round, the medians
#       (wall and CPU seconds, packs/s) and the ratio.
#   tests/bench/batch.sh --memory [BUILD_DIR] [N] [ONLY]
#       one batch of N packs (sections ONLY, default cover,contents) with
#       the resident memory of the batch and its workers sampled every
#       second: first, largest and last sample.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
mode=speed
if [ "${1:-}" = "--memory" ]; then
	mode=memory
	shift
fi
build=${1:-$here/build}
bin=$build/briefpack
[ -x "$bin" ] || { echo "no $bin: build first (cmake --build $build)" >&2; exit 2; }
job=$here/config/examples/dushanbe-2025/briefing.cfg
visit=$here/config/examples/dushanbe-2025/visit.cfg
work=$(mktemp -d /tmp/bp-bench-batch.XXXXXX)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1759881600

make_dossiers() { # N (shell built-ins only: a cp per file is slow at 10,000)
	mkdir -p "$work/d"
	local text
	text=$(<"$visit")
	for i in $(seq -w 1 "$1"); do printf '%s\n' "$text" >"$work/d/v$i.cfg"; done
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Runs a command; prints "wall cpu" in seconds (cpu: user + sys of it and
# its children).
measure() {
	local t0 t1 c
	t0=$(date +%s.%N)
	/usr/bin/time -o "$work/time" -f '%U %S' "$@" >/dev/null 2>&1 || true
	c=$(tail -1 "$work/time")
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" -v c="$c" 'BEGIN { split(c, u, " "); printf "%.3f %.3f\n", b - a, u[1] + u[2] }'
}

if [ "$mode" = memory ]; then
	n=${2:-10000}
	only=${3:-cover,contents}
	make_dossiers "$n"
	"$bin" batch --job "$job" "$work/d/*.cfg" --only "$only" --out-dir "$work/o" -j 2 -q \
		--report "$work/r.jsonl" &
	pid=$!
	: >"$work/rss"
	while kill -0 "$pid" 2>/dev/null; do
		# The batch and its workers (its children), in kB.
		ps -o rss= --pid "$pid" --ppid "$pid" 2>/dev/null | awk '{ s += $1 } END { if (s) print s }' >>"$work/rss"
		sleep 1
	done
	wait "$pid" || true
	done_n=$(grep -c '"status":"ok"' "$work/r.jsonl" || true)
	echo "memory: $done_n of $n packs ($only), $(wc -l <"$work/rss") samples"
	# The first samples are start-up (fonts, plugins, first packs).
	awk '{ v[NR] = $1; if ($1 > m) m = $1 } END {
		printf "  batch + workers RSS at each tenth of the run (MB):"
		for (t = 1; t <= 10; t++) { i = int(NR * t / 10); if (i < 1) i = 1; printf " %.1f", v[i] / 1024 }
		printf "\n  largest %.1f MB\n", m / 1024 }' "$work/rss"
	exit 0
fi

n=${2:-40}
rounds=${3:-3}
make_dossiers "$n"
: >"$work/batch" && : >"$work/render"
for r in $(seq 1 "$rounds"); do
	rm -rf "$work/o" && mkdir -p "$work/o"
	b=$(measure "$bin" batch --job "$job" "$work/d/*.cfg" --out-dir "$work/o" -j 2 -q --force)
	rm -rf "$work/o" && mkdir -p "$work/o"
	s=$(measure sh -c 'ls "$1"/d/*.cfg | xargs -P 2 -I{} sh -c '\''"$2" render "$3" --data "$4" -o "$1/o/$(basename "$4" .cfg).pdf" -q'\'' _ "$1" "$2" "$3" {}' _ "$work" "$bin" "$job")
	echo "$b" >>"$work/batch"
	echo "$s" >>"$work/render"
	echo "round $r: batch ${b% *} s wall (${b#* } s cpu), render x$n ${s% *} s wall (${s#* } s cpu)"
done
bw=$(cut -d' ' -f1 "$work/batch" | median)
bc=$(cut -d' ' -f2 "$work/batch" | median)
sw=$(cut -d' ' -f1 "$work/render" | median)
sc=$(cut -d' ' -f2 "$work/render" | median)
pages=$(pdfinfo "$work/o/$(ls "$work/o" | head -1)" 2>/dev/null | awk '/^Pages:/ { print $2 }' || echo "?")
awk -v n="$n" -v bw="$bw" -v bc="$bc" -v sw="$sw" -v sc="$sc" -v p="$pages" -v r="$rounds" 'BEGIN {
	printf "%d packs of %s pages, 2 at a time, median of %d rounds:\n", n, p, r
	printf "  batch -j 2:        %7.2f s wall (%6.1f packs/s), %7.2f s cpu (%5.1f ms a pack)\n", bw, n / bw, bc, 1000 * bc / n
	printf "  render processes:  %7.2f s wall (%6.1f packs/s), %7.2f s cpu (%5.1f ms a pack)\n", sw, n / sw, sc, 1000 * sc / n
	printf "  batch is %.1fx faster (wall), %.1fx less cpu\n", sw / bw, sc / bc
}'
