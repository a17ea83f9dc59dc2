package dev.farminglabs.orm.jdbc;

import dev.farminglabs.orm.tck.CrudTck;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.Nested;

/** The whole TCK on SQLite (xerial), in a fresh database file per test. */
class SqliteTckTest {

	static final TckBackend BACKEND = TestDatabases.sqlite();

	@Nested
	class Crud extends CrudTck {
		Crud() {
			super(BACKEND);
		}
	}

}
