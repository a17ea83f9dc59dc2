package dev.farminglabs.orm.jdbc;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.farminglabs.orm.tck.TckBackend;
import org.springframework.jdbc.core.JdbcTemplate;

/** Fresh, isolated databases for tests: one per test, dropped afterwards. */
final class TestDatabases {

	private TestDatabases() {
	}

	static TckBackend h2() {
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				return pool("jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1", "sa", "");
			}

			@Override
			public void release(Object runtime) {
				new JdbcTemplate((DataSource) runtime).execute("SHUTDOWN");
				((HikariDataSource) runtime).close();
			}
		};
	}

	static String uniqueName() {
		return "tck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	static HikariDataSource pool(String url, String user, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(10);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

}
