#!/usr/bin/env bash
# Issue 10, "benchmarks that build": the synthetic model maker's N models as an ordinary model project
# (Warehouse.Benchmarks write-project), built with `dotnet build -c Release` the way a user builds it. After a
# `dotnet restore` and a warm-up run (below), each of RUNS runs times:
#   full         the model project from clean (its bin/, obj/Release/ and warehouse/ removed)
#   no-op        nothing changed, alternating with a no-op of the same project with WarehouseEnabled=false
#   description  one dimension's [Description] edited (then reverted and rebuilt, untimed)
#   add-column   the same dimension gains a derived column (then reverted and rebuilt, untimed)
# and prints, per step, the median wall time and peak RSS, the error count (distinct `error CS`/`error WH` lines),
# then the assembly size (obj/Release/net10.0/Bench.dll) and the artifacts under warehouse/ after the full build,
# as a markdown table row. When the full build fails (CS8103 beyond ~250 models before the artifact transport
# change) the row has the full build's figures only.
#
# Build servers: kept, as users run them. `dotnet build` by default reuses MSBuild nodes and compiles in the shared
# compiler server (VBCSCompiler); this machine's environment turns both off (MSBUILDDISABLENODEREUSE=1,
# UseSharedCompilation=false), so the script turns them back on for its own builds (BUILD_SERVERS=0 keeps the
# environment's setting) and never runs `dotnet build-server shutdown` (that would end other people's servers too):
# its builds run in a session of their own, and at exit it ends the server processes of that session, by id. The
# servers start during the warm-up run, so every timed build finds them warm, as a user's are after a few builds.
# (The server's cache of generator drivers is opt-in, `/features:enable-generator-cache`, and the SDK does not turn
# it on, so even with a warm server every compilation runs the generator from scratch.)
#
# Peak RSS is the largest sum, sampled every 0.2 s from /proc (ps), of the resident memory of every process in the
# builds' session: the dotnet CLI, MSBuild nodes, csc or the compiler server, the task host. Not /usr/bin/time: it
# sees only processes that were waited for, so neither the compiler server nor a worker node that outlives the CLI
# (without servers it reported 185 MB for a 100-model build). An idle server's memory counts too (a no-op build
# compiles nothing, but the server stays resident).
#
# Usage: bash benchmarks/build/build-bench.sh N [RUNS]   (from the repository root; RUNS defaults to 3;
# KEEP_WORK=1 keeps the temporary projects and build logs)
set -euo pipefail
n=${1:?usage: bash benchmarks/build/build-bench.sh N [RUNS]}
runs=${2:-3}

# A session of our own, so the servers our builds start can be told from anyone else's.
if [ "$(ps -o sid= -p $$ | tr -d ' ')" != "$$" ]; then exec setsid --wait bash "$0" "$@"; fi
if [ "${BUILD_SERVERS:-1}" = 1 ]; then unset MSBUILDDISABLENODEREUSE UseSharedCompilation DOTNET_CLI_USE_MSBUILD_SERVER; fi

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/build-bench.$n.XXXXXX")
with="$work/warehouse-on"
without="$work/warehouse-off"
mkdir -p "$work/logs"

# The build processes of this session, without the script's own shell and tools.
build_processes() { ps -o pid=,rss=,comm= -s $$ | awk '$3 !~ /^(bash|ps|awk|sleep)$/'; }
# At exit only the servers are left of them.
cleanup() {
  local pids
  pids=$(build_processes | awk '{ print $1 }')
  [ -z "$pids" ] || kill $pids 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build() { dotnet build "$1" -c Release -nologo -tl:off -v:q; }

# Prints each new peak (KB) of the build processes' summed RSS, sampling until killed.
sample_rss() {
  local peak=0 total
  while :; do
    total=$(build_processes | awk '{ s += $2 } END { print s + 0 }')
    if [ "$total" -gt "$peak" ]; then peak=$total; echo "$peak"; fi
    sleep 0.2
  done
}

# measure STEP DIR: one timed build; appends "RUN STEP wall_ms peak_rss_kb errors" to $work/results.
measure() {
  local step=$1 dir=$2 log="$work/logs/$1.$run.log" start end sampler peak errors
  sample_rss > "$work/rss" &
  sampler=$!
  start=$(date +%s%N)
  dotnet build "$dir" -c Release -nologo -tl:off -v:q > "$log" 2>&1 || true
  end=$(date +%s%N)
  kill "$sampler"
  wait "$sampler" 2>/dev/null || true
  peak=$(tail -n 1 "$work/rss")
  peak=${peak:-0}
  errors=$(grep -E 'error (CS|WH)[0-9]+' "$log" | sort -u | wc -l || true)
  echo "$run $step $(( (end - start) / 1000000 )) $peak $errors" >> "$work/results"
  # The codes of a failed build, for the table (distinct lines: MSBuild repeats each error in its summary).
  [ "$errors" -eq 0 ] || grep -E 'error (CS|WH)[0-9]+' "$log" | sort -u | grep -oE '(CS|WH)[0-9]+' | sort | uniq -c > "$work/codes.$step"
}

# edit NAME DIR: time the build after the edit, then revert it and rebuild (untimed) for the next step.
edit() {
  cp -r "$2/.edits/$1/after/." "$2/"
  measure "$1" "$2"
  cp -r "$2/.edits/$1/before/." "$2/"
  build "$2" > "$work/logs/revert-$1.$run.log" 2>&1 || true
}

echo "build-bench N=$n RUNS=$runs servers=${BUILD_SERVERS:-1} load $(cut -d ' ' -f 1-3 /proc/loadavg) work $work" >&2
build "$root/benchmarks/Warehouse.Benchmarks" > "$work/logs/benchmarks.log"
bench=(dotnet "$root/benchmarks/Warehouse.Benchmarks/bin/Release/net10.0/Warehouse.Benchmarks.dll")
"${bench[@]}" write-project "$n" "$with"
"${bench[@]}" write-project "$n" "$without" --no-warehouse
dotnet restore "$with" -nologo -v:q > "$work/logs/restore.log"
dotnet restore "$without" -nologo -v:q >> "$work/logs/restore.log"
for project in src/Warehouse.Model src/Warehouse.Generators src/Warehouse.Deploy build/Warehouse.Build.Tasks; do
  build "$root/$project" >> "$work/logs/references.log"
done

# Run 0 warms up and is not reported: it starts the servers and lets their JIT reach every step's code (at N=100,
# load 8-12, the first of three runs took 38.7 s full and 13.9 s no-op, against 10.9/7.4 s and 3.2/2.5 s for the
# other two), and its no-op of the WarehouseEnabled=false copy is that copy's first build. A failing full build
# ends the runs; then run 0's full build is what the row reports.
for ((run = 0; run <= runs; run++)); do
  rm -rf "$with/bin" "$with/obj/Release" "$with/warehouse"
  measure full "$with"
  if [ "$(tail -n 1 "$work/results" | cut -d ' ' -f 5)" -ne 0 ]; then break; fi
  if [ "$run" -eq 1 ]; then
    assembly=$(stat -c %s "$with/obj/Release/net10.0/Bench.dll")
    artifact_files=$(find "$with/warehouse" -type f | wc -l)
    artifact_bytes=$(find "$with/warehouse" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  fi
  measure no-op "$with"
  measure no-op-without "$without"
  edit description "$with"
  edit add-column "$with"
done
echo "load at the end $(cut -d ' ' -f 1-3 /proc/loadavg)" >&2

python3 - "$n" "$work" "${assembly:-0}" "${artifact_files:-0}" "${artifact_bytes:-0}" <<'PY'
import pathlib, statistics, sys
n, work, assembly, files, size = sys.argv[1], pathlib.Path(sys.argv[2]), *map(int, sys.argv[3:])
rows = [line.split() for line in (work / "results").read_text().splitlines()]
for run, step, ms, kb, errors in rows:
    print(f"  run {run} {step:14} {int(ms) / 1000:7.2f} s  peak {int(kb) / 1024:7.0f} MB  errors {errors}", file=sys.stderr)
reported = [row for row in rows if row[0] != "0"] or rows  # run 0 warms up; it is reported only when nothing else ran
steps = {}
for run, step, ms, kb, errors in reported:
    steps.setdefault(step, []).append((int(ms), int(kb), int(errors)))

def cell(step):
    runs = steps.get(step)
    if not runs:
        return "—"
    return f"{statistics.median(r[0] for r in runs) / 1000:.1f} s, {statistics.median(r[1] for r in runs) / 1024:,.0f} MB"

def errors(step):
    runs = steps.get(step)
    if not runs:
        return "—"
    codes = work / f"codes.{step}"
    if codes.exists():  # the last failed run's codes, e.g. "4,024 × CS8103"
        return ", ".join(f"{int(count):,} × {code}" for count, code in (line.split() for line in codes.read_text().splitlines()))
    return f"{max(r[2] for r in runs):,}"

noop, plain = steps.get("no-op"), steps.get("no-op-without")
ratio = f"{statistics.median(r[0] for r in noop) / statistics.median(r[0] for r in plain):.2f}" if noop and plain else "—"
artifacts = f"{files:,} files, {size / 1e6:,.1f} MB" if files else "—"
print("| models | full | no-op | no-op, WarehouseEnabled=false | no-op ratio | description edit | add-column edit | errors (full / no-op / description / add-column) | assembly | artifacts |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
print(f"| {int(n):,} | {cell('full')} | {cell('no-op')} | {cell('no-op-without')} | {ratio} | {cell('description')} | {cell('add-column')} | "
      f"{' / '.join(errors(step) for step in ('full', 'no-op', 'description', 'add-column'))} | "
      f"{f'{assembly / 1e6:.1f} MB' if assembly else '—'} | {artifacts} |")
PY
