package dev.farminglabs.orm.benchmarks;

import java.util.UUID;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.redis.RedisRuntime;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

/**
 * The seed's {@code kvItem} model on the local Redis server (127.0.0.1:6379, under a prefix of its own): each
 * operation as {@code orm*} (farming-orm, rows mapped to {@link KvItem}) and {@code raw*} ({@link RedisRawKvItems}:
 * the driver's own Lua scripts called directly through a {@code RedisTemplate} with hand-built keys and arguments,
 * replies decoded to {@link KvItem}), so the ratio is what the driver adds around the same script calls: validation,
 * key naming, value encoding and mapping.
 */
public class RedisKvItemBenchmarks extends KvItemWorkload {

	private LettuceConnectionFactory factory;

	private String prefix;

	@Override
	@Setup(Level.Trial)
	public void open() {
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		OrmClient orm = SchemaSetup.bootstrapDatabase(FrameworkModels.FRAMEWORK,
				RedisRuntime.of(this.factory, this.prefix));
		this.items = orm.model("kvItem", KvItem.class);
		this.raw = new RedisRawKvItems(this.factory, this.prefix, "kv_items");
		seed(orm.driver().capabilities().maxBatchSize()).forEach(this.items::createMany);
	}

	@Override
	@TearDown(Level.Trial)
	public void close() {
		try (RedisConnection connection = this.factory.getConnection();
				Cursor<byte[]> keys = connection.keyCommands()
					.scan(ScanOptions.scanOptions().match("{" + this.prefix + ":*").count(1000).build())) {
			while (keys.hasNext()) {
				connection.keyCommands().del(keys.next());
			}
		}
		this.factory.destroy();
	}

}
