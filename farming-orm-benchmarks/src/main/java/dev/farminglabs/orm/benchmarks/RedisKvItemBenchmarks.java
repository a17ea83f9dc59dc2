package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.data.redis.core.RedisKeyValueAdapter;
import org.springframework.data.redis.core.RedisKeyValueTemplate;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.convert.KeyspaceConfiguration;
import org.springframework.data.redis.core.convert.MappingConfiguration;
import org.springframework.data.redis.core.index.IndexConfiguration;
import org.springframework.data.redis.core.mapping.RedisMappingContext;
import org.springframework.data.redis.repository.support.RedisRepositoryFactory;

/**
 * The seed's {@code kvItem} model on the local Redis server (127.0.0.1:6379, under a prefix of its own): each
 * operation as {@code orm*} (farming-orm, rows mapped to {@link KvItem}) and {@code raw*} ({@link RedisRawKvItems}:
 * the driver's own Lua scripts called directly through a {@code RedisTemplate} with hand-built keys and arguments,
 * replies decoded to {@link KvItem}), so the ratio is what the driver adds around the same script calls: validation,
 * key naming, value encoding and mapping. {@code springData*} is a Spring Data Redis repository of
 * {@code @RedisHash} items ({@link SpringDataRedisKvItemRepository}) on a keyspace of its own seeded with the same
 * rows; an update is find, change and {@code save}.
 */
public class RedisKvItemBenchmarks extends SpringDataKvItemWorkload {

	private LettuceConnectionFactory factory;

	private String prefix;

	private RedisKeyValueAdapter adapter;

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
		openRepository();
	}

	/** The Spring Data peer, on a keyspace of its own under the fork's prefix, seeded with the same rows. */
	private void openRepository() {
		RedisTemplate<byte[], byte[]> template = new RedisTemplate<>();
		template.setConnectionFactory(this.factory);
		template.afterPropertiesSet();
		KeyspaceConfiguration keyspaces = new KeyspaceConfiguration();
		keyspaces.addKeyspaceSettings(
				new KeyspaceConfiguration.KeyspaceSettings(SpringDataKvItem.class, "{" + this.prefix + ":springData}"));
		RedisMappingContext mapping = new RedisMappingContext(
				new MappingConfiguration(new IndexConfiguration(), keyspaces));
		this.adapter = new RedisKeyValueAdapter(template, mapping);
		this.adapter.afterPropertiesSet();
		this.springData = new RedisRepositoryFactory(new RedisKeyValueTemplate(this.adapter, mapping))
			.getRepository(SpringDataRedisKvItemRepository.class);
		Instant now = Instant.now();
		List<SpringDataKvItem> seeded = new ArrayList<>(SEEDED);
		for (int i = 0; i < SEEDED; i++) {
			seeded.add(SpringDataKvItem.newItem(UUID.randomUUID().toString(), SEEDED_NAMESPACE, key(i), Map.of("n", i),
					now));
		}
		this.springData.saveAll(seeded);
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
		try {
			this.adapter.destroy();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		this.factory.destroy();
	}

}
