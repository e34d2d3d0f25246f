#!/usr/bin/env bash
# usage: measure.sh VARIANT_DIR FULL_RUNS INC_RUNS   -> appends lines to results2.tsv beside this script (logs in logs2/)
# Every build: dotnet build -c Release --no-restore --disable-build-servers under /usr/bin/time -v, so csc runs as
# this build's own child process (not in a VBCSCompiler shared with other sessions) and its peak RSS is counted.
set -u
d=$1; full=${2:-2}; inc=${3:-2}; v=$(basename "$d"); here=$(cd "$(dirname "$0")" && pwd); out=$here/results2.tsv; logs=$here/logs2; mkdir -p "$logs"
cd "$d"
[ -f obj/project.assets.json ] || dotnet restore -nologo -v:q >/dev/null
build() { # $1 kind $2 run
  local load log=$logs/$v.$1.$2.log; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$log.time" dotnet build -c Release --no-restore -nologo -v:m --disable-build-servers >"$log" 2>&1; local rc=$?
  local wall rss cpu errs size=-
  wall=$(awk -F': ' '/Elapsed \(wall/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log.time")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log.time")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$log.time")
  errs=$(grep -oE 'error [A-Z]+[0-9]+' "$log" | sort | uniq -c | awk '{printf "%s×%d ", $3, $1/2}')
  [ -f bin/Release/net10.0/Bench.dll ] && size=$(stat -c %s bin/Release/net10.0/Bench.dll)
  printf '%s\t%s\t%s\twall=%s\tcpu=%s\trss_MB=%s\trc=%s\tdll=%s\tload=%s\t%s\n' "$v" "$1" "$2" "$wall" "$cpu" "$rss" "$rc" "$size" "$load" "${errs:-none}" | tee -a "$out"
}
for i in $(seq 1 "$full"); do rm -rf bin obj/Release; build full "$i"; done
for i in $(seq 1 "$inc"); do python3 "$here/toggle.py" Warehouse.bronze.ent0000.g.cs; build incremental "$i"; done
