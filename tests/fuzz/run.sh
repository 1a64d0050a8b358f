#!/bin/sh
# Runs each libFuzzer target for SECONDS (default 60) from a seed corpus made
# of the shipped examples, the bad-input corpus and a list of dates (fuzz_pack
# makes its own PDF).
#   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DBP_FUZZ=ON
#   cmake --build build-fuzz --target fuzz_load fuzz_time fuzz_pack
#   tests/fuzz/run.sh build-fuzz 3600        # an hour each
# A crash leaves crash-* in build-fuzz/fuzz-out/TARGET; make it a case in
# tests/bad/ and fix it.  Exit status: non-zero if a target found anything.
set -e
build=${1:-build-fuzz}
secs=${2:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
out="$build/fuzz-out"
mkdir -p "$out/load/seeds" "$out/time/seeds" "$out/pack/seeds"
find "$src/config" "$src/tests/bad/cases" -name '*.cfg' -size -64k |
	while read -r f; do cp "$f" "$out/load/seeds/$(echo "$f" | cksum | cut -d' ' -f1).cfg"; done
i=0
for t in 2025-10-09T10:00 2025-10-09 2025-12 2025-10-09T24:00 2025-10-09T10:00:30Z \
	2025-10-09T10:00+05:00 2025-03-30T02:30 2024-02-29T23:59:59-03:30 2025-02-30 \
	2025-10-09T24:61 0001-01-01 9999-12-31T23:59; do
	for z in 0 1 2 3; do
		printf "\\$(printf %o $((z * 5 + 16)))%s" "$t" >"$out/time/seeds/s$i"
		i=$((i + 1))
	done
done
# libconfig 1.5 leaks its string buffer on some syntax errors: not ours.
LSAN_OPTIONS="suppressions=$src/tests/bad/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS

# All targets at once, then their findings.
for t in load time pack; do
	mkdir -p "$out/$t/corpus"
	(cd "$out/$t" && "$OLDPWD/$build/fuzz_$t" -max_total_time="$secs" -close_fd_mask=2 \
		-rss_limit_mb=2048 -timeout=20 -print_final_stats=1 corpus seeds </dev/null \
		>log 2>&1 || true) &
done
wait
status=0
for t in load time pack; do
	echo "== fuzz_$t, ${secs}s"
	grep -E '^(Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY)' "$out/$t/log" || true
	found=$(find "$out/$t" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
		-o -name 'oom-*' \))
	if [ -n "$found" ]; then
		echo "fuzz_$t found a problem (full log: $out/$t/log):"
		echo "$found"
		status=1
	fi
done
exit $status
