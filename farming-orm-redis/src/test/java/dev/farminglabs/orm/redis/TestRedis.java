package dev.farminglabs.orm.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.farminglabs.orm.tck.TckBackend;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Redis for tests: factories on the local server (127.0.0.1:6379, started by {@code scripts/start-services.sh}) or
 * on the local cluster ({@link TestRedisCluster}), and TCK backends that give every test its own key prefix and
 * delete that prefix's keys afterwards (counted with {@code SCAN}, never {@code KEYS}). An unreachable server fails
 * the test.
 */
final class TestRedis {

	static final String HOST = System.getProperty("farming.test.redis.host", "127.0.0.1");

	static final int PORT = Integer.getInteger("farming.test.redis.port", 6379);

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private TestRedis() {
	}

	static LettuceConnectionFactory lettuce() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, PORT));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	static JedisConnectionFactory jedis() {
		JedisConnectionFactory factory = new JedisConnectionFactory(new RedisStandaloneConfiguration(HOST, PORT));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	static LettuceConnectionFactory lettuceCluster(List<String> nodes) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(nodes));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	static JedisConnectionFactory jedisCluster(List<String> nodes) {
		JedisConnectionFactory factory = new JedisConnectionFactory(new RedisClusterConfiguration(nodes));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/** A prefix no other test or build uses. */
	static String uniquePrefix() {
		return "tck-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
	}

	/** A TCK backend on the factory: a fresh prefix per test, its keys deleted afterwards. */
	static TckBackend backend(RedisConnectionFactory factory) {
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				return RedisRuntime.of(factory, uniquePrefix());
			}

			@Override
			public void release(Object runtime) {
				deleteKeys(factory, ((RedisRuntime) runtime).keyPrefix());
			}
		};
	}

	/** The keys under a prefix, found with SCAN on every node. */
	static List<byte[]> keys(RedisConnectionFactory factory, String prefix) {
		byte[] pattern = ("{" + prefix + ":*").getBytes(StandardCharsets.UTF_8);
		ScanOptions options = ScanOptions.scanOptions().match(pattern).count(1000).build();
		List<byte[]> keys = new ArrayList<>();
		try (RedisConnection connection = factory.getConnection()) {
			if (connection instanceof RedisClusterConnection cluster) {
				for (RedisClusterNode node : cluster.clusterGetNodes()) {
					if (node.isMaster()) {
						try (Cursor<byte[]> cursor = cluster.scan(node, options)) {
							cursor.forEachRemaining(keys::add);
						}
					}
				}
			}
			else {
				try (Cursor<byte[]> cursor = connection.keyCommands().scan(options)) {
					cursor.forEachRemaining(keys::add);
				}
			}
		}
		return keys;
	}

	static void deleteKeys(RedisConnectionFactory factory, String prefix) {
		List<byte[]> keys = keys(factory, prefix);
		try (RedisConnection connection = factory.getConnection()) {
			for (byte[] key : keys) {
				connection.keyCommands().del(key);
			}
		}
	}

}
