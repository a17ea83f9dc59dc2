package dev.farminglabs.orm.jdbc;

/** Faults on a MariaDB server of the test's own (see {@link AbstractFaultTest}). */
class MariadbFaultTest extends AbstractFaultTest {

	@Override
	LocalServer server() throws Exception {
		return LocalServer.mariadb();
	}

}
