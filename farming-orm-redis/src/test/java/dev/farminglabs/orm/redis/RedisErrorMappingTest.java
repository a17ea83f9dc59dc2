package dev.farminglabs.orm.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.redis.internal.RedisConnector;
import dev.farminglabs.orm.redis.internal.RedisScript;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Redis failures reach the caller as {@link OrmException}s with the server's message, never as a raw Lettuce or
 * Jedis exception: each case provokes the real failure on a real server (servers of their own where the case would
 * disturb the shared one).
 */
class RedisErrorMappingTest {

	private static LettuceConnectionFactory factory(int port, Duration timeout) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(timeout).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static OrmException failure(Runnable call) {
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
		assertThat(thrown).isInstanceOf(OrmException.class);
		return (OrmException) thrown;
	}

	@Test
	void aRefusedConnectionIsAConnectionFailure() {
		LettuceConnectionFactory nowhere = factory(1, Duration.ofSeconds(2));
		try {
			OrmException error = failure(() -> new RedisConnector(nowhere).call((c) -> c.ping(), "user"));
			assertThat(error.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
			assertThat(error.retryable()).isTrue();
			assertThat(error.backendKind()).isEqualTo("redis");
			assertThat(error.getMessage()).contains("Redis is unavailable");
		}
		finally {
			nowhere.destroy();
		}
	}

	@Test
	void aCommandThatOutlivesTheClientTimeoutIsATimeout() {
		LettuceConnectionFactory impatient = factory(TestRedis.PORT, Duration.ofMillis(100));
		try {
			byte[] key = ("{" + TestRedis.uniquePrefix() + ":t}:empty").getBytes(StandardCharsets.UTF_8);
			OrmException error = failure(
					() -> new RedisConnector(impatient).call((c) -> c.listCommands().bLPop(2, key), null));
			assertThat(error.code()).isEqualTo(OrmErrorCode.TIMEOUT);
			assertThat(error.retryable()).isTrue();
		}
		finally {
			impatient.destroy();
		}
	}

	@Test
	void aScriptErrorIsUnsupportedWithTheServersMessage() {
		LettuceConnectionFactory local = TestRedis.lettuce();
		try {
			String prefix = TestRedis.uniquePrefix();
			byte[][] garbage = { ("{" + prefix + ":t}:schema").getBytes(StandardCharsets.UTF_8),
					("{" + prefix + ":t}:ids").getBytes(StandardCharsets.UTF_8),
					("{" + prefix + ":t}:seq").getBytes(StandardCharsets.UTF_8), "p".getBytes(StandardCharsets.UTF_8) };
			try (RedisConnection connection = local.getConnection()) {
				connection.stringCommands().set(garbage[0], "x".getBytes(StandardCharsets.UTF_8));
			}
			OrmException error = failure(() -> new RedisConnector(local).eval(RedisScript.WRITE, garbage, 3, "user"));
			assertThat(error.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION);
			assertThat(error.getMessage()).contains("user_script");
			assertThat(error.originalCode()).isEqualTo("ERR");
			TestRedis.deleteKeys(local, prefix);
		}
		finally {
			local.destroy();
		}
	}

	@Test
	void aCrossSlotScriptOnTheClusterIsUnsupported() {
		LettuceConnectionFactory cluster = TestRedis.lettuceCluster(TestRedisCluster.nodes());
		try {
			byte[][] keys = { "{a}:schema".getBytes(StandardCharsets.UTF_8), "{b}:page".getBytes(StandardCharsets.UTF_8) };
			OrmException error = failure(() -> new RedisConnector(cluster).call((c) -> c.scriptingCommands()
				.eval(RedisScript.LOOKUP.text(), org.springframework.data.redis.connection.ReturnType.MULTI, 2, keys),
					null));
			assertThat(error.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION);
			assertThat(error.getMessage()).contains("CROSSSLOT");
		}
		finally {
			cluster.destroy();
		}
	}

	@Test
	void aRedirectionFromAClusterNodeIsAConnectionFailure() {
		List<String> nodes = TestRedisCluster.nodes();
		int port = Integer.parseInt(nodes.get(0).substring(nodes.get(0).indexOf(':') + 1));
		LettuceConnectionFactory oneNode = factory(port, Duration.ofSeconds(2));
		try {
			RedisConnector connector = new RedisConnector(oneNode);
			OrmException moved = null;
			for (int i = 0; i < 20 && moved == null; i++) {
				byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
				try {
					connector.call((c) -> c.stringCommands().get(key), null);
				}
				catch (OrmException ex) {
					moved = ex;
				}
			}
			assertThat(moved).isNotNull();
			assertThat(moved.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
			assertThat(moved.originalCode()).isEqualTo("MOVED");
			assertThat(moved.getMessage()).contains("MOVED");
		}
		finally {
			oneNode.destroy();
		}
	}

	@Test
	void aWriteToAReplicaIsAConnectionFailureNamingReadonly() {
		int primary = TestRedisCluster.startServer();
		int replica = TestRedisCluster.startServer("--replicaof", "127.0.0.1", Integer.toString(primary));
		LettuceConnectionFactory primaryFactory = factory(primary, Duration.ofSeconds(2));
		LettuceConnectionFactory replicaFactory = factory(replica, Duration.ofSeconds(2));
		try {
			SchemaSetup.pushSchema(TckSchema.SCHEMA, RedisRuntime.of(primaryFactory, "ro"));
			TestRedisCluster.waitFor(() -> TestRedisCluster.output("redis-cli", "-p", Integer.toString(replica), "info",
					"replication").contains("master_link_status:up"), "replica link");
			OrmClient onReplica = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, RedisRuntime.of(replicaFactory, "ro"));
			OrmException error = failure(
					() -> onReplica.model("user").create(Data.of("email", "a@example.com", "name", "A")));
			assertThat(error.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
			assertThat(error.originalCode()).isEqualTo("READONLY");
		}
		finally {
			primaryFactory.destroy();
			replicaFactory.destroy();
			TestRedisCluster.stopServer(replica);
			TestRedisCluster.stopServer(primary);
		}
	}

	@Test
	void aFullServerIsAConnectionFailureNamingOomAndForgottenScriptsAreReloaded() {
		int port = TestRedisCluster.startServer("--maxmemory", "3mb", "--maxmemory-policy", "noeviction");
		LettuceConnectionFactory small = factory(port, Duration.ofSeconds(5));
		try {
			OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, RedisRuntime.of(small, "oom"));
			orm.model("user").create(Data.of("email", "first@example.com", "name", "A"));
			TestRedisCluster.run("redis-cli", "-p", Integer.toString(port), "script", "flush");
			orm.model("user").create(Data.of("email", "second@example.com", "name", "B"));
			assertThat(orm.model("user").count()).isEqualTo(2);
			String big = "x".repeat(100_000);
			Function<Integer, Object> create = (i) -> orm.model("user")
				.create(Data.of("email", "u" + i + "@example.com", "name", big));
			OrmException error = failure(() -> {
				for (int i = 0; i < 200; i++) {
					create.apply(i);
				}
			});
			assertThat(error.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
			assertThat(error.originalCode()).isEqualTo("OOM");
			assertThat(error.getMessage()).contains("OOM");
			long stored = orm.model("user").count();
			assertThat(stored).as("rows written before the server was full").isBetween(3L, 200L);
			assertThat(TestRedis.keys(small, "oom").stream()
				.filter((key) -> new String(key, StandardCharsets.UTF_8).contains(":record:"))
				.count()).as("no half-written row").isEqualTo(stored);
		}
		finally {
			small.destroy();
			TestRedisCluster.stopServer(port);
		}
	}

	@Test
	void noRawClientExceptionLeavesTheClient() {
		LettuceConnectionFactory nowhere = factory(1, Duration.ofSeconds(1));
		try {
			assertThatThrownBy(() -> FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, RedisRuntime.of(nowhere, "x")))
				.isInstanceOf(OrmException.class);
		}
		finally {
			nowhere.destroy();
		}
	}

}
