package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every TCK area: a freshly pushed {@link TckSchema} on the backend under test, its client and
 * capabilities, and helpers shared by the suites. A driver runs an area by extending it in a {@code @Nested} class of
 * its backend test class, which keeps reports per backend ({@code PostgresqlTckTest$Crud}):
 *
 * <pre>{@code
 * class PostgresqlTckTest {
 *     static final TckBackend BACKEND = () -> freshDataSource();
 *     @Nested class Crud extends CrudTck { Crud() { super(BACKEND); } }
 *     @Nested class Filters extends FilterTck { Filters() { super(BACKEND); } }
 *     // ... one line per area, see MemoryTckTest
 * }
 * }</pre>
 */
public abstract class TckSupport {

	private final TckBackend backend;

	/** The raw client of this test. */
	protected Object runtime;

	/** The client on {@link TckSchema#SCHEMA}. */
	protected OrmClient orm;

	/** The backend's capabilities. */
	protected Capabilities caps;

	protected TckSupport(TckBackend backend) {
		this.backend = backend;
	}

	/** The backend under test. */
	protected TckBackend backend() {
		return this.backend;
	}

	@BeforeEach
	void setUpBackend() {
		this.runtime = backend().newRuntime();
		this.orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, this.runtime);
		this.caps = this.orm.driver().capabilities();
	}

	@AfterEach
	void releaseBackend() {
		if (this.runtime != null) {
			backend().release(this.runtime);
		}
	}

	/** The {@code Row} client of a model. */
	protected ModelClient<Row> model(String name) {
		return this.orm.model(name);
	}

	/** Creates a user with an email and a name. */
	protected Row user(String email, String name) {
		return model("user").create(Data.of("email", email, "name", name));
	}

	/** Creates a user from alternating names and values. */
	protected Row user(Object... namesAndValues) {
		return model("user").create(Data.of(namesAndValues));
	}

	/** Creates a post by an author. */
	protected Row post(Row author, String slug, Object... more) {
		Map<String, Object> data = Data.of(more);
		data.put("authorId", author.getString("id"));
		data.put("slug", slug);
		data.putIfAbsent("title", "Title of " + slug);
		return model("post").create(data);
	}

	/** Asserts the call fails with an {@link OrmException} of this code, and returns it for further checks. */
	protected static OrmException assertOrmError(OrmErrorCode code, ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).as("expected an OrmException with code %s", code).isInstanceOf(OrmException.class);
		OrmException error = (OrmException) thrown;
		assertThat(error.code()).as("error code of: %s", error.getMessage()).isEqualTo(code);
		return error;
	}

}
