package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Relations without a where, order or paging of their own are loaded by one statement with joins, proven by the
 * statements the database received (a {@link StatementCountingDataSource} around the data source); a relation with a
 * nested where falls back to follow-up queries. Both give the rows the follow-up path gives.
 */
class NativeRelationLoadingTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("joins")
		.model("author", model("join_authors")
			.field("id", id().integer())
			.field("name", string())
			.hasMany("books", "book", "authorId")
			.hasMany("notes", "note", "authorId")
			.hasOne("profile", "profile", "authorId"))
		.model("profile", model("join_profiles")
			.field("id", id().integer())
			.field("authorId", integer().unique().references("author.id"))
			.field("bio", string()))
		.model("book", model("join_books")
			.field("id", id().integer())
			.field("authorId", integer().references("author.id"))
			.field("title", string())
			.belongsTo("author", "author", "authorId")
			.manyToMany("tags", "tag", "bookTag", "bookId", "tagId"))
		.model("note", model("join_notes")
			.field("id", id().integer())
			.field("authorId", integer().references("author.id"))
			.field("text", string()))
		.model("tag", model("join_tags")
			.field("id", id().integer())
			.field("label", string()))
		.model("bookTag", model("join_book_tags")
			.field("id", id().integer())
			.field("bookId", integer().references("book.id"))
			.field("tagId", integer().references("tag.id")))
		.build();

	/** One backend: a fresh database per test with two authors, read through a statement-counting wrapper. */
	abstract static class Joins {

		private final TckBackend backend;

		private Object runtime;

		private StatementCountingDataSource counting;

		private OrmClient orm;

		Joins(TckBackend backend) {
			this.backend = backend;
		}

		@BeforeEach
		void openDatabase() {
			this.runtime = this.backend.newRuntime();
			this.counting = new StatementCountingDataSource((DataSource) this.runtime);
			this.orm = SchemaSetup.bootstrapDatabase(SCHEMA, this.counting);
			create("author", Data.of("id", 1, "name", "Ada"));
			create("author", Data.of("id", 2, "name", "Grace"));
			create("profile", Data.of("id", 1, "authorId", 1, "bio", "first"));
			create("book", Data.of("id", 12, "authorId", 1, "title", "Notes"));
			create("book", Data.of("id", 11, "authorId", 1, "title", "Engine"));
			create("note", Data.of("id", 21, "authorId", 1, "text", "a"));
			create("note", Data.of("id", 22, "authorId", 1, "text", "b"));
			create("note", Data.of("id", 23, "authorId", 1, "text", "c"));
			create("tag", Data.of("id", 32, "label", "math"));
			create("tag", Data.of("id", 31, "label", "history"));
			create("bookTag", Data.of("id", 41, "bookId", 12, "tagId", 32));
			create("bookTag", Data.of("id", 42, "bookId", 12, "tagId", 31));
			this.counting.reset();
		}

		@AfterEach
		void dropDatabase() {
			this.backend.release(this.runtime);
		}

		private void create(String model, Map<String, ?> data) {
			this.orm.model(model).create(data);
		}

		private List<String> selects() {
			return this.counting.executed()
				.stream()
				// MariaDB runs sorting statements as SET STATEMENT max_sort_length = ... FOR SELECT ...
				.filter((sql) -> sql.strip().toUpperCase(Locale.ROOT).replaceFirst("^SET STATEMENT .*? FOR ", "")
					.startsWith("SELECT"))
				.toList();
		}

		@Test
		void anAuthorWithBooksAndProfileIsReadWithExactlyOneQuery() {
			List<Row> authors = this.orm.model("author")
				.findMany((q) -> q.orderBy("name").include("books").include("profile"));
			assertThat(this.counting.executed()).hasSize(1);
			assertThat(selects()).hasSize(1);
			assertThat(authors).extracting((author) -> author.getString("name")).containsExactly("Ada", "Grace");
			assertThat(authors.get(0).getRows("books")).extracting((book) -> book.getString("title"))
				.containsExactly("Engine", "Notes");
			assertThat(authors.get(0).getRow("profile").getString("bio")).isEqualTo("first");
			assertThat(authors.get(1).getRows("books")).isEmpty();
			assertThat(authors.get(1).get("profile")).isNull();
		}

		@Test
		void aNestedWhereFallsBackToFollowUpQueries() {
			List<Row> authors = this.orm.model("author")
				.findMany((q) -> q.orderBy("name").include("books", (b) -> b.where("title", "Notes")));
			assertThat(selects()).hasSizeGreaterThan(1);
			assertThat(authors.get(0).getRows("books")).extracting((book) -> book.getString("title"))
				.containsExactly("Notes");
		}

		@Test
		void pagingAppliesToBaseRowsNotToJoinedRows() {
			List<Row> authors = this.orm.model("author").findMany((q) -> q.orderBy("name").take(1).include("notes"));
			assertThat(selects()).hasSize(1);
			assertThat(authors).hasSize(1);
			assertThat(authors.get(0).getRows("notes")).hasSize(3);
		}

		@Test
		void severalToManyRelationsComeBackWithoutDuplicates() {
			Row ada = this.orm.model("author")
				.findFirst((q) -> q.where("id", 1).include("books").include("notes"))
				.orElseThrow();
			assertThat(selects()).hasSize(1);
			assertThat(ada.getRows("books")).extracting((book) -> book.getLong("id")).containsExactly(11L, 12L);
			assertThat(ada.getRows("notes")).extracting((note) -> note.getLong("id")).containsExactly(21L, 22L, 23L);
		}

		@Test
		void manyToManyAndBelongsToJoinThroughTheLinkModelInTargetIdOrder() {
			List<Row> books = this.orm.model("book")
				.findMany((q) -> q.orderBy("title").select("title").include("tags").include("author"));
			assertThat(selects()).hasSize(1);
			assertThat(books).extracting((book) -> book.getString("title")).containsExactly("Engine", "Notes");
			assertThat(books.get(0).getRows("tags")).isEmpty();
			assertThat(books.get(1).getRows("tags")).extracting((tag) -> tag.getString("label"))
				.containsExactly("history", "math");
			assertThat(books.get(1).getRow("author").getString("name")).isEqualTo("Ada");
		}

	}

	@Nested
	class H2 extends Joins {

		H2() {
			super(TestDatabases.h2());
		}

	}

	@Nested
	class Sqlite extends Joins {

		Sqlite() {
			super(TestDatabases.sqlite());
		}

	}

	@Nested
	class Postgresql extends Joins {

		Postgresql() {
			super(TestDatabases.postgresql());
		}

	}

	@Nested
	class Mariadb extends Joins {

		Mariadb() {
			super(TestDatabases.mariadb());
		}

	}

}
