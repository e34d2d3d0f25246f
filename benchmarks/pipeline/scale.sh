#!/usr/bin/env bash
# The runner at N synthetic models (issue 10): `Warehouse.Benchmarks deploy-scale` writes the synthetic model's
# artifacts and a lake of ROWS rows per source, deploys them in-process on DuckDB and then on a throwaway PostgreSQL
# 15 cluster (127.0.0.1, a free port, as the postgres OS user when root; removed at the end), RUNS times each, and
# prints the time per node from run_results.json. Compare N = 100 and N = 1000: the time per node must not grow.
# Usage: bash benchmarks/pipeline/scale.sh N [ROWS] [RUNS]   (after `dotnet build benchmarks/Warehouse.Benchmarks -c Release`)
# The runner's own default DuckDB memory_limit is used (200MB + 3MB per gold table: DuckDB keeps every table written
# in the publish transaction in memory until it commits, docs/deploy.md); set WAREHOUSE_DUCKDB_MEMORY_LIMIT to try others.
set -euo pipefail
n=$1; rows=${2:-100}; runs=${3:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
bench="$root/benchmarks/Warehouse.Benchmarks/bin/Release/net10.0/Warehouse.Benchmarks"
work=$(mktemp -d /tmp/warehouse-scale.XXXXXX); chmod 755 "$work"

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$work/data"; [ "$(id -u)" = 0 ] && chown postgres "$work/data"
as_pg "$pgbin/initdb" -D "$work/data" -A trust -U postgres --no-sync > /dev/null
as_pg "$pgbin/pg_ctl" -D "$work/data" -w -l "$work/data/log" -o "-c listen_addresses=127.0.0.1 -p $port -k $work/data -c fsync=off" start > /dev/null
trap 'as_pg "$pgbin/pg_ctl" -D "$work/data" -m immediate stop > /dev/null; rm -rf "$work"' EXIT

for ((r = 1; r <= runs; r++)); do
  echo "== duckdb, run $r (memory_limit ${WAREHOUSE_DUCKDB_MEMORY_LIMIT:-runner default})"
  /usr/bin/time -f "process: %e s wall, peak RSS %M KB" "$bench" deploy-scale "$n" "$rows" --engine duckdb --work "$work/run"
done
for ((r = 1; r <= runs; r++)); do
  echo "== postgres, run $r"
  # A fresh database per run: every deploy is a first load of every node.
  psql -X -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE scale_$r"
  /usr/bin/time -f "process: %e s wall, peak RSS %M KB" "$bench" deploy-scale "$n" "$rows" --engine postgres \
    --connection "Host=127.0.0.1;Port=$port;Username=postgres;Database=scale_$r" --work "$work/run"
done
