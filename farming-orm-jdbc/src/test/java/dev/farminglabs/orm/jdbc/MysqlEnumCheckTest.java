package dev.farminglabs.orm.jdbc;

import org.junit.jupiter.api.Nested;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

/**
 * {@link EnumCheckTest}'s cases on MySQL 8.4 in a container, whose string literals treat backslashes as MariaDB's
 * do. Needs Docker; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class MysqlEnumCheckTest {

	@Container
	static final MySQLContainer MYSQL = new MySQLContainer("mysql:8.4").withUsername("root");

	@Nested
	class Mysql extends EnumCheckTest.Checks {

		Mysql() {
			super(TestDatabases.mysql(() -> MYSQL.getHost() + ":" + MYSQL.getMappedPort(MySQLContainer.MYSQL_PORT),
					MYSQL::getUsername, MYSQL::getPassword), "`");
		}

	}

}
