package dev.farminglabs.orm.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.redis.RedisRuntime;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The seed's {@code kvItem} model on the local Redis server (127.0.0.1:6379, under a prefix of its own): each
 * single-row operation as {@code orm*} (farming-orm) and {@code raw*} (the driver's own Lua script, the same text,
 * called directly through a {@code RedisTemplate} with hand-built keys and arguments, its reply left undecoded), so
 * the ratio is what the driver adds around one script call: validation, key naming, value encoding and decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedisKvItemBenchmarks {

	private static final int SEEDED = 1_000;

	private static final String LOOKUP = "lookup.lua";

	private static final String WRITE = "write.lua";

	private final AtomicLong sequence = new AtomicLong();

	private LettuceConnectionFactory factory;

	private String prefix;

	private String tag;

	private ModelClient<Row> items;

	private RedisTemplate<byte[], byte[]> template;

	private DefaultRedisScript<List> lookup;

	private DefaultRedisScript<List> write;

	@Setup(Level.Trial)
	public void open() {
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		this.tag = "{" + this.prefix + ":kv_items}";
		this.items = SchemaSetup.bootstrapDatabase(FrameworkModels.FRAMEWORK, RedisRuntime.of(this.factory, this.prefix))
			.model("kvItem");
		this.template = new RedisTemplate<>();
		this.template.setConnectionFactory(this.factory);
		this.template.setKeySerializer(RedisSerializer.byteArray());
		this.template.setValueSerializer(RedisSerializer.byteArray());
		this.template.afterPropertiesSet();
		this.lookup = script(LOOKUP);
		this.write = script(WRITE);
		List<Map<String, Object>> seed = new ArrayList<>();
		for (int i = 0; i < SEEDED; i++) {
			seed.add(Data.of("namespace", "seeded", "key", key(i), "value", Map.of("n", i)));
		}
		this.items.createMany(seed);
	}

	private static DefaultRedisScript<List> script(String name) {
		try (var in = RedisRuntime.class.getResourceAsStream("/dev/farminglabs/orm/redis/internal/" + name)) {
			return new DefaultRedisScript<>(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.class);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

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

	@Benchmark
	public Optional<Row> ormFindUnique() {
		String key = nextSeededKey();
		return this.items.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "seeded", "key", key)));
	}

	@Benchmark
	public List<?> rawFindUnique() {
		return this.template.execute(this.lookup,
				List.of(bytes(this.tag + ":schema"), bytes(this.tag + ":unique:namespace,key:'seeded:'" + nextSeededKey())),
				bytes(this.tag + ":record:"), bytes("u"));
	}

	@Benchmark
	public Row ormCreate() {
		return this.items.create(Data.of("namespace", "created", "key", "k" + this.sequence.incrementAndGet(), "value",
				Map.of("n", 1)));
	}

	@Benchmark
	public List<?> rawCreate() {
		String id = UUID.randomUUID().toString();
		String key = "r" + this.sequence.incrementAndGet();
		List<byte[]> keys = List.of(bytes(this.tag + ":schema"), bytes(this.tag + ":ids"), bytes(this.tag + ":seq"),
				bytes(this.tag + ":record:" + id), bytes(this.tag + ":unique:namespace,key:'created:'" + key));
		Object[] args = { bytes(this.tag + ":record:"), bytes("id"), bytes("1"), bytes(id), bytes("0"), bytes("0"),
				bytes("0"), bytes("4"), bytes("-1"), bytes(""), bytes("0"), bytes("5"), bytes("id"), bytes(id),
				bytes("namespace"), bytes("created"), bytes("key"), bytes(key), bytes("value"), bytes("{\"n\":1}"),
				bytes("version"), bytes("1"), bytes("1"), bytes("5"), bytes("kv_items_namespace_key"), bytes("0") };
		return this.template.execute(this.write, keys, args);
	}

	private String nextSeededKey() {
		return key((int) (this.sequence.incrementAndGet() % SEEDED));
	}

	private static String key(int i) {
		return "key-" + i;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
