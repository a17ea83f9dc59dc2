#!/usr/bin/env bash
# Builds farming-orm-benchmarks, runs the benchmarks with -prof gc and writes ONE markdown table and JSON of every
# ratio (time and bytes per call divided by the raw client's on the same database, median and range over forks) with
# the date, the load before and after, the forks and the iterations.
#
#   scripts/bench.sh quick   # 3 forks, 1 x 1 s warm-up, 2 x 1 s measurement per fork
#   scripts/bench.sh full    # 3 forks, 5 x 2 s warm-up, 5 x 2 s measurement per fork
#   scripts/bench.sh smoke   # 1 fork, no warm-up, 1 x 1 s: only shows that the selection runs; numbers mean nothing
#   scripts/bench.sh quick -jvmArgsAppend -Xmx2g   # anything after the profile goes to JMH (to every suite's run)
#
# BENCH_SUITE picks what runs; the default, all, runs the JDBC suite and then the key-value suite in one invocation
# and reports both in one report.md/ratios.json:
#   jdbc  CacheEntryBenchmarks: farming-orm, raw JdbcTemplate, row by row (raw's createMany as 1,000 single
#         inserts), jOOQ, Hibernate and Spring Data JDBC on H2, PostgreSQL and MariaDB. Needs the local PostgreSQL
#         (127.0.0.1:5432, user postgres, database test) and MariaDB (127.0.0.1:3306, root); each fork works in a
#         schema/database of its own and drops it.
#   kv    Mongo/Redis/DynamoKvItemBenchmarks: farming-orm, the raw client and, on MongoDB and Redis, Spring Data
#         repositories, on the in-process MongoDB server, the local Redis (127.0.0.1:6379) and dynalite
#         (127.0.0.1:8000). The report's rows are MONGODB, REDIS and DYNAMODB.
#
# Narrow a run (any suite) with
#   BENCH_DATABASES  H2,POSTGRESQL,MARIADB,MONGODB,REDIS,DYNAMODB (comma or |, any case; Mongo/Dynamo also do).
#                    Each name goes to the suite it belongs to; a suite none of them belongs to is skipped.
#   BENCH_SIDES      orm|raw|rowByRow|jooq|hibernate|springData: a JMH regex over both suites' method names; a
#                    side a suite does not have (jooq, hibernate, rowByRow on key-value) selects nothing there.
#   BENCH_OPERATIONS FindUnique|FindMany100|FindPage|Create|Update|Upsert|CreateMany1000|Count, the same way
#                    (FindMany100, Upsert, CreateMany1000 and Count are JDBC's; FindPage is key-value's).
# A suite whose selection is empty is skipped with a message. BENCH_OUT names the output directory, BENCH_SKIP_BUILD=1
# reuses the jar, BENCH_DRY_RUN=1 prints the selection and the time estimate and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-quick}
shift || true
case "$profile" in
  quick) forks=3 warmups=1 warmup_s=1 iterations=2 iteration_s=1 ;;
  full) forks=3 warmups=5 warmup_s=2 iterations=5 iteration_s=2 ;;
  smoke) forks=1 warmups=0 warmup_s=1 iterations=1 iteration_s=1 ;;
  *) echo "usage: $0 [quick|full|smoke] [JMH options...]" >&2; exit 2 ;;
esac

suite=${BENCH_SUITE:-all}
case "$suite" in
  all) suites=(jdbc kv) ;;
  jdbc|kv) suites=("$suite") ;;
  *) echo "BENCH_SUITE must be all, jdbc or kv" >&2; exit 2 ;;
esac
sides=${BENCH_SIDES:-orm|raw|rowByRow|jooq|hibernate|springData}
operations=${BENCH_OPERATIONS:-FindUnique|FindMany100|FindPage|Create|Update|Upsert|CreateMany1000|Count}

# Each database named goes to its suite: JDBC's are a JMH parameter, the key-value backend is the class's prefix.
jdbc_databases=() kv_databases=()
for name in $(echo "${BENCH_DATABASES:-H2,POSTGRESQL,MARIADB,MONGODB,REDIS,DYNAMODB}" | tr ',|' '  '); do
  case "${name^^}" in
    H2|POSTGRESQL|MARIADB) jdbc_databases+=("${name^^}") ;;
    MONGO|MONGODB) kv_databases+=(Mongo) ;;
    REDIS) kv_databases+=(Redis) ;;
    DYNAMO|DYNAMODB) kv_databases+=(Dynamo) ;;
    *) echo "BENCH_DATABASES: unknown database $name (H2, POSTGRESQL, MARIADB, MONGODB, REDIS, DYNAMODB)" >&2
       exit 2 ;;
  esac
done
join() { local IFS="$1"; shift; echo "$*"; }

run_name=$profile
if [ "$suite" != jdbc ]; then run_name=$suite-$profile; fi
out=${BENCH_OUT:-farming-orm-benchmarks/target/bench-$run_name-$(date -u +%Y%m%dT%H%M%SZ)}
jar=farming-orm-benchmarks/target/farming-orm-benchmarks.jar

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q -pl farming-orm-benchmarks -am -DskipTests package
fi

# What each suite runs: its JMH regex and database parameter, and how many benchmark x database pairs (each pair runs
# in $forks JVMs).
declare -A regexes params pairs
for each in "${suites[@]}"; do
  if [ "$each" = jdbc ]; then
    databases=$(join , "${jdbc_databases[@]}")
    regex="\\.CacheEntryBenchmarks\\.($sides)($operations)\$"
    per_benchmark=${#jdbc_databases[@]}
  else
    databases=$(join '|' "${kv_databases[@]}")
    regex="\\.($databases)KvItemBenchmarks\\.($sides)($operations)\$"
    per_benchmark=1
  fi
  if [ -z "$databases" ]; then
    echo "Skipping the $each suite: BENCH_DATABASES names none of its databases"
    continue
  fi
  listed=$(java -jar "$jar" -l "$regex" | tail -n +2 | grep -c . || true)
  if [ "$listed" -eq 0 ]; then
    echo "Skipping the $each suite: BENCH_SIDES and BENCH_OPERATIONS select none of its benchmarks"
    continue
  fi
  regexes[$each]=$regex
  if [ "$each" = jdbc ]; then params[$each]=$databases; fi
  pairs[$each]=$(( listed * per_benchmark ))
done
if [ -z "${regexes[*]:-}" ]; then
  echo "Nothing to run: every suite was skipped" >&2
  exit 2
fi

# Time budget: every benchmark x database runs in $forks fresh JVMs; each fork costs its start-up (JVM, pool,
# schema push and 1,000 seeded rows, plus Hibernate's or Spring's bootstrap: about 3 s on an idle 2-core machine)
# and its iterations.
per_fork=$(( 3 + warmups * warmup_s + iterations * iteration_s ))
total=0
for each in "${suites[@]}"; do
  if [ -z "${pairs[$each]:-}" ]; then continue; fi
  echo "$each: ${pairs[$each]} benchmarks x $forks forks x ~${per_fork} s = about $(( (pairs[$each] * forks * per_fork + 59) / 60 )) min"
  total=$(( total + pairs[$each] ))
done
echo "Whole run: $total benchmarks x $forks forks x ~${per_fork} s = about $(( (total * forks * per_fork + 59) / 60 )) min on an idle machine"
if [ -n "${BENCH_DRY_RUN:-}" ]; then
  for each in "${suites[@]}"; do
    if [ -n "${regexes[$each]:-}" ]; then echo "$each: ${regexes[$each]} ${params[$each]:+-p database=${params[$each]}}"; fi
  done
  exit 0
fi

mkdir -p "$out"
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(load)
results=()
for each in "${suites[@]}"; do
  if [ -z "${regexes[$each]:-}" ]; then continue; fi
  selection=("${regexes[$each]}")
  if [ -n "${params[$each]:-}" ]; then selection+=(-p "database=${params[$each]}"); fi
  java -jar "$jar" "${selection[@]}" \
    -f "$forks" -wi "$warmups" -w "${warmup_s}s" -i "$iterations" -r "${iteration_s}s" \
    -prof gc -rf json -rff "$out/jmh-$each.json" \
    -jvmArgsAppend "-Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true" "$@" | tee "$out/jmh-$each.log"
  results+=("$out/jmh-$each.json")
done
load_after=$(load)

java -cp "$jar" dev.farminglabs.orm.benchmarks.BenchmarkReport "$(join , "${results[@]}")" "$out/report.md" \
  "$out/ratios.json" --load-before "$load_before (1/5/15 min, $(nproc) cores)" \
  --load-after "$load_after (1/5/15 min)" --date "$(date -u +%F)" > /dev/null
echo "Wrote $out/report.md and $out/ratios.json"
