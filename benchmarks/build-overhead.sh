#!/usr/bin/env bash
# Build overhead of the warehouse MSBuild integration: a no-op `dotnet build` of samples/Banking with the warehouse
# targets vs a copy of the same project with WarehouseEnabled=false (the generator still runs in both; only the
# MSBuild side differs: the _WarehouseCheckStamp target, the skipped WarehouseWriteArtifacts target and the
# ordering ProjectReference to build/Warehouse.Build.Tasks). The two are run alternately, RUNS times each, after
# warm-up builds, so a busy machine slows both alike; prints the medians and their ratio (goal <= 1.1).
# Usage: bash benchmarks/build-overhead.sh [RUNS]   (from the repository root; default 10 runs)
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
plain="$root/samples/.bench-plain"   # a sibling of Banking, so samples/Directory.Build.* apply the same way
rm -rf "$plain"
mkdir -p "$plain"
cp -r "$root/samples/Banking/Bronze" "$root/samples/Banking/Silver" "$root/samples/Banking/Gold" "$root/samples/Banking/Program.cs" "$plain/"
sed 's|<IsPackable>false</IsPackable>|<IsPackable>false</IsPackable>\n    <WarehouseEnabled>false</WarehouseEnabled>\n    <AssemblyName>Banking</AssemblyName>|' \
  "$root/samples/Banking/Banking.csproj" > "$plain/Banking.csproj"
[ -n "${KEEP_PLAIN:-}" ] || trap 'rm -rf "$plain"' EXIT

with=(dotnet build "$root/samples/Banking/Banking.csproj" -c Release -nologo -v:q)
without=(dotnet build "$plain/Banking.csproj" -c Release -nologo -v:q)
for _ in 1 2; do "${with[@]}" > /dev/null; "${without[@]}" > /dev/null; done

times_with=(); times_without=()
for ((i = 0; i < runs; i++)); do
  s=$(date +%s%N); "${with[@]}" > /dev/null; e=$(date +%s%N); times_with+=($(( (e - s) / 1000000 )))
  s=$(date +%s%N); "${without[@]}" > /dev/null; e=$(date +%s%N); times_without+=($(( (e - s) / 1000000 )))
done
python3 - "${times_with[*]}" "${times_without[*]}" <<'PY'
import statistics, sys
w = [int(x) for x in sys.argv[1].split()]; p = [int(x) for x in sys.argv[2].split()]
mw, mp = statistics.median(w), statistics.median(p)
print(f"no-op build with warehouse targets:    median {mw:.0f} ms  runs {w}")
print(f"no-op build without (WarehouseEnabled=false): median {mp:.0f} ms  runs {p}")
print(f"ratio {mw / mp:.2f} (goal <= 1.10)")
PY
