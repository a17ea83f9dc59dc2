package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Update;
import org.junit.jupiter.api.Test;

/**
 * Races: 8 threads x 500 mixed operations (create, upsert, update, delete by the compound unique key) on 50 unique
 * tuples ({@code post(authorId, slug)}: 5 authors x 10 slugs), then a per-tuple audit. Every write that returned
 * counts: each row (one incarnation of a tuple, known by its id) starts at {@code views=1} and every acknowledged
 * update adds 1 atomically, so the values returned for one row are all different (no lost update), a row that is still
 * there holds exactly 1 + its acknowledged updates, a deleted row was deleted holding exactly that, every live tuple
 * has exactly one row, and every row that exists was acknowledged by a create or an upsert and not by a delete. A
 * call may fail only with {@code UNIQUE_CONSTRAINT_VIOLATION} (a create of a tuple that exists) or a retryable error,
 * which is retried; anything else (a raw exception, another code) fails the case. Where the backend has no upsert or
 * no atomic updates, those operations are left out (their refusal is pinned by {@link ConcurrencyTck} and
 * {@link UpsertTck}), and updates change the title instead, audited the same way through the values returned.
 */
public abstract class RaceTck extends TckSupport {

	static final int THREADS = 8;

	static final int OPERATIONS = 500;

	static final int AUTHORS = 5;

	static final int SLUGS = 10;

	static final long SEED = 15_007L;

	protected RaceTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void mixedOperationsOnFiftyUniqueTuplesLoseAndDuplicateNothing() throws Exception {
		List<String> authors = new ArrayList<>();
		for (int a = 0; a < AUTHORS; a++) {
			authors.add(user("author" + a + "@example.com", "Author " + a).getString("id"));
		}
		boolean upserts = this.caps.upsert() != UpsertSupport.NONE;
		boolean atomic = this.caps.supportsAtomicUpdates();
		Audit audit = new Audit();
		AtomicLong tokens = new AtomicLong();
		ModelClient<Row> posts = model("post");
		ConcurrentRuns.run(THREADS, OPERATIONS, (thread, i) -> {
			Random random = new Random(SEED + thread * 1_000_003L + i);
			String author = authors.get(random.nextInt(AUTHORS));
			String slug = "slug-" + random.nextInt(SLUGS);
			int kind = random.nextInt(upserts ? 100 : 75);
			String token = "t" + tokens.incrementAndGet();
			String context = "seed " + SEED + ", thread " + thread + ", operation " + i;
			if (kind < 25) {
				try {
					Row created = ConcurrentRuns.retrying(() -> posts
						.create(Data.of("authorId", author, "slug", slug, "title", token, "views", 1)));
					audit.created(created, context);
				}
				catch (OrmException ex) {
					assertThat(ex.code()).as("create failed (%s): %s", context, ex.getMessage())
						.isEqualTo(UNIQUE_CONSTRAINT_VIOLATION);
					audit.conflicts.incrementAndGet();
				}
			}
			else if (kind < 55) {
				Optional<Row> updated = ConcurrentRuns.retrying(() -> posts.update((u) -> u.where("authorId", author)
					.where("slug", slug)
					.data(atomic ? Data.of("views", Update.increment(1)) : Data.of("title", token))));
				updated.ifPresent((row) -> audit.updated(row, atomic, token, context));
			}
			else if (kind < 75) {
				Optional<Row> deleted = ConcurrentRuns
					.retrying(() -> posts.delete((d) -> d.where("authorId", author).where("slug", slug)));
				deleted.ifPresent((row) -> audit.deleted(row, context));
			}
			else {
				Row row = ConcurrentRuns.retrying(() -> posts.upsert((u) -> u
					.where("authorId_slug", Map.of("authorId", author, "slug", slug))
					.create(Data.of("title", token + "+", "views", 1))
					.update(atomic ? Data.of("views", Update.increment(1)) : Data.of("title", token))));
				audit.upserted(row, atomic, token, context);
			}
		});
		List<Row> live = posts.findMany();
		audit.check(live, atomic);
		ConcurrentRuns.report(this, THREADS + " threads x " + OPERATIONS + " mixed operations on " + AUTHORS * SLUGS
				+ " tuples: " + audit.created.size() + " rows created, " + audit.updates.get() + " acknowledged updates, "
				+ audit.deleted.size() + " deleted, " + audit.conflicts.get() + " creates refused as duplicates, "
				+ live.size() + " live rows, 0 lost or duplicated");
	}

	/** What every acknowledged call returned, per row id. */
	private static final class Audit {

		/** Row ids acknowledged as created (by create, or an upsert that returned a new row). */
		private final Set<Object> created = ConcurrentHashMap.newKeySet();

		/** The rows deleted, by id, as the delete returned them. */
		private final Map<Object, Row> deleted = new ConcurrentHashMap<>();

		/** Per row id: the views (or titles) every acknowledged write returned, creation included. */
		private final Map<Object, List<Object>> written = new ConcurrentHashMap<>();

		/** Per row id: the titles written to it, creation included. */
		private final Map<Object, Set<String>> titles = new ConcurrentHashMap<>();

		/** Acknowledged updates (by update or upsert). */
		private final AtomicLong updates = new AtomicLong();

		/** Creates refused with UNIQUE_CONSTRAINT_VIOLATION. */
		private final AtomicLong conflicts = new AtomicLong();

		/** Per row id: the tuple it belongs to. */
		private final Map<Object, List<Object>> tuples = new ConcurrentHashMap<>();

		void created(Row row, String context) {
			assertThat(row.getLong("views")).as("a created row (%s)", context).isEqualTo(1L);
			assertThat(this.created.add(row.get("id"))).as("a new id (%s)", context).isTrue();
			record(row, row.getLong("views"), context);
		}

		void updated(Row row, boolean atomic, String token, String context) {
			if (atomic) {
				assertThat(row.getLong("views")).as("an updated row (%s)", context).isGreaterThan(1L);
			}
			else {
				assertThat(row.getString("title")).as("the title just written (%s)", context).isEqualTo(token);
			}
			this.updates.incrementAndGet();
			record(row, atomic ? row.getLong("views") : token, context);
		}

		void upserted(Row row, boolean atomic, String token, String context) {
			// The create data's title differs from the update's, so the row itself says which branch ran; asking the
			// audit whether the id was seen would race with the thread that created it.
			boolean isNew = atomic ? row.getLong("views") == 1L : (token + "+").equals(row.getString("title"));
			if (isNew) {
				created(row, context);
			}
			else {
				updated(row, atomic, token, context);
			}
		}

		void deleted(Row row, String context) {
			assertThat(this.deleted.put(row.get("id"), row)).as("a row deleted twice (%s)", context).isNull();
		}

		private void record(Row row, Object value, String context) {
			Object id = row.get("id");
			this.written.computeIfAbsent(id, (key) -> java.util.Collections.synchronizedList(new ArrayList<>()))
				.add(value);
			this.titles.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet()).add(row.getString("title"));
			List<Object> tuple = List.of(row.get("authorId"), row.get("slug"));
			assertThat(this.tuples.computeIfAbsent(id, (key) -> tuple)).as("the tuple of row %s (%s)", id, context)
				.isEqualTo(tuple);
		}

		void check(List<Row> live, boolean atomic) {
			Map<List<Object>, Long> perTuple = new java.util.HashMap<>();
			for (Row row : live) {
				perTuple.merge(List.of(row.get("authorId"), row.get("slug")), 1L, Long::sum);
			}
			assertThat(perTuple).as("rows per live tuple").allSatisfy((tuple, rows) -> assertThat(rows).isEqualTo(1L));
			Set<Object> liveIds = ConcurrentHashMap.newKeySet();
			for (Row row : live) {
				Object id = row.get("id");
				liveIds.add(id);
				assertThat(this.created).as("live row %s was acknowledged as created", id).contains(id);
				assertThat(this.deleted).as("live row %s was acknowledged as deleted", id).doesNotContainKey(id);
				checkRow(id, row, atomic);
			}
			for (Object id : this.created) {
				if (!liveIds.contains(id)) {
					assertThat(this.deleted).as("created row %s is gone without an acknowledged delete", id)
						.containsKey(id);
					checkRow(id, this.deleted.get(id), atomic);
				}
			}
			assertThat(this.deleted.keySet()).as("deleted rows were created").isSubsetOf(this.created);
			assertThat(this.created).as("rows created in the race").isNotEmpty();
		}

		/** The final (live or deleted) state of a row against every write acknowledged on it. */
		private void checkRow(Object id, Row last, boolean atomic) {
			List<Object> values = List.copyOf(this.written.getOrDefault(id, List.of()));
			assertThat(values).as("values returned by writes of row %s", id).doesNotHaveDuplicates();
			if (atomic) {
				assertThat(last.getLong("views")).as("views of row %s after %d acknowledged writes", id, values.size())
					.isEqualTo((long) values.size());
				assertThat(values).as("values returned by writes of row %s", id)
					.allSatisfy((value) -> assertThat((Long) value).isBetween(1L, (long) values.size()));
			}
			else {
				assertThat(this.titles.get(id)).as("titles written to row %s", id).contains(last.getString("title"));
			}
		}

	}

}
