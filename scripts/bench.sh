#!/usr/bin/env bash
# Builds farming-orm-benchmarks, runs the JDBC benchmarks (farming-orm, raw JdbcTemplate, jOOQ, Hibernate and
# Spring Data JDBC on H2, PostgreSQL and MariaDB) in one JMH run with -prof gc, and writes a markdown table and a JSON
# of every ratio (time and bytes per call divided by raw JdbcTemplate's on the same database, median and range over
# forks) with the date, the load before and after, the forks and the iterations.
#
#   scripts/bench.sh quick   # 3 forks, 1 x 1 s warm-up, 2 x 1 s measurement per fork
#   scripts/bench.sh full    # 3 forks, 5 x 2 s warm-up, 5 x 2 s measurement per fork
#   scripts/bench.sh quick -jvmArgsAppend -Xmx2g   # anything after the profile goes to JMH
#
# Narrow a run with BENCH_DATABASES (H2,POSTGRESQL,MARIADB), BENCH_SIDES (orm|raw|jooq|hibernate|springData) and
# BENCH_OPERATIONS (FindUnique|FindMany100|Create|Update|Upsert|CreateMany1000|Count); BENCH_OUT names the output
# directory, BENCH_SKIP_BUILD=1 reuses the jar. Needs the local PostgreSQL (127.0.0.1:5432, user postgres, database
# test) and MariaDB (127.0.0.1:3306, root) servers; each fork works in a schema/database of its own and drops it.
#
# BENCH_SUITE=kv runs the key-value benchmarks instead (Mongo/Redis/DynamoKvItemBenchmarks: farming-orm, the raw
# client and, on MongoDB and Redis, Spring Data repositories; FindUnique|FindPage|Create|Update), on the in-process
# MongoDB server, the local Redis (127.0.0.1:6379) and dynalite (127.0.0.1:8000); BENCH_DATABASES
# (Mongo|Redis|Dynamo), BENCH_SIDES and BENCH_OPERATIONS narrow it the same way. The report's rows are then MONGODB,
# REDIS and DYNAMODB.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-quick}
shift || true
case "$profile" in
  quick) forks=3 warmups=1 warmup_s=1 iterations=2 iteration_s=1 ;;
  full) forks=3 warmups=5 warmup_s=2 iterations=5 iteration_s=2 ;;
  *) echo "usage: $0 [quick|full] [JMH options...]" >&2; exit 2 ;;
esac

suite=${BENCH_SUITE:-jdbc}
case "$suite" in
  jdbc)
    databases=${BENCH_DATABASES:-H2,POSTGRESQL,MARIADB}
    sides=${BENCH_SIDES:-orm|raw|jooq|hibernate|springData}
    operations=${BENCH_OPERATIONS:-FindUnique|FindMany100|Create|Update|Upsert|CreateMany1000|Count} ;;
  kv)
    # The backend is the class; DynamoDB has no Spring Data side.
    databases=${BENCH_DATABASES:-Mongo|Redis|Dynamo}
    sides=${BENCH_SIDES:-orm|raw|springData}
    operations=${BENCH_OPERATIONS:-FindUnique|FindPage|Create|Update} ;;
  *) echo "BENCH_SUITE must be jdbc or kv" >&2; exit 2 ;;
esac
run_name=$profile
if [ "$suite" = kv ]; then run_name=kv-$profile; fi
out=${BENCH_OUT:-farming-orm-benchmarks/target/bench-$run_name-$(date -u +%Y%m%dT%H%M%SZ)}
jar=farming-orm-benchmarks/target/farming-orm-benchmarks.jar

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q -pl farming-orm-benchmarks -am -DskipTests package
fi
mkdir -p "$out"

# Time budget: every benchmark x database runs in $forks fresh JVMs; each fork costs its start-up (JVM, pool,
# schema push and 1,000 seeded rows, plus Hibernate's or Spring's bootstrap: about 3 s on an idle 2-core machine)
# and its iterations.
count() { echo "$1" | tr '|,' '\n\n' | grep -c .; }
benchmarks=$(( $(count "$databases") * $(count "$sides") * $(count "$operations") ))
per_fork=$(( 3 + warmups * warmup_s + iterations * iteration_s ))
echo "$benchmarks benchmarks x $forks forks x ~${per_fork} s = about $(( benchmarks * forks * per_fork / 60 )) min on an idle machine"

load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(load)
if [ "$suite" = kv ]; then
  selection=("\.($databases)KvItemBenchmarks\.($sides)($operations)\$")
else
  selection=("\.CacheEntryBenchmarks\.($sides)($operations)\$" -p "database=$databases")
fi
java -jar "$jar" "${selection[@]}" \
  -f "$forks" -wi "$warmups" -w "${warmup_s}s" -i "$iterations" -r "${iteration_s}s" \
  -prof gc -rf json -rff "$out/jmh.json" \
  -jvmArgsAppend "-Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true" "$@" | tee "$out/jmh.log"
load_after=$(load)

java -cp "$jar" dev.farminglabs.orm.benchmarks.BenchmarkReport "$out/jmh.json" "$out/report.md" "$out/ratios.json" \
  --load-before "$load_before (1/5/15 min, $(nproc) cores)" --load-after "$load_after (1/5/15 min)" \
  --date "$(date -u +%F)" > /dev/null
echo "Wrote $out/report.md and $out/ratios.json"
