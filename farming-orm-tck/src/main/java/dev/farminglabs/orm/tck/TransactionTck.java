package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
import static dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.function.Function;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;

/**
 * Transactions and batches: commit on return, rollback of every write on a throw (the exception passing through
 * unchanged), savepoints for nested calls, and {@code UNSUPPORTED_OPERATION} where the backend has no transactions.
 */
public abstract class TransactionTck extends TckSupport {

	protected TransactionTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void committedWritesAreVisibleAfterTheTransaction() {
		if (!this.caps.supportsTransactions()) {
			assertTransactionRefused();
			return;
		}
		Row ada = user("ada@example.com", "Ada");
		this.orm.transaction((tx) -> {
			tx.model("user").create(Data.of("email", "bob@example.com", "name", "Bob"));
			tx.model("user").update((u) -> u.where("id", ada.get("id")).set("name", "Ada L."));
			return null;
		});
		assertThat(names()).containsExactlyInAnyOrder("Ada L.", "Bob");
	}

	@Test
	void transactionReturnsTheValueOfItsWork() {
		if (!this.caps.supportsTransactions()) {
			assertTransactionRefused();
			return;
		}
		Row created = this.orm
			.transaction((tx) -> tx.model("user").create(Data.of("email", "a@example.com", "name", "A")));
		assertThat(created.getString("email")).isEqualTo("a@example.com");
		assertThat(model("user").findUnique((q) -> q.where("id", created.get("id")))).contains(created);
	}

	@Test
	void exceptionRollsBackEveryCreateUpdateAndDeleteAndPropagatesUnchanged() {
		if (!this.caps.supportsTransactions()) {
			assertTransactionRefused();
			return;
		}
		Row kept = user("kept@example.com", "Kept");
		Row changed = user("changed@example.com", "Before");
		Row removed = user("removed@example.com", "Removed");
		List<Row> before = model("user").findMany();
		IllegalStateException boom = new IllegalStateException("boom");
		Throwable thrown = catchThrowable(() -> this.orm.transaction((tx) -> {
			tx.model("user").create(Data.of("email", "new@example.com", "name", "New"));
			tx.model("user").update((u) -> u.where("id", changed.get("id")).set("name", "After"));
			tx.model("user").delete((d) -> d.where("id", removed.get("id")));
			tx.model("user").updateMany((u) -> u.where("id", kept.get("id")).set("nickname", "k"));
			throw boom;
		}));
		assertThat(thrown).isSameAs(boom);
		assertThat(model("user").findMany()).containsExactlyElementsOf(before);
	}

	@Test
	void exceptionRollsBackWritesAcrossModels() {
		if (!this.caps.supportsTransactions()) {
			assertTransactionRefused();
			return;
		}
		Row author = user("author@example.com", "Author");
		RuntimeException boom = new RuntimeException("boom");
		Throwable thrown = catchThrowable(() -> this.orm.transaction((tx) -> {
			Row post = tx.model("post")
				.create(Data.of("authorId", author.get("id"), "title", "T", "slug", "t"));
			tx.model("post").update((u) -> u.where("id", post.get("id")).set("status", "published"));
			tx.model("profile").create(Data.of("userId", author.get("id"), "bio", "hi"));
			tx.model("kvItem").create(Data.of("namespace", "ns", "key", "k", "value", List.of(1, 2)));
			throw boom;
		}));
		assertThat(thrown).isSameAs(boom);
		assertThat(model("post").count()).isZero();
		assertThat(model("profile").count()).isZero();
		assertThat(model("kvItem").count()).isZero();
		assertThat(model("user").count()).isEqualTo(1);
	}

	@Test
	void transactionClientSeesItsOwnWrites() {
		if (!this.caps.supportsTransactions()) {
			assertTransactionRefused();
			return;
		}
		Row ada = user("ada@example.com", "Ada");
		List<String> seen = this.orm.transaction((tx) -> {
			Row bob = tx.model("user").create(Data.of("email", "bob@example.com", "name", "Bob"));
			tx.model("user").update((u) -> u.where("id", ada.get("id")).set("name", "Ada L."));
			assertThat(tx.model("user").findUnique((q) -> q.where("email", "bob@example.com")))
				.contains(bob);
			assertThat(tx.model("user").count()).isEqualTo(2);
			return tx.model("user").findMany((q) -> q.orderBy("name")).stream().map((r) -> r.getString("name")).toList();
		});
		assertThat(seen).containsExactly("Ada L.", "Bob");
	}

	@Test
	void failedNestedTransactionCaughtByTheOuterOneRollsBackOnlyItsOwnWrites() {
		if (!this.caps.supportsTransactions()) {
			assertTransactionRefused();
			return;
		}
		IllegalArgumentException inner = new IllegalArgumentException("inner");
		Throwable caught = this.orm.transaction((tx) -> {
			tx.model("user").create(Data.of("email", "outer-before@example.com", "name", "Outer"));
			Throwable thrown = catchThrowable(() -> tx.transaction((nested) -> {
				nested.model("user").create(Data.of("email", "inner@example.com", "name", "Inner"));
				nested.model("user").updateMany((u) -> u.where(Where.all()).set("nickname", "touched"));
				throw inner;
			}));
			tx.model("user").create(Data.of("email", "outer-after@example.com", "name", "Outer"));
			return thrown;
		});
		assertThat(caught).isSameAs(inner);
		List<Row> users = model("user").findMany((q) -> q.orderBy("email"));
		assertThat(users).extracting((r) -> r.getString("email"))
			.containsExactly("outer-after@example.com", "outer-before@example.com");
		assertThat(users).extracting((r) -> r.get("nickname")).containsOnlyNulls();
	}

	@Test
	void committedNestedTransactionIsRolledBackWithItsOuterOne() {
		if (!this.caps.supportsTransactions()) {
			assertTransactionRefused();
			return;
		}
		IllegalStateException boom = new IllegalStateException("outer");
		Throwable thrown = catchThrowable(() -> this.orm.transaction((tx) -> {
			tx.transaction((nested) -> nested.model("user").create(Data.of("email", "in@example.com", "name", "In")));
			assertThat(tx.model("user").count()).isEqualTo(1);
			throw boom;
		}));
		assertThat(thrown).isSameAs(boom);
		assertThat(model("user").count()).isZero();
	}

	@Test
	void uniqueViolationInsideATransactionSurfacesAndRollsBackEarlierWrites() {
		if (!this.caps.supportsTransactions()) {
			assertTransactionRefused();
			return;
		}
		user("taken@example.com", "Taken");
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> this.orm.transaction((tx) -> {
			tx.model("user").create(Data.of("email", "fresh@example.com", "name", "Fresh"));
			tx.model("kvItem").create(Data.of("namespace", "ns", "key", "written-first", "value", true));
			return tx.model("user").create(Data.of("email", "taken@example.com", "name", "Again"));
		}));
		assertThat(model("user").findMany()).extracting((r) -> r.getString("email")).containsExactly("taken@example.com");
		assertThat(model("kvItem").count()).isZero();
	}

	@Test
	void batchReturnsTheResultsOfItsOperationsInOrder() {
		List<Function<OrmClient, Object>> operations = List.of(
				(c) -> c.model("user").create(Data.of("email", "a@example.com", "name", "A")),
				(c) -> c.model("user").create(Data.of("email", "b@example.com", "name", "B")),
				(c) -> c.model("user").count());
		List<Object> results = this.orm.batch(operations);
		assertThat(results).hasSize(3);
		assertThat(((Row) results.get(0)).getString("email")).isEqualTo("a@example.com");
		assertThat(((Row) results.get(1)).getString("email")).isEqualTo("b@example.com");
		assertThat(results.get(2)).isEqualTo(2L);
		assertThat(model("user").count()).isEqualTo(2);
	}

	@Test
	void batchWithAFailingOperationRollsBackEveryOperationWhereTransactionsExist() {
		Row existing = user("taken@example.com", "Taken");
		List<Function<OrmClient, Object>> operations = List.of(
				(c) -> c.model("user").create(Data.of("email", "a@example.com", "name", "A")),
				(c) -> c.model("user").update((u) -> u.where("id", existing.get("id")).set("name", "Renamed")),
				(c) -> c.model("user").create(Data.of("email", "taken@example.com", "name", "Duplicate")),
				(c) -> c.model("user").create(Data.of("email", "never@example.com", "name", "Never")));
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> this.orm.batch(operations));
		assertThat(model("user").findUnique((q) -> q.where("email", "never@example.com"))).isEmpty();
		if (!this.caps.supportsTransactions()) {
			// Without transactions a batch runs one operation after another: the writes before the failure stay.
			assertThat(model("user").findUnique((q) -> q.where("email", "a@example.com"))).isPresent();
			return;
		}
		assertThat(model("user").findMany()).containsExactly(existing);
	}

	private List<String> names() {
		return model("user").findMany().stream().map((r) -> r.getString("name")).toList();
	}

	/** Where the backend has no transactions: refused before any work runs, so nothing is written. */
	private void assertTransactionRefused() {
		assertOrmError(UNSUPPORTED_OPERATION, () -> this.orm.transaction((tx) -> {
			tx.model("user").create(Data.of("email", "refused@example.com", "name", "Refused"));
			return 1;
		}));
		assertThat(model("user").count()).isZero();
	}

}
