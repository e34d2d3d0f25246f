#!/usr/bin/env bash
# PostgreSQL bronze load: the runner's binary COPY (deploy --target postgres; bronze node durations from
# run_results.json) vs `psql \copy` of the same lake files into the same bronze tables. Starts a throwaway
# PostgreSQL 15 cluster on 127.0.0.1 (as the postgres OS user when root) and removes it at the end.
# Usage: bash benchmarks/pipeline/postgres-copy.sh LAKE_DIR [RUNS]   (after `dotnet build -c Release`; default 3 runs)
# Goal: runner rows/s >= 0.9 x psql rows/s (medians).
set -euo pipefail
lake=$(cd "$1" && pwd); runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
banking="$root/samples/Banking/bin/Release/net10.0/Banking"
artifacts="$root/samples/Banking/warehouse"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
port=${PGPORT_BENCH:-55432}
work=$(mktemp -d /tmp/warehouse-pgbench.XXXXXX); chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$work/data"; [ "$(id -u)" = 0 ] && chown postgres "$work/data"
as_pg "$pgbin/initdb" -D "$work/data" -A trust -U postgres --no-sync > /dev/null
as_pg "$pgbin/pg_ctl" -D "$work/data" -w -l "$work/data/log" -o "-c listen_addresses=127.0.0.1 -p $port -k $work/data -c fsync=off" start > /dev/null
trap 'as_pg "$pgbin/pg_ctl" -D "$work/data" -m immediate stop > /dev/null; rm -rf "$work"' EXIT
psql_() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres "$@"; }

runner_rates=(); psql_rates=()
for ((r = 0; r < runs; r++)); do
  # The runner: a full deploy into a fresh database; bronze nodes are CREATE TABLE + binary COPY of each file.
  psql_ -c "DROP DATABASE IF EXISTS runner" -c "CREATE DATABASE runner"
  "$banking" deploy --target postgres --connection "Host=127.0.0.1;Port=$port;Username=postgres;Database=runner" \
    --lake "$lake" --artifacts "$artifacts" --as-of 2025-01-01 > "$work/deploy.log" 2>&1 \
    || echo "note: deploy failed after the bronze load ($(grep '^error:' "$work/deploy.log" | head -1)); bronze timings are still recorded" >&2
  rate=$(python3 - "$artifacts/run_results.json" <<'PY'
import json, sys
nodes = [n for n in json.load(open(sys.argv[1]))["nodes"] if n["id"].startswith("bronze.")]
assert len(nodes) == 14 and all(n["status"] == "ok" for n in nodes), f"bronze did not load: {nodes}"
rows = sum(n["rows_loaded"] or 0 for n in nodes); ms = sum(n["duration_ms"] for n in nodes)
print(f"{rows} {ms}")
PY
)
  runner_rates+=("$rate")

  # psql \copy: the same tables (the generated bronze DDL), _source_file set by a column default, one \copy per file.
  psql_ -c "DROP DATABASE IF EXISTS plain" -c "CREATE DATABASE plain"
  script="$work/copy.sql"; : > "$script"
  psql_ -d plain -c "CREATE SCHEMA bronze"
  rows=0
  for ddl in "$artifacts"/postgres/bronze/*.sql; do
    name=$(basename "$ddl" .sql)
    psql_ -d plain -f "$ddl"
    for file in "$lake"/landing/"$name"/*.csv; do
      rel=${file#"$lake"/}
      cols=$(head -1 "$file" | tr '|' ',')
      psql_ -d plain -c "ALTER TABLE bronze.$name ALTER COLUMN _source_file SET DEFAULT '$rel'"
      echo "\\copy bronze.$name ($cols) FROM '$file' WITH (FORMAT csv, DELIMITER '|', HEADER true, QUOTE '\"')" >> "$script"
      rows=$((rows + $(wc -l < "$file") - 1))
    done
  done
  s=$(date +%s%N); psql_ -d plain -f "$script"; e=$(date +%s%N)
  psql_rates+=("$rows $(( (e - s) / 1000000 ))")
done

python3 - "${runner_rates[*]}" "${psql_rates[*]}" <<'PY'
import statistics, sys
def rates(arg):
    v = [int(x) for x in arg.split()]
    return [(v[i], v[i + 1]) for i in range(0, len(v), 2)]
r, p = rates(sys.argv[1]), rates(sys.argv[2])
rr = statistics.median(rows / ms * 1000 for rows, ms in r); pr = statistics.median(rows / ms * 1000 for rows, ms in p)
print(f"runner binary COPY: median {rr:,.0f} rows/s  (rows, ms per run: {r})")
print(f"psql \\copy:         median {pr:,.0f} rows/s  (rows, ms per run: {p})")
print(f"ratio {rr / pr:.2f} (goal >= 0.90)")
PY
