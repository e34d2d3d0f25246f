#!/usr/bin/env bash
# The Banking pipeline on DuckDB at one scale: `deploy` (full, into a fresh database) vs the hand-written script
# banking.duckdb.sql (run through DuckDB.NET by Warehouse.Benchmarks: no DuckDB CLI here), then an incremental
# deploy of 1% new/changed rows on top of the full one. Wall time and peak RSS per run (/usr/bin/time), medians.
# Usage: bash benchmarks/pipeline/duckdb.sh SCALE [RUNS] [WORKDIR]   (after `dotnet build -c Release`)
# Goals: deploy <= 1.2 x hand-written; incremental <= 10% of full; runner peak RSS <= 500 MB at scale 100.
set -euo pipefail
scale=$1; runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${3:-/tmp/warehouse-duckbench-$scale}; mkdir -p "$work"
banking="$root/samples/Banking/bin/Release/net10.0/Banking"
bench="$root/benchmarks/Warehouse.Benchmarks/bin/Release/net10.0/Warehouse.Benchmarks"
script="$root/benchmarks/pipeline/banking.duckdb.sql"
timed() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; cat "$work/time"; }

# The lake (untimed): batch 1, and a copy with 1% more rows (the first tenth of generator batch 2, which itself
# changes 10% of accounts and customers and adds 10% new fact rows).
if [ ! -d "$work/lake/landing" ]; then "$banking" generate --scale "$scale" --lake "$work/lake" > /dev/null; fi
if [ ! -d "$work/lake-inc/landing" ]; then
  rm -rf "$work/batch2" "$work/lake-inc"
  "$banking" generate --scale "$scale" --batch 2 --lake "$work/batch2" > /dev/null
  cp -al "$work/lake" "$work/lake-inc"
  for f in "$work"/batch2/landing/*/*.csv; do
    lines=$(($(wc -l < "$f") - 1)); keep=$(( (lines + 9) / 10 ))
    head -n $((keep + 1)) "$f" > "$work/lake-inc/${f#"$work"/batch2/}"
  done
fi

full=(); hand=(); inc=()
for ((r = 0; r < runs; r++)); do
  rm -f "$work"/full.duckdb* "$work"/hand.duckdb* "$work"/inc.duckdb*
  full+=("$(timed "$banking" deploy --lake "$work/lake" --database "$work/full.duckdb" --as-of 2025-01-01)")
  hand+=("$(timed "$bench" sql "$work/hand.duckdb" "$script" lake_root="$work/lake")")
  cp "$work/full.duckdb" "$work/inc.duckdb"
  inc+=("$(timed "$banking" deploy --lake "$work/lake-inc" --database "$work/inc.duckdb" --as-of 2025-01-02)")
done
"$bench" sql "$work/hand.duckdb" "$root/benchmarks/pipeline/compare.duckdb.sql" other="$work/full.duckdb" > /dev/null \
  || { echo "the hand-written warehouse differs from the deployed one"; exit 1; }

python3 - "$scale" "${full[*]}" "${hand[*]}" "${inc[*]}" <<'PY'
import statistics, sys
def runs(arg):
    v = arg.split(); return [(float(v[i]), int(v[i + 1]) / 1024) for i in range(0, len(v), 2)]
scale, full, hand, inc = sys.argv[1], runs(sys.argv[2]), runs(sys.argv[3]), runs(sys.argv[4])
m = lambda xs, i: statistics.median(x[i] for x in xs)
print(f"scale {scale}: deploy (full)        median {m(full, 0):7.2f} s  peak RSS {m(full, 1):6.0f} MB  runs {full}")
print(f"scale {scale}: hand-written script  median {m(hand, 0):7.2f} s  peak RSS {m(hand, 1):6.0f} MB  runs {hand}")
print(f"scale {scale}: deploy (incremental) median {m(inc, 0):7.2f} s  peak RSS {m(inc, 1):6.0f} MB  runs {inc}")
print(f"scale {scale}: deploy / hand-written = {m(full, 0) / m(hand, 0):.2f} (goal <= 1.2); incremental / full = {m(inc, 0) / m(full, 0):.2f} (goal <= 0.10)")
PY
