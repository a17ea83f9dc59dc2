package dev.farminglabs.orm.jdbc;

/** Faults on a PostgreSQL server of the test's own (see {@link AbstractFaultTest}). */
class PostgresqlFaultTest extends AbstractFaultTest {

	@Override
	LocalServer server() throws Exception {
		return LocalServer.postgresql();
	}

}
