package dev.farminglabs.orm.redis;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.spi.DriverProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter brings this module to every application, Redis or not: with Spring Data Redis and the Redis clients
 * absent (a class loader that hides them and defines this module's classes itself) the provider still loads through
 * {@link ServiceLoader}, names its bean type and simply does not match.
 */
class RedisWithoutSpringDataRedisTest {

	private static final List<String> HIDDEN = List.of("org.springframework.data.redis.", "io.lettuce.",
			"redis.clients.", "dev.farminglabs.orm.redis.");

	@Test
	void theProviderLoadsNamesItsBeanTypeAndDoesNotMatchWhenSpringDataRedisIsAbsent() throws Exception {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { moduleClasses() }, new HidingClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> Class
				.forName("org.springframework.data.redis.connection.RedisConnectionFactory", false, loader));
			DriverProvider provider = StreamSupport
				.stream(ServiceLoader.load(DriverProvider.class, loader).spliterator(), false)
				.filter((found) -> found.kind().equals("redis"))
				.findFirst()
				.orElseThrow();
			assertThat(provider.getClass().getClassLoader()).isSameAs(loader);
			assertThat(provider.beanTypes())
				.containsExactly("org.springframework.data.redis.connection.RedisConnectionFactory");
			RuntimeCandidate candidate = provider.inspect(new Object());
			assertThat(candidate.matched()).isFalse();
			assertThat(candidate.reasons()).anySatisfy((reason) -> assertThat(reason).contains("Spring Data Redis is not on the class path"));
		}
	}

	private static URL moduleClasses() {
		return RedisDriverProvider.class.getProtectionDomain().getCodeSource().getLocation();
	}

	/** The test's class path without Spring Data Redis, its clients, and this module (the child defines it). */
	private static final class HidingClassLoader extends ClassLoader {

		HidingClassLoader() {
			super(RedisWithoutSpringDataRedisTest.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			for (String hidden : HIDDEN) {
				if (name.startsWith(hidden)) {
					throw new ClassNotFoundException(name);
				}
			}
			return super.loadClass(name, resolve);
		}

	}

}
