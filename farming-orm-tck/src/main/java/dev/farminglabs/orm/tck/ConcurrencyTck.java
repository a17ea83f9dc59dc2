package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION;
import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.farminglabs.orm.client.IsolationLevel;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.client.TransactionOptions;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Update;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;

/**
 * Safe read-modify-write: atomic {@code Update.increment/decrement/multiply} (8 threads x 250 increments end at
 * exactly 2,000), locking reads ({@code forUpdate}) in transactions (8 threads x 250 locked read-modify-write
 * increments end at exactly 2,000), transfers between 20 accounts that keep the total (with locks in id order, with
 * atomic updates, and at {@code SERIALIZABLE} with retries), and isolation levels. A backend that does not claim a
 * capability fails each use of it with {@code UNSUPPORTED_OPERATION} before writing anything.
 */
public abstract class ConcurrencyTck extends TckSupport {

	static final int THREADS = 8;

	static final int INCREMENTS = 250;

	static final int ACCOUNTS = 20;

	static final long OPENING_BALANCE = 1_000;

	protected ConcurrencyTck(TckBackend backend) {
		super(backend);
	}

	private ModelClient<Row> counters() {
		return model("counter");
	}

	private Row counter(long id, long total) {
		return counters().create(Data.of("id", id, "label", "c" + id, "total", BigInteger.valueOf(total)));
	}

	private long total(long id) {
		return counters().findUnique((q) -> q.where("id", id)).orElseThrow().getLong("total");
	}

	@Test
	void atomicIncrementsFromEightThreadsEndAtExactlyTwoThousand() throws Exception {
		counter(1, 0);
		if (!this.caps.supportsAtomicUpdates()) {
			assertOrmError(UNSUPPORTED_OPERATION,
					() -> counters().update((u) -> u.where("id", 1L).set("total", Update.increment(1))));
			assertThat(total(1)).isZero();
			return;
		}
		ConcurrentRuns.run(THREADS, INCREMENTS, (thread, i) -> ConcurrentRuns.retrying(() -> {
			// Half the threads through update, half through updateMany: both apply the change to the stored value.
			if (thread % 2 == 0) {
				return counters().update((u) -> u.where("id", 1L).set("total", Update.increment(1))).orElseThrow();
			}
			return counters().updateMany((u) -> u.where("id", 1L).set("total", Update.increment(1)));
		}));
		assertThat(total(1)).isEqualTo(THREADS * INCREMENTS);
		ConcurrentRuns.report(this, THREADS + " threads x " + INCREMENTS + " atomic increments ended at " + total(1));
	}

	@Test
	void lockedReadModifyWriteInTransactionsFromEightThreadsEndsAtExactlyTwoThousand() throws Exception {
		counter(1, 0);
		if (!this.caps.supportsTransactions()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> this.orm.transaction((tx) -> null));
			return;
		}
		if (!this.caps.supportsLockingReads()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> this.orm.transaction((tx) -> tx.model("counter")
				.findUnique((q) -> q.where("id", 1L).forUpdate())));
			assertOrmError(UNSUPPORTED_OPERATION,
					() -> counters().findMany((q) -> q.where("id", 1L).forUpdate()));
			return;
		}
		ConcurrentRuns.run(THREADS, INCREMENTS, (thread, i) -> ConcurrentRuns.retrying(() -> this.orm.transaction((tx) -> {
			ModelClient<Row> locked = tx.model("counter");
			long seen = locked.findUnique((q) -> q.where("id", 1L).forUpdate()).orElseThrow().getLong("total");
			return locked.update((u) -> u.where("id", 1L).set("total", BigInteger.valueOf(seen + 1))).orElseThrow();
		})));
		assertThat(total(1)).isEqualTo(THREADS * INCREMENTS);
		ConcurrentRuns.report(this, THREADS + " threads x " + INCREMENTS
				+ " locked read-modify-write increments ended at " + total(1));
	}

	@Test
	void transfersWithLockedReadsInIdOrderKeepTheTotal() throws Exception {
		openAccounts();
		if (!this.caps.supportsTransactions() || !this.caps.supportsLockingReads()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> this.orm.transaction((tx) -> tx.model("counter")
				.findMany((q) -> q.where("id", 1L).forUpdate())));
			return;
		}
		java.util.concurrent.atomic.AtomicLong moved = new java.util.concurrent.atomic.AtomicLong();
		ConcurrentRuns.run(THREADS, 50, (thread, i) -> {
			Transfer transfer = Transfer.random(new Random(thread * 10_000L + i));
			moved.addAndGet(ConcurrentRuns.retrying(() -> this.orm.transaction((tx) -> {
				ModelClient<Row> accounts = tx.model("counter");
				// Locks taken in id order, so two transfers between the same accounts cannot deadlock.
				Map<Long, Long> balances = new java.util.HashMap<>();
				accounts.findMany((q) -> q.where("id", Where.in(List.of(transfer.from(), transfer.to())))
					.orderBy("id")
					.forUpdate()).forEach((row) -> balances.put(row.getLong("id"), row.getLong("total")));
				long from = balances.get(transfer.from());
				if (from < transfer.amount()) {
					return 0L;
				}
				accounts.update((u) -> u.where("id", transfer.from())
					.set("total", BigInteger.valueOf(from - transfer.amount())));
				accounts.update((u) -> u.where("id", transfer.to())
					.set("total", BigInteger.valueOf(balances.get(transfer.to()) + transfer.amount())));
				return 1L;
			})));
		});
		assertBooksBalance(moved.get(), "transfers with locked reads");
	}

	@Test
	void transfersWithAtomicUpdatesInTransactionsKeepTheTotal() throws Exception {
		openAccounts();
		if (!this.caps.supportsTransactions()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> this.orm.transaction((tx) -> null));
			return;
		}
		if (!this.caps.supportsAtomicUpdates()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> counters().update((u) -> u.where("id", 1L)
				.set("total", Update.decrement(1))));
			assertThat(total(1)).isEqualTo(OPENING_BALANCE);
			return;
		}
		java.util.concurrent.atomic.AtomicLong moved = new java.util.concurrent.atomic.AtomicLong();
		ConcurrentRuns.run(THREADS, 50, (thread, i) -> {
			Transfer transfer = Transfer.random(new Random(thread * 10_000L + i));
			moved.addAndGet(ConcurrentRuns.retrying(() -> this.orm.transaction((tx) -> {
				ModelClient<Row> accounts = tx.model("counter");
				// The debit only happens while the balance covers it: a conditional atomic update, no read first.
				long debited = accounts.updateMany((u) -> u.where("id", transfer.from())
					.where("total", Where.gte(BigInteger.valueOf(transfer.amount())))
					.set("total", Update.decrement(transfer.amount())));
				if (debited == 1) {
					accounts.update((u) -> u.where("id", transfer.to()).set("total", Update.increment(transfer.amount())));
				}
				return debited;
			})));
		});
		assertBooksBalance(moved.get(), "transfers with atomic updates");
	}

	@Test
	void serializableTransfersRetriedOnConflictKeepTheTotal() throws Exception {
		openAccounts();
		TransactionOptions serializable = TransactionOptions.isolation(IsolationLevel.SERIALIZABLE);
		if (!this.caps.supportsTransactions() || !this.caps.supportsIsolationLevels()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> this.orm.transaction(serializable, (tx) -> null));
			return;
		}
		java.util.concurrent.atomic.AtomicLong moved = new java.util.concurrent.atomic.AtomicLong();
		ConcurrentRuns.run(THREADS, 20, (thread, i) -> {
			Transfer transfer = Transfer.random(new Random(thread * 10_000L + i));
			moved.addAndGet(ConcurrentRuns.retrying(() -> this.orm.transaction(serializable, (tx) -> {
				// The natural code, plain reads and computed writes: safe only because the transaction is serializable.
				ModelClient<Row> accounts = tx.model("counter");
				long from = accounts.findUnique((q) -> q.where("id", transfer.from())).orElseThrow().getLong("total");
				long to = accounts.findUnique((q) -> q.where("id", transfer.to())).orElseThrow().getLong("total");
				if (from < transfer.amount()) {
					return 0L;
				}
				accounts.update((u) -> u.where("id", transfer.from())
					.set("total", BigInteger.valueOf(from - transfer.amount())));
				accounts.update((u) -> u.where("id", transfer.to())
					.set("total", BigInteger.valueOf(to + transfer.amount())));
				return 1L;
			})));
		});
		assertBooksBalance(moved.get(), "serializable transfers");
	}

	@Test
	void everyIsolationLevelRunsAndCommits() {
		counter(1, 0);
		for (IsolationLevel level : IsolationLevel.values()) {
			TransactionOptions options = TransactionOptions.isolation(level);
			if (!this.caps.supportsTransactions() || !this.caps.supportsIsolationLevels()) {
				assertOrmError(UNSUPPORTED_OPERATION, () -> this.orm.transaction(options, (tx) -> tx.model("counter")
					.update((u) -> u.where("id", 1L).set("label", "changed"))));
				continue;
			}
			Row row = this.orm.transaction(options, (tx) -> tx.model("counter")
				.update((u) -> u.where("id", 1L).set("label", "at " + level))
				.orElseThrow());
			assertThat(row.getString("label")).isEqualTo("at " + level);
		}
		if (!this.caps.supportsTransactions() || !this.caps.supportsIsolationLevels()) {
			assertThat(counters().findUnique((q) -> q.where("id", 1L)).orElseThrow().getString("label")).isEqualTo("c1");
		}
		else {
			assertThat(counters().findUnique((q) -> q.where("id", 1L)).orElseThrow().getString("label"))
				.isEqualTo("at " + IsolationLevel.SERIALIZABLE);
		}
	}

	@Test
	void defaultTransactionOptionsRunLikeAPlainTransaction() {
		assertOrmError(VALIDATION_ERROR, () -> this.orm.transaction((TransactionOptions) null, (tx) -> null));
		if (!this.caps.supportsTransactions()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> this.orm.transaction(TransactionOptions.defaults(), (tx) -> null));
			return;
		}
		Row created = this.orm.transaction(TransactionOptions.defaults(), (tx) -> tx.model("counter")
			.create(Data.of("id", 7L, "label", "seven", "total", BigInteger.TEN)));
		assertThat(total(7)).isEqualTo(10);
		assertThat(created.getLong("id")).isEqualTo(7);
	}

	@Test
	void incrementDecrementAndMultiplyApplyToTheStoredValue() {
		Row user = user("email", "ada@example.com", "name", "Ada", "age", 30, "balance", new BigDecimal("10.50"), "score",
				BigInteger.valueOf(5));
		if (!this.caps.supportsAtomicUpdates()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("user").update((u) -> u.where("id", user.get("id"))
				.set("age", Update.increment(1))));
			assertThat(model("user").findUnique((q) -> q.where("id", user.get("id"))).orElseThrow()).isEqualTo(user);
			return;
		}
		Row changed = model("user").update((u) -> u.where("id", user.get("id"))
			.set("age", Update.increment(2), "balance", Update.increment(new BigDecimal("0.25")), "score",
					Update.decrement(7), "name", "Ada L."))
			.orElseThrow();
		assertThat(changed.getLong("age")).isEqualTo(32);
		assertThat(changed.getDecimal("balance")).isEqualTo(new BigDecimal("10.75"));
		assertThat(changed.getBigInteger("score")).isEqualTo(BigInteger.valueOf(-2));
		assertThat(changed.getString("name")).isEqualTo("Ada L.");
		Row multiplied = model("user").update((u) -> u.where("email", "ada@example.com")
			.set("balance", Update.multiply(new BigDecimal("1.5")), "age", Update.multiply(3), "score",
					Update.multiply(BigInteger.valueOf(-4))))
			.orElseThrow();
		// The exact product, with the scale of the product (2 + 1 digits), as BigDecimal.multiply gives it.
		assertThat(multiplied.getDecimal("balance")).isEqualTo(new BigDecimal("16.125"));
		assertThat(multiplied.getLong("age")).isEqualTo(96);
		assertThat(multiplied.getBigInteger("score")).isEqualTo(BigInteger.valueOf(8));
		assertThat(model("user").findUnique((q) -> q.where("id", user.get("id"))).orElseThrow()).isEqualTo(multiplied);
	}

	@Test
	void atomicUpdatesOfManyRowsApplyToEachRowsOwnValue() {
		user("email", "a@example.com", "name", "A", "age", 1, "balance", new BigDecimal("1.0"));
		user("email", "b@example.com", "name", "B", "age", 10, "balance", new BigDecimal("2.00"));
		user("email", "c@example.com", "name", "C", "age", 100);
		if (!this.caps.supportsAtomicUpdates()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("user").updateMany((u) -> u.where(Where.all())
				.set("age", Update.increment(1))));
			return;
		}
		long changed = model("user").updateMany((u) -> u.where("name", Where.not("C"))
			.set("age", Update.decrement(1), "balance", Update.multiply(new BigDecimal("3"))));
		assertThat(changed).isEqualTo(2);
		assertThat(model("user").findMany((q) -> q.orderBy("email")))
			.extracting((row) -> row.getLong("age"), (row) -> row.getDecimal("balance"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0L, new BigDecimal("3.0")),
					org.assertj.core.groups.Tuple.tuple(9L, new BigDecimal("6.00")),
					org.assertj.core.groups.Tuple.tuple(100L, null));
	}

	@Test
	void atomicUpdateOfANullValueLeavesItNull() {
		Row user = user("ada@example.com", "Ada");
		if (!this.caps.supportsAtomicUpdates()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("user").update((u) -> u.where("id", user.get("id"))
				.set("age", Update.increment(1))));
			return;
		}
		Row changed = model("user").update((u) -> u.where("id", user.get("id"))
			.set("age", Update.increment(1), "balance", Update.multiply(BigDecimal.TEN), "score", Update.increment(1)))
			.orElseThrow();
		assertThat(changed.get("age")).isNull();
		assertThat(changed.get("balance")).isNull();
		assertThat(changed.get("score")).isNull();
	}

	@Test
	void atomicUpdateBeyondSixtyFourBitsIsAValidationErrorAndChangesNothing() {
		counter(1, Long.MAX_VALUE - 1);
		Row user = user("email", "ada@example.com", "name", "Ada", "age", Long.MIN_VALUE + 1);
		if (!this.caps.supportsAtomicUpdates()) {
			assertOrmError(UNSUPPORTED_OPERATION,
					() -> counters().update((u) -> u.where("id", 1L).set("total", Update.increment(2))));
			return;
		}
		OrmException bigint = assertOrmError(VALIDATION_ERROR,
				() -> counters().update((u) -> u.where("id", 1L).set("total", Update.increment(2))));
		assertThat(bigint.model()).isEqualTo("counter");
		assertOrmError(VALIDATION_ERROR,
				() -> counters().updateMany((u) -> u.where("id", 1L).set("total", Update.multiply(2))));
		assertOrmError(VALIDATION_ERROR,
				() -> model("user").update((u) -> u.where("id", user.get("id")).set("age", Update.decrement(2))));
		assertThat(total(1)).isEqualTo(Long.MAX_VALUE - 1);
		assertThat(counters().update((u) -> u.where("id", 1L).set("total", Update.increment(1))).orElseThrow()
			.getLong("total")).isEqualTo(Long.MAX_VALUE);
		assertThat(model("user").findUnique((q) -> q.where("id", user.get("id"))).orElseThrow().getLong("age"))
			.isEqualTo(Long.MIN_VALUE + 1);
	}

	@Test
	void atomicUpdateOfAFieldThatIsNoNumberIsAValidationErrorNamingModelAndField() {
		Row user = user("ada@example.com", "Ada");
		for (String field : List.of("name", "active", "createdAt", "preferences", "role", "id")) {
			OrmException error = assertOrmError(VALIDATION_ERROR, () -> model("user")
				.update((u) -> u.where("id", user.get("id")).set(field, Update.increment(1))));
			assertThat(error.model()).isEqualTo("user");
			assertThat(error.target()).containsExactly(field);
			assertThat(error.getMessage()).contains("'user'").contains("'" + field + "'");
		}
		OrmException wrongAmount = assertOrmError(VALIDATION_ERROR, () -> model("user")
			.updateMany((u) -> u.where("id", user.get("id")).set("age", Update.increment(new BigDecimal("0.5")))));
		assertThat(wrongAmount.target()).containsExactly("age");
		OrmException noAmount = assertOrmError(VALIDATION_ERROR, () -> model("user")
			.update((u) -> u.where("id", user.get("id")).set("balance", Update.multiply(null))));
		assertThat(noAmount.target()).containsExactly("balance");
		OrmException doubleAmount = assertOrmError(VALIDATION_ERROR, () -> model("user")
			.update((u) -> u.where("id", user.get("id")).set("balance", Update.increment(0.1))));
		assertThat(doubleAmount.target()).containsExactly("balance");
		OrmException inCreate = assertOrmError(VALIDATION_ERROR,
				() -> model("user").create(Data.of("email", "b@example.com", "name", "B", "age", Update.increment(1))));
		assertThat(inCreate.target()).containsExactly("age");
		OrmException inWhere = assertOrmError(VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.where("age", Update.increment(1))));
		assertThat(inWhere.target()).containsExactly("age");
		assertThat(model("user").findMany()).containsExactly(user);
	}

	@Test
	void upsertUpdateCanIncrementAtomically() {
		if (this.caps.upsert() == dev.farminglabs.orm.capability.UpsertSupport.NONE) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> counters().upsert((u) -> u.where("id", 5L)
				.create(Data.of("label", "five", "total", BigInteger.ONE))
				.update(Data.of("total", Update.increment(1)))));
			return;
		}
		if (!this.caps.supportsAtomicUpdates()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> counters().upsert((u) -> u.where("id", 5L)
				.create(Data.of("label", "five", "total", BigInteger.ONE))
				.update(Data.of("total", Update.increment(1)))));
			assertThat(counters().count()).isZero();
			return;
		}
		for (long expected = 1; expected <= 3; expected++) {
			Row row = counters().upsert((u) -> u.where("id", 5L)
				.create(Data.of("label", "five", "total", BigInteger.ONE))
				.update(Data.of("total", Update.increment(1))));
			assertThat(row.getLong("total")).isEqualTo(expected);
		}
		Row user = user("email", "ada@example.com", "name", "Ada", "balance", new BigDecimal("2.50"));
		Row upserted = model("user").upsert((u) -> u.where("email", "ada@example.com")
			.create(Data.of("name", "Ada"))
			.update(Data.of("balance", Update.multiply(new BigDecimal("2")))));
		assertThat(upserted.get("id")).isEqualTo(user.get("id"));
		assertThat(upserted.getDecimal("balance")).isEqualTo(new BigDecimal("5.00"));
	}

	@Test
	void lockingReadsReturnWhatPlainReadsReturn() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		post(ada, "hello");
		if (!this.caps.supportsLockingReads()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("user").findUnique((q) -> q.where("id", ada.get("id"))
				.forUpdate()));
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("user").findFirst((q) -> q.forUpdate()));
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("user").findMany((q) -> q.forUpdate()));
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("user").stream((q) -> q.forUpdate()).close());
			return;
		}
		assertThat(model("user").findUnique((q) -> q.where("email", "bob@example.com").forUpdate())).contains(bob);
		assertThat(model("user").findFirst((q) -> q.orderBy("email", dev.farminglabs.orm.query.SortDirection.DESC)
			.forUpdate())).contains(bob);
		assertThat(model("user").findMany((q) -> q.orderBy("email").take(1).skip(1).forUpdate())).containsExactly(bob);
		try (var rows = model("user").stream((q) -> q.orderBy("email").forUpdate())) {
			assertThat(rows.toList()).containsExactly(ada, bob);
		}
		List<Row> withPosts = model("user").findMany((q) -> q.where("id", ada.get("id")).include("posts").forUpdate());
		assertThat(withPosts).singleElement()
			.satisfies((row) -> assertThat(row.getRows("posts")).extracting((post) -> post.getString("slug"))
				.containsExactly("hello"));
		if (this.caps.supportsTransactions()) {
			Row locked = this.orm.transaction((tx) -> tx.model("user")
				.findUnique((q) -> q.where("id", ada.get("id")).select("id", "name").forUpdate())
				.orElseThrow());
			assertThat(locked.getString("name")).isEqualTo("Ada");
		}
		OrmException nested = assertOrmError(VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.include("posts", (p) -> p.forUpdate()).forUpdate()));
		assertThat(nested.getMessage()).contains("posts");
	}

	private void openAccounts() {
		for (long id = 1; id <= ACCOUNTS; id++) {
			counter(id, OPENING_BALANCE);
		}
	}

	private void assertBooksBalance(long moved, String what) {
		assertThat(moved).as("transfers that moved money").isPositive();
		List<Row> accounts = counters().findMany();
		assertThat(accounts).hasSize(ACCOUNTS);
		assertThat(accounts).allSatisfy((row) -> assertThat(row.getLong("total")).isNotNegative());
		assertThat(accounts.stream().mapToLong((row) -> row.getLong("total")).sum())
			.as("the total of %d accounts after concurrent transfers", ACCOUNTS)
			.isEqualTo(ACCOUNTS * OPENING_BALANCE);
		ConcurrentRuns.report(this, what + ": " + moved + " moved money between " + ACCOUNTS + " accounts, total kept at "
				+ ACCOUNTS * OPENING_BALANCE);
	}

	/** A transfer between two different accounts. */
	private record Transfer(long from, long to, long amount) {

		static Transfer random(Random random) {
			long from = 1 + random.nextInt(ACCOUNTS);
			long to = 1 + random.nextInt(ACCOUNTS - 1);
			if (to >= from) {
				to++;
			}
			return new Transfer(from, to, 1 + random.nextInt(300));
		}

	}

}
