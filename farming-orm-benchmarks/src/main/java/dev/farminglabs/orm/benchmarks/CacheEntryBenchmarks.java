package dev.farminglabs.orm.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seven operations on the seed's {@code cacheEntry} model, each done by five sides on the same database in the same
 * run: {@code orm*} (farming-orm), {@code raw*} (hand-written SQL through {@code JdbcTemplate}, the baseline),
 * {@code jooq*}, {@code hibernate*} and {@code springData*}. A method is named side + operation, which is how
 * {@link BenchmarkReport} pairs them; the {@code database} parameter picks H2, PostgreSQL or MariaDB. Each side is a
 * state of its own ({@link OrmSide}, {@link RawSide}, {@link JooqSide}, {@link HibernateSide},
 * {@link SpringDataSide}), so a fork starts only the library it measures.
 *
 * <p>The model's {@code expiresAt} is an expiry field, so farming-orm reads, counts and updates only live rows (no
 * expiry, or one after the current instant); every other side adds the same condition with the current instant bound
 * per call. The upserts hit seeded rows, which never expire: the native upserts (raw, jOOQ) need no condition there,
 * and the find-then-save upserts (Hibernate, Spring Data) find them through the live condition.
 *
 * <p>{@code rowByRowCreateMany1000} (on {@link RawSide}) inserts the rows of {@code rawCreateMany1000} with one
 * statement each in one transaction: the report sets farming-orm's {@code createMany} against it, the speed-up a
 * batch API is for.
 *
 * <p>The annotations are the full run; {@code scripts/bench.sh quick} shortens warm-up and measurement on the
 * command line. At least three forks, since one fork can be 2–3&times; off another on a busy machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class CacheEntryBenchmarks {

	@Benchmark
	public Object ormFindUnique(OrmSide side) {
		return side.findUnique(side.nextSeededKey());
	}

	@Benchmark
	public Object ormFindMany100(OrmSide side) {
		return side.findMany();
	}

	@Benchmark
	public Object ormCreate(OrmSide side) {
		return side.create(side.newKey());
	}

	@Benchmark
	public Object ormUpdate(OrmSide side) {
		return side.update(side.nextSeededKey());
	}

	@Benchmark
	public Object ormUpsert(OrmSide side) {
		return side.upsert(side.nextSeededKey());
	}

	@Benchmark
	public Object ormCreateMany1000(OrmSide side) {
		return side.createMany(side.newKey() + "-");
	}

	@Benchmark
	public long ormCount(OrmSide side) {
		return side.count();
	}

	@Benchmark
	public Object rawFindUnique(RawSide side) {
		return side.findUnique(side.nextSeededKey());
	}

	@Benchmark
	public Object rawFindMany100(RawSide side) {
		return side.findMany();
	}

	@Benchmark
	public Object rawCreate(RawSide side) {
		return side.create(side.newKey());
	}

	@Benchmark
	public Object rawUpdate(RawSide side) {
		return side.update(side.nextSeededKey());
	}

	@Benchmark
	public Object rawUpsert(RawSide side) {
		return side.upsert(side.nextSeededKey());
	}

	@Benchmark
	public Object rawCreateMany1000(RawSide side) {
		return side.createMany(side.newKey() + "-");
	}

	@Benchmark
	public long rawCount(RawSide side) {
		return side.count();
	}

	@Benchmark
	public Object rowByRowCreateMany1000(RawSide side) {
		return side.createManyRowByRow(side.newKey() + "-");
	}

	@Benchmark
	public Object jooqFindUnique(JooqSide side) {
		return side.findUnique(side.nextSeededKey());
	}

	@Benchmark
	public Object jooqFindMany100(JooqSide side) {
		return side.findMany();
	}

	@Benchmark
	public Object jooqCreate(JooqSide side) {
		return side.create(side.newKey());
	}

	@Benchmark
	public Object jooqUpdate(JooqSide side) {
		return side.update(side.nextSeededKey());
	}

	@Benchmark
	public Object jooqUpsert(JooqSide side) {
		return side.upsert(side.nextSeededKey());
	}

	@Benchmark
	public Object jooqCreateMany1000(JooqSide side) {
		return side.createMany(side.newKey() + "-");
	}

	@Benchmark
	public long jooqCount(JooqSide side) {
		return side.count();
	}

	@Benchmark
	public Object hibernateFindUnique(HibernateSide side) {
		return side.findUnique(side.nextSeededKey());
	}

	@Benchmark
	public Object hibernateFindMany100(HibernateSide side) {
		return side.findMany();
	}

	@Benchmark
	public Object hibernateCreate(HibernateSide side) {
		return side.create(side.newKey());
	}

	@Benchmark
	public Object hibernateUpdate(HibernateSide side) {
		return side.update(side.nextSeededKey());
	}

	@Benchmark
	public Object hibernateUpsert(HibernateSide side) {
		return side.upsert(side.nextSeededKey());
	}

	@Benchmark
	public Object hibernateCreateMany1000(HibernateSide side) {
		return side.createMany(side.newKey() + "-");
	}

	@Benchmark
	public long hibernateCount(HibernateSide side) {
		return side.count();
	}

	@Benchmark
	public Object springDataFindUnique(SpringDataSide side) {
		return side.findUnique(side.nextSeededKey());
	}

	@Benchmark
	public Object springDataFindMany100(SpringDataSide side) {
		return side.findMany();
	}

	@Benchmark
	public Object springDataCreate(SpringDataSide side) {
		return side.create(side.newKey());
	}

	@Benchmark
	public Object springDataUpdate(SpringDataSide side) {
		return side.update(side.nextSeededKey());
	}

	@Benchmark
	public Object springDataUpsert(SpringDataSide side) {
		return side.upsert(side.nextSeededKey());
	}

	@Benchmark
	public Object springDataCreateMany1000(SpringDataSide side) {
		return side.createMany(side.newKey() + "-");
	}

	@Benchmark
	public long springDataCount(SpringDataSide side) {
		return side.count();
	}

}
