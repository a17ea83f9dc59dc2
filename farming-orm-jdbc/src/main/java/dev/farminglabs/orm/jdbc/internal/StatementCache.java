package dev.farminglabs.orm.jdbc.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.farminglabs.orm.jdbc.dialect.IdentifierSpelling;

/**
 * Rendered SQL by statement shape, for one renderer (so one dialect): a statement of a shape seen before is bound
 * from its shape's parameter walk instead of being rendered again. Bounded: past {@code capacity} shapes an arbitrary
 * one is evicted, so an application that builds unbounded shapes (IN lists of every size) keeps a fixed footprint and
 * only renders more. Values are never part of a key. SQL names tables and columns in the driver's
 * {@link IdentifierSpelling}; when a push or plan learns a new spelling, every statement rendered before is dropped.
 */
final class StatementCache {

	/** Shapes kept per driver, as JDBI's parsed-SQL cache does. */
	static final int DEFAULT_CAPACITY = 1_000;

	/** Marks a shape whose rendered parameters did not match its walk: rendered on every call (no SQL is empty). */
	private static final String UNCACHEABLE = "";

	private final int capacity;

	private final Map<StatementShape.Key, String> statements = new ConcurrentHashMap<>();

	private final LongAdder renders = new LongAdder();

	private final IdentifierSpelling spelling;

	private volatile int generation;

	StatementCache(int capacity, IdentifierSpelling spelling) {
		this.capacity = capacity;
		this.spelling = spelling;
		this.generation = spelling.generation();
	}

	/**
	 * The statement of a shape: the cached SQL with the shape's parameters, or {@code render}'s result, cached when its
	 * parameters are exactly the shape's (a guard against a rendering that depends on values the shape leaves out).
	 */
	SqlFragment statement(StatementShape shape, Supplier<SqlFragment> render) {
		if (!shape.cacheable()) {
			return rendered(render);
		}
		int current = this.spelling.generation();
		if (current != this.generation) {
			this.statements.clear();
			this.generation = current;
		}
		StatementShape.Key key = shape.key();
		String sql = this.statements.get(key);
		if (sql != null && !sql.isEmpty()) {
			return new SqlFragment(sql, shape.params());
		}
		SqlFragment fragment = rendered(render);
		if (sql == null && this.spelling.generation() == current) {
			if (this.statements.size() >= this.capacity) {
				evictOne();
			}
			this.statements.put(key, fragment.params().equals(shape.params()) ? fragment.sql() : UNCACHEABLE);
		}
		return fragment;
	}

	private SqlFragment rendered(Supplier<SqlFragment> render) {
		this.renders.increment();
		return render.get();
	}

	private void evictOne() {
		Iterator<StatementShape.Key> keys = this.statements.keySet().iterator();
		if (keys.hasNext()) {
			keys.next();
			keys.remove();
		}
	}

	/** Statements rendered so far (cache misses and uncacheable shapes); for tests. */
	long renders() {
		return this.renders.sum();
	}

	/** Shapes held now; for tests. */
	int size() {
		return this.statements.size();
	}

	/** The cached SQL of a shape, if any; for tests. */
	@Nullable String cached(StatementShape shape) {
		String sql = this.statements.get(shape.key());
		return (sql == null || sql.isEmpty()) ? null : sql;
	}

}
