#!/usr/bin/env bash
# tests/bench/run.sh — the benchmark suite (issue 9): builds briefpack in
# Release, renders each dataset, and prints markdown tables: median wall time
# (hyperfine), peak RSS (/usr/bin/time %M: the largest single process),
# pages, PDF bytes, pages per second, a batch of example-size packs, and the
# same figures for the peers' "floor" program (raw Pango + Cairo) on the same
# content, with the ratios.  Run on demand; never part of ctest.
#
#   tests/bench/run.sh                      # everything (about 5 minutes)
#   RUNS=3 DATASETS="example n2000-m40" BATCH=200 tests/bench/run.sh
#
# Environment:
#   RUNS      hyperfine runs per dataset (default 5; the batch uses the same)
#   DATASETS  from: example n200-m40 n2000-m40 n20000-m40 n200-m1000
#   BATCH     packs in the batch row (default 1000; 0 leaves the row out)
#   FLOOR_BATCH  floor processes (two at a time) to compare with (default 200)
#   BUILD     build folder (default build-bench in the source tree)
#   REV       a git revision to build instead of the working tree (e.g.
#             HEAD, when others' uncommitted edits do not compile); it is
#             exported to BUILD-src first
#   PEERS_DIR the peers' harness (default /work/shared/bench/peers, then
#             ../shared/bench/peers); without it the floor columns are n/a
#   PEERS     the other peers to run in this run, on the same content, when
#             their harness is installed in BUILD/peers (default: typst
#             reportlab latex weasyprint; "" for none).  Install it once with
#             `tests/bench/run.sh --install-peers` (apt-get + npm ci of the
#             peers' own install.sh, on a copy: about 2 minutes).
#   PEER_RUNS hyperfine runs per peer and dataset (default 3; WeasyPrint takes
#             about 45 s a run at n2000-m40)
set -uo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-5}
PEERS=${PEERS-typst reportlab latex weasyprint}
PEER_RUNS=${PEER_RUNS:-3}
DATASETS=${DATASETS:-"example n200-m40 n2000-m40 n20000-m40 n200-m1000"}
BATCH=${BATCH:-1000}
BUILD=${BUILD:-$here/build-bench}
peers=${PEERS_DIR:-}
for p in /work/shared/bench/peers "$here/../shared/bench/peers"; do
	[ -z "$peers" ] && [ -f "$p/gen/floor.c" ] && peers=$(cd "$p" && pwd)
done
export SOURCE_DATE_EPOCH=1759795200 # the example's document.date: same bytes every run
export LC_ALL=C.UTF-8
# What turns our full pack into the peers' content (see the floor rows).
# Section 4 is agenda_summary in the example's job and in gen.py's.
PEERS_CONTENT="--skip contents --set sections.[4].attendees=\"none\""

if [ "${1:-}" = --install-peers ]; then # a copy of the harness, installed by its own script
	[ -n "$peers" ] || { echo "run.sh: no peers' harness (set PEERS_DIR)" >&2; exit 2; }
	rm -rf "$BUILD/peers" && mkdir -p "$BUILD" && cp -r "$peers" "$BUILD/peers" && chmod -R u+w "$BUILD/peers" &&
		sh "$BUILD/peers/install.sh" || { echo "run.sh: installing the peers failed" >&2; exit 2; }
	exit 0
fi

need_pkg() { # command package: install Debian's package when the command is missing
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "installing $2" >&2
	apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$2" >/dev/null 2>&1; }
	command -v "$1" >/dev/null 2>&1 || { echo "run.sh: $1 missing (apt-get install $2)" >&2; exit 2; }
}
need_pkg hyperfine hyperfine
need_pkg /usr/bin/time time
need_pkg pdfinfo poppler-utils

# ---- build ------------------------------------------------------------------
src=$here
if [ -n "${REV:-}" ]; then
	src=$BUILD-src
	rm -rf "$src" && mkdir -p "$src"
	git -C "$here" archive "$REV" | tar -x -C "$src" || exit 2
fi
# A build folder configured for another source tree (REV or not) starts afresh.
if [ -f "$BUILD/CMakeCache.txt" ] && ! grep -qx "CMAKE_HOME_DIRECTORY:INTERNAL=$src" "$BUILD/CMakeCache.txt"; then
	rm -rf "$BUILD/CMakeCache.txt" "$BUILD/CMakeFiles"
fi
mkdir -p "$BUILD"
echo "== build ($src, Release) in $BUILD" >&2
cmake -S "$src" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >"$BUILD/build.log" 2>&1 &&
	cmake --build "$BUILD" -j2 --target briefpack >>"$BUILD/build.log" 2>&1 ||
	{ tail -20 "$BUILD/build.log" >&2; echo "run.sh: build failed (log: $BUILD/build.log; REV=HEAD builds the last commit)" >&2; exit 2; }
bin=$BUILD/briefpack
work=$BUILD/bench
rm -rf "$work/out" && mkdir -p "$work/data" "$work/out" "$work/hf"

# ---- data -------------------------------------------------------------------
python3 "$here/tests/bench/gen.py" -o "$work/data" || exit 2
example_job=$here/config/examples/dushanbe-2025/briefing.cfg
shape() { # dataset -> "N M D" for gen/scale.py (must agree with gen.py's DATASETS)
	case $1 in
	n200-m40) echo "200 40 20" ;; n2000-m40) echo "2000 40 40" ;;
	n20000-m40) echo "20000 40 40" ;; n200-m1000) echo "200 1000 20" ;;
	esac
}
floor=
if [ -n "$peers" ]; then
	pkg-config --exists libcjson 2>/dev/null || apt-get install -y -q libcjson-dev >/dev/null 2>&1
	# shellcheck disable=SC2046
	cc -O2 "$peers/gen/floor.c" $(pkg-config --cflags --libs pangocairo libcjson) -o "$work/floor" 2>"$work/floor.log" &&
		floor=$work/floor || echo "run.sh: the floor did not build (see $work/floor.log)" >&2
fi
floor_input() {
	if [ "$1" = example ]; then echo "$peers/data/dushanbe.json"; return; fi
	local f=$work/data/$1.json
	if [ ! -s "$f" ]; then
		read -r n m d < <(shape "$1")
		python3 "$peers/gen/scale.py" --participants "$n" --events "$m" --delegations "$d" --seed 1 -o "$f" || return 1
	fi
	echo "$f"
}

# ---- measuring --------------------------------------------------------------
# measure NAME COMMAND: one run under /usr/bin/time for the peak RSS (it also
# warms the caches), then hyperfine; sets med, min, cpu (mean user + system
# seconds: steadier than wall time on a loaded machine), rss (MiB) or returns 1.
measure() {
	local name=$1 cmd=$2
	if ! /usr/bin/time -f %M -o "$work/rss.txt" sh -c "$cmd" >/dev/null 2>"$work/err.txt"; then
		echo "run.sh: $name failed: $cmd" >&2
		tail -5 "$work/err.txt" >&2
		return 1
	fi
	rss=$(awk 'END { printf "%.0f", $1 / 1024 }' "$work/rss.txt")
	hyperfine --style none --warmup 0 --runs "$RUNS" --export-json "$work/hf/$name.json" "$cmd" >/dev/null 2>&1 || return 1
	read -r med min cpu < <(python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.3f %.3f %.3f" % (r["median"], r["min"], r["user"] + r["system"]))' "$work/hf/$name.json")
}
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=$work/rows.md
cmp=$work/cmp.md
: >"$rows"
: >"$cmp"
declare -A T C RSS B
for ds in $DATASETS; do
	if [ "$ds" = example ]; then job=$example_job; else job=$work/data/$ds-job.cfg; fi
	[ -f "$job" ] || { echo "run.sh: unknown dataset $ds" >&2; continue; }
	out=$work/out/$ds.pdf
	echo "== briefpack $ds" >&2
	if measure "bp-$ds" "'$bin' render '$job' -o '$out' -q"; then
		pages=$(pages_of "$out")
		bytes=$(stat -c %s "$out")
		T[$ds]=$med C[$ds]=$cpu RSS[$ds]=$rss B[$ds]=$bytes
		printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$ds" "$pages" "$med" "$min" "$cpu" "$rss" "$bytes" \
			"$(awk -v p="$pages" -v t="$med" 'BEGIN { printf "%.0f", p / t }')" >>"$rows"
	else
		printf '| %s | FAIL | - | - | - | - | - | - |\n' "$ds" >>"$rows"
		continue
	fi
	[ -n "$floor" ] || continue
	fin=$(floor_input "$ds") || continue
	# The peers' content: what the floor draws (cover, programme, matrix,
	# agenda with topics, outcomes and notes), so no contents page and no
	# attendee lists in the agenda; the same job otherwise.
	pout=$work/out/$ds-peers.pdf
	echo "== briefpack $ds, the peers' content" >&2
	measure "bp-$ds-peers" "'$bin' render '$job' $PEERS_CONTENT -o '$pout' -q" || continue
	k=$ds-peers
	T[$k]=$med C[$k]=$cpu RSS[$k]=$rss B[$k]=$(stat -c %s "$pout")
	fout=$work/out/floor-$ds.pdf
	echo "== floor $ds" >&2
	if measure "floor-$ds" "'$floor' '$fin' '$fout'"; then
		fbytes=$(stat -c %s "$fout")
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | **%s** | %s | %s | %s |\n' "$ds" \
			"${T[$k]}" "$med" "${C[$k]}" "$cpu" "$(pages_of "$pout")" "$(pages_of "$fout")" "${RSS[$k]}" "$rss" \
			"$(ratio "${T[$k]}" "$med")" "$(ratio "${C[$k]}" "$cpu")" "$(ratio "${RSS[$k]}" "$rss")" "$(ratio "${B[$k]}" "$fbytes")" >>"$cmp"
		T[floor-$ds]=$med C[floor-$ds]=$cpu B[floor-$ds]=$fbytes
	fi
done

# ---- the other peers, on the same content, in this run ----------------------
pdir=$BUILD/peers
peer_cmd() { # peer in out -> the peer's whole JSON-to-PDF pipeline (as its run.sh has it)
	case $1 in
	reportlab) echo "/usr/bin/python3 '$pdir/gen/rl.py' '$2' '$3'" ;;
	weasyprint) echo "/usr/bin/python3 '$pdir/gen/weasy.py' '$2' '$3'" ;;
	latex) echo "'$pdir/gen/latex.sh' '$2' '$3'" ;;
	typst) echo "node '$pdir/gen/typst.mjs' '$2' '$3'" ;;
	esac
}
ran_peers=
if [ -n "$PEERS" ] && [ -n "$floor" ] && [ -d "$pdir/node_modules/@myriaddreamin" ]; then
	for ds in $DATASETS; do
		[ -n "${T[floor-$ds]:-}" ] || continue
		case $ds in example | n200-m40 | n2000-m40) ;; *) continue ;; esac # the peers' own datasets
		fin=$(floor_input "$ds") || continue
		for peer in $PEERS; do
			cmd=$(peer_cmd "$peer" "$fin" "$work/out/$peer-$ds.pdf")
			[ -n "$cmd" ] || { echo "run.sh: unknown peer $peer" >&2; continue; }
			echo "== $peer $ds" >&2
			RUNS=$PEER_RUNS measure "$peer-$ds" "$cmd" || continue
			T[$peer-$ds]=$med C[$peer-$ds]=$cpu
			ran_peers="$ran_peers $peer"
		done
	done
elif [ -n "$PEERS" ]; then
	echo "run.sh: the other peers are not installed in $pdir (tests/bench/run.sh --install-peers); only the floor runs" >&2
fi

# ---- batch ------------------------------------------------------------------
batch_row=
if [ "$BATCH" -gt 0 ]; then
	echo "== batch of $BATCH" >&2
	mkdir -p "$work/batch"
	rm -f "$work/batch"/*.cfg
	visit=$(<"$here/config/examples/dushanbe-2025/visit.cfg")
	for i in $(seq -w 1 "$BATCH"); do printf '%s\n' "$visit" >"$work/batch/v$i.cfg"; done
	bout=$work/out/batch
	probe=$("$bin" batch --help 2>&1)
	if [ $? -ne 0 ] && grep -qi 'not available\|unknown command' <<<"$probe"; then
		batch_row="| batch ×$BATCH, -j 2 | n/a: \`briefpack batch\` is not available in this build | | | | | | |"
	# Each run writes into a folder of its own, as a nightly batch does:
	# deleting the last run's PDFs is not the batch's work (and on an ext4
	# without a journal, files made just after many are deleted cost the
	# kernel a scan past every recently freed inode).
	elif mkdir -p "$bout" && measure "bp-batch" "d=\$(mktemp -d '$bout/run.XXXXXX') && '$bin' batch --job '$example_job' '$work/batch/*.cfg' --out-dir \"\$d\" -j 2 -q"; then
		last=$(ls -td "$bout"/run.* | head -1)
		n=$(ls "$last" | wc -l)
		p1=$(pages_of "$(ls -d "$last"/* | head -1)")
		batch_row=$(printf '| batch ×%s, -j 2 (%s PDFs) | %s each | %s | %s | %s | %s | %s a pack | %s (%.0f packs/s) |' \
			"$BATCH" "$n" "$p1" "$med" "$min" "$cpu" "$rss" "$(stat -c %s "$(ls -d "$last"/* | head -1)")" \
			"$(awk -v p="$p1" -v n="$n" -v t="$med" 'BEGIN { printf "%.0f", p * n / t }')" \
			"$(awk -v n="$n" -v t="$med" 'BEGIN { print n / t }')")
		T[batch]=$med C[batch]=$cpu
		if [ -n "$floor" ]; then # the floor has no batch mode: FLOOR_BATCH processes, two at a time
			fb=$work/out/floor-batch fn=${FLOOR_BATCH:-200}
			if mkdir -p "$fb" && measure "floor-batch" "d=\$(mktemp -d '$fb/run.XXXXXX') && seq $fn | xargs -P 2 -I{} '$floor' '$peers/data/dushanbe.json' \"\$d/{}.pdf\""; then
				# per pack, since the two batches may differ in size
				printf '| batch, -j 2, s a pack (%s vs %s packs) | %.4f | %.4f | %.4f | %.4f | | | | | **%s** | %s | | |\n' "$BATCH" "$fn" \
					"$(awk -v t="${T[batch]}" -v n="$BATCH" 'BEGIN { print t / n }')" "$(awk -v t="$med" -v n="$fn" 'BEGIN { print t / n }')" \
					"$(awk -v t="${C[batch]}" -v n="$BATCH" 'BEGIN { print t / n }')" "$(awk -v t="$cpu" -v n="$fn" 'BEGIN { print t / n }')" \
					"$(awk -v a="${T[batch]}" -v n="$BATCH" -v b="$med" -v m="$fn" 'BEGIN { printf "%.2f", (a / n) / (b / m) }')" \
					"$(awk -v a="${C[batch]}" -v n="$BATCH" -v b="$cpu" -v m="$fn" 'BEGIN { printf "%.2f", (a / n) / (b / m) }')" >>"$cmp"
			fi
		fi
	else
		batch_row="| batch ×$BATCH, -j 2 | FAIL | | | | | | |"
	fi
	rm -rf "$bout" "$work/out/floor-batch"
fi

# ---- report -----------------------------------------------------------------
echo
echo "briefpack $("$bin" --version 2>/dev/null | head -1) ($(git -C "$here" describe --always --dirty 2>/dev/null)${REV:+, built from $REV}), $(nproc) cores, load $load_before -> $(cut -d' ' -f1-3 /proc/loadavg); RUNS=$RUNS"
echo
echo '| dataset | pages | median s | min s | CPU s | peak RSS MiB | PDF bytes | pages/s |'
echo '|---|---:|---:|---:|---:|---:|---:|---:|'
cat "$rows"
[ -n "$batch_row" ] && echo "$batch_row"
if [ -s "$cmp" ]; then
	echo
	echo "Against the floor (shared/bench/peers gen/floor.c, measured in this run), on the same content: the floor reads its data/dushanbe.json and gen/scale.py's data; briefpack renders the same facts from our dossiers with \`$PEERS_CONTENT\` (no contents page, no attendee lists in the agenda — the floor draws neither):"
	echo
	echo '| dataset | briefpack s | floor s | bp CPU s | floor CPU s | pages bp | pages floor | RSS bp MiB | RSS floor MiB | time ×floor | CPU ×floor | RSS ×floor | bytes ×floor |'
	echo '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
	cat "$cmp"
fi
if [ -n "$ran_peers" ]; then
	echo
	echo "The peers in this run, on the same content (their harness's commands and data; median wall seconds of $PEER_RUNS runs; ×: the peer's time over briefpack's):"
	echo
	printf '| dataset | briefpack | floor'; for p in $PEERS; do printf ' | %s | ×' "$p"; done; echo ' |'
	printf '|---|---:|---:'; for p in $PEERS; do printf '|---:|---:'; done; echo '|'
	for ds in $DATASETS; do
		[ -n "${T[$ds-peers]:-}" ] || continue
		case $ds in example | n200-m40 | n2000-m40) ;; *) continue ;; esac
		printf '| %s | %s | %s' "$ds" "${T[$ds-peers]}" "${T[floor-$ds]:-n/a}"
		for p in $PEERS; do
			printf ' | %s | %s' "${T[$p-$ds]:-n/a}" "$(awk -v a="${T[$p-$ds]:-}" -v b="${T[$ds-peers]}" 'BEGIN { if (a == "") print "n/a"; else printf "%.1f", a / b }')"
		done
		echo ' |'
	done
fi
# The issue's targets, from this run's figures.
echo
echo '| target (issue 9) | measured | met |'
echo '|---|---|---|'
tgt() { printf '| %s | %s | %s |\n' "$1" "$2" "$(awk "BEGIN { print ($3) ? \"yes\" : \"**no**\" }" 2>/dev/null || echo n/a)"; }
for ds in example n2000-m40; do
	[ -n "${T[floor-$ds]:-}" ] || continue
	k=$ds-peers
	tgt "$ds within 1.2× the floor (wall)" "$(ratio "${T[$k]}" "${T[floor-$ds]}")×" "${T[$k]} <= 1.2 * ${T[floor-$ds]}"
	tgt "$ds within 1.2× the floor (CPU)" "$(ratio "${C[$k]}" "${C[floor-$ds]}")×" "${C[$k]} <= 1.2 * ${C[floor-$ds]}"
done
for ds in $DATASETS; do
	[ -n "${B[floor-$ds]:-}" ] && tgt "$ds PDF no larger than the floor's" "${B[$ds-peers]} vs ${B[floor-$ds]} bytes" "${B[$ds-peers]} <= ${B[floor-$ds]}"
done
[ -n "${T[n20000-m40]:-}" ] && [ -n "${T[n2000-m40]:-}" ] &&
	tgt "n20000-m40 ≤ 11× n2000-m40 (wall; CPU $(ratio "${C[n20000-m40]}" "${C[n2000-m40]}")×)" "$(ratio "${T[n20000-m40]}" "${T[n2000-m40]}")×" "${T[n20000-m40]} <= 11 * ${T[n2000-m40]}"
[ -n "${RSS[example]:-}" ] && tgt "example peak < 40 MB" "${RSS[example]} MiB" "${RSS[example]} * 1.048576 < 40"
[ -n "${RSS[n2000-m40]:-}" ] && tgt "n2000-m40 peak < 120 MB" "${RSS[n2000-m40]} MiB" "${RSS[n2000-m40]} * 1.048576 < 120"
[ -n "${T[typst-example]:-}" ] && tgt "example at least 3× faster than Typst" "$(ratio "${T[typst-example]}" "${T[example-peers]}")×" "${T[typst-example]} >= 3 * ${T[example-peers]}"
[ -n "${T[typst-n2000-m40]:-}" ] && tgt "n2000-m40 at least 10× faster than Typst" "$(ratio "${T[typst-n2000-m40]}" "${T[n2000-m40-peers]}")×" "${T[typst-n2000-m40]} >= 10 * ${T[n2000-m40-peers]}"
[ -n "${T[batch]:-}" ] && tgt "batch ≥ 200 packs/s" "$(awk -v n="$BATCH" -v t="${T[batch]}" 'BEGIN { printf "%.0f", n / t }') packs/s" "$BATCH / ${T[batch]} >= 200"
exit 0
