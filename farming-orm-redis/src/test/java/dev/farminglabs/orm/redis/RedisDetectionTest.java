package dev.farminglabs.orm.redis;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which Redis clients are used, which are explained, and what an unreachable server gives. */
class RedisDetectionTest {

	static final LettuceConnectionFactory LETTUCE = TestRedis.lettuce();

	static final JedisConnectionFactory JEDIS = TestRedis.jedis();

	@AfterAll
	static void close() {
		LETTUCE.destroy();
		JEDIS.destroy();
	}

	private static RuntimeCandidate redis(RuntimeInspection inspection) {
		return inspection.candidates()
			.stream()
			.filter((candidate) -> candidate.kind().equals("redis"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void lettuceConnectionFactoryIsDetectedWithTheServerVersion() {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(LETTUCE);
		assertThat(inspection.runtime()).hasValueSatisfying((runtime) -> {
			assertThat(runtime.kind()).isEqualTo("redis");
			assertThat(runtime.serverVersion()).matches("\\d+\\.\\d+.*");
			assertThat(runtime.source()).isEqualTo("LettuceConnectionFactory");
		});
		assertThat(redis(inspection).reasons()).anySatisfy((reason) -> assertThat(reason)
			.contains("connects to Redis").contains("prefix 'farming'"));
	}

	@Test
	void jedisConnectionFactoryIsDetected() {
		assertThat(FarmingOrm.inspectDatabaseRuntime(JEDIS).runtime())
			.hasValueSatisfying((runtime) -> assertThat(runtime.source()).isEqualTo("JedisConnectionFactory"));
	}

	@Test
	void redisTemplateAndStringRedisTemplateAreUsedThroughTheirFactory() {
		RedisTemplate<Object, Object> template = new RedisTemplate<>();
		template.setConnectionFactory(LETTUCE);
		template.afterPropertiesSet();
		assertThat(FarmingOrm.inspectDatabaseRuntime(template).runtime()).hasValueSatisfying(
				(runtime) -> assertThat(runtime.source()).isEqualTo("LettuceConnectionFactory of RedisTemplate"));
		assertThat(FarmingOrm.inspectDatabaseRuntime(new StringRedisTemplate(JEDIS)).runtime()).hasValueSatisfying(
				(runtime) -> assertThat(runtime.source()).isEqualTo("JedisConnectionFactory of StringRedisTemplate"));
	}

	@Test
	void aRuntimeWithAPrefixKeepsIt() {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(RedisRuntime.of(LETTUCE, "app-one"));
		assertThat(redis(inspection).reasons()).anySatisfy((reason) -> assertThat(reason).contains("prefix 'app-one'"));
	}

	@Test
	void aReactiveTemplateIsRecognisedAndExplainedNotUsed() {
		ReactiveRedisTemplate<String, String> reactive = new ReactiveRedisTemplate<>(LETTUCE,
				RedisSerializationContext.string());
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(reactive);
		assertThat(inspection.runtime()).isEmpty();
		RuntimeCandidate candidate = redis(inspection);
		assertThat(candidate.reasons()).anySatisfy((reason) -> assertThat(reason).contains("reactive"));
		assertThat(candidate.hint()).contains("RedisConnectionFactory");
		assertThatThrownBy(() -> FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, reactive))
			.isInstanceOfSatisfying(OrmException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION));
	}

	@Test
	void anUnreachableServerIsAConnectionFailureAtDetect() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 1));
		nowhere.afterPropertiesSet();
		nowhere.start();
		try {
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(nowhere);
			assertThat(inspection.runtime()).isEmpty();
			assertThat(redis(inspection).unreachable()).isTrue();
			assertThatThrownBy(() -> FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, nowhere))
				.isInstanceOfSatisfying(OrmException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE));
		}
		finally {
			nowhere.destroy();
		}
	}

	@Test
	void aPrefixWithBracesIsRefused() {
		assertThatThrownBy(() -> RedisRuntime.of(LETTUCE, "a{b}")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("hash tag");
	}

}
