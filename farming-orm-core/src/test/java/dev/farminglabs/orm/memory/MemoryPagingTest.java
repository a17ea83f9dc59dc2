package dev.farminglabs.orm.memory;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging at the edges of {@code int}, on rows and on relations, and paging that is refused. */
class MemoryPagingTest {

	private static final FrameworkSchema SCHEMA = FrameworkSchema.builder("s")
		.model("author", model("authors").field("id", id()).field("name", string()).hasMany("books", "book", "authorId"))
		.model("book", model("books").field("id", id()).field("authorId", string().references("author.id")))
		.build();

	private OrmClient orm;

	private Row author;

	@BeforeEach
	void createRows() {
		this.orm = SchemaSetup.bootstrapDatabase(SCHEMA, new MemoryDatabase());
		this.author = this.orm.model("author").create(Data.of("name", "a"));
		this.orm.model("author").create(Data.of("name", "b"));
		for (int i = 0; i < 3; i++) {
			this.orm.model("book").create(Data.of("authorId", this.author.get("id")));
		}
	}

	private static void assertInvalid(ThrowingCallable call) {
		OrmException error = catchThrowableOfType(OrmException.class, call);
		assertThat(error).isNotNull();
		assertThat(error.code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
	}

	@Test
	void takesEverythingAfterASkipWhenTakeIsTheLargestInt() {
		assertThat(this.orm.model("author").findMany((q) -> q.skip(1).take(Integer.MAX_VALUE))).hasSize(1);
		assertThat(this.orm.model("author").findMany((q) -> q.skip(Integer.MAX_VALUE).take(Integer.MAX_VALUE)))
			.isEmpty();
	}

	@Test
	void pagesRelationsUpToTheLargestInt() {
		List<Row> books = this.orm.model("author")
			.findMany((q) -> q.where("id", this.author.get("id"))
				.include("books", (nested) -> nested.skip(1).take(Integer.MAX_VALUE)))
			.get(0)
			.getRows("books");
		assertThat(books).hasSize(2);
	}

	@Test
	void refusesNegativeRelationPaging() {
		assertInvalid(() -> this.orm.model("author").findMany((q) -> q.include("books", (nested) -> nested.take(-1))));
		assertInvalid(() -> this.orm.model("author").findMany((q) -> q.include("books", (nested) -> nested.skip(-1))));
	}

}
