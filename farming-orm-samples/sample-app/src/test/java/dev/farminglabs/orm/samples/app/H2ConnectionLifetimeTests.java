package dev.farminglabs.orm.samples.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on H2 keeps working after its pool has retired the connection that pushed the schema: with Hikari's
 * shortest {@code max-lifetime} (30 s; the default is 30 min) every connection open at startup is closed, and an
 * enum column is written afterwards. H2 bound an {@code IN (...)} check to the session that created it, so before
 * the check was rendered as {@code = ANY (ARRAY[...])} such a write failed with "Check constraint invalid".
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:lifetime;DB_CLOSE_DELAY=-1",
				"spring.datasource.hikari.max-lifetime=30000", "spring.datasource.hikari.minimum-idle=1",
				"spring.datasource.hikari.maximum-pool-size=2" })
class H2ConnectionLifetimeTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Test
	void enumWritesWorkAfterTheConnectionsOpenAtStartupWereRetired(@Autowired HikariDataSource dataSource)
			throws Exception {
		assertThat(dataSource.getMaxLifetime()).isEqualTo(Duration.ofSeconds(30).toMillis());
		assertThat(call("POST", "/api/billing/before", "{\"plan\":\"free\"}").statusCode()).isEqualTo(201);
		long retiredBy = System.nanoTime() + Duration.ofSeconds(33).toNanos();
		while (System.nanoTime() < retiredBy) {
			Thread.sleep(500);
		}
		HttpResponse<String> opened = call("POST", "/api/billing/after", "{\"plan\":\"pro\"}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		assertThat(opened.body()).contains("\"plan\":\"pro\"");
		HttpResponse<String> changed = call("PUT", "/api/billing/before/plan", "{\"plan\":\"enterprise\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
	}

	private HttpResponse<String> call(String method, String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
