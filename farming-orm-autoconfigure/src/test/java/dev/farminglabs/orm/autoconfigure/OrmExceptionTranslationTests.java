package dev.farminglabs.orm.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code OrmException}s in Spring's terms: the {@code DataAccessException} hierarchy for {@code @Repository} beans
 * (the {@code OrmException} as cause), and the opt-in problem details of web applications.
 */
class OrmExceptionTranslationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class,
				PersistenceExceptionTranslationAutoConfiguration.class));

	private final OrmPersistenceExceptionTranslator translator = new OrmPersistenceExceptionTranslator();

	@Test
	void aRepositoryBeanThrowsDuplicateKeyExceptionWithTheOrmExceptionAsCause() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class, RepositoryConfiguration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				KvRepository repository = context.getBean(KvRepository.class);
				repository.put("ns", "k");
				assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> repository.put("ns", "k"))
					.havingCause()
					.isInstanceOfSatisfying(OrmException.class,
							(cause) -> assertThat(cause.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION));
				assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
					.isThrownBy(() -> repository.put(null, "k"))
					.withCauseInstanceOf(OrmException.class);
			});
	}

	@Test
	void codesMapOntoSpringsHierarchy() {
		assertThat(translate(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION)).isInstanceOf(DuplicateKeyException.class);
		assertThat(translate(OrmErrorCode.FOREIGN_KEY_VIOLATION)).isExactlyInstanceOf(DataIntegrityViolationException.class);
		assertThat(translate(OrmErrorCode.NOT_NULL_VIOLATION)).isExactlyInstanceOf(DataIntegrityViolationException.class);
		assertThat(translate(OrmErrorCode.VALIDATION_ERROR)).isInstanceOf(InvalidDataAccessApiUsageException.class);
		assertThat(translate(OrmErrorCode.MISSING_TABLE)).isInstanceOf(InvalidDataAccessResourceUsageException.class);
		assertThat(translate(OrmErrorCode.DEADLOCK)).isInstanceOf(CannotAcquireLockException.class);
		assertThat(translate(OrmErrorCode.TRANSACTION_CONFLICT)).isInstanceOf(PessimisticLockingFailureException.class);
		assertThat(translate(OrmErrorCode.TIMEOUT)).isInstanceOf(QueryTimeoutException.class);
		assertThat(translate(OrmErrorCode.CONNECTION_FAILURE)).isInstanceOf(TransientDataAccessResourceException.class);
	}

	@ParameterizedTest
	@EnumSource(OrmErrorCode.class)
	void everyCodeIsTranslatedWithTheOrmExceptionAsCauseAndRetryableOnesAreTransient(OrmErrorCode code) {
		DataAccessException translated = translate(code);
		assertThat(translated.getCause()).isInstanceOfSatisfying(OrmException.class,
				(cause) -> assertThat(cause.code()).isEqualTo(code));
		assertThat(translated instanceof TransientDataAccessException).as(code.name()).isEqualTo(code.retryable());
	}

	@Test
	void otherExceptionsAreLeftAlone() {
		assertThat(this.translator.translateExceptionIfPossible(new IllegalStateException("x"))).isNull();
	}

	@Test
	void problemDetailsAreOptIn() {
		WebApplicationContextRunner web = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FarmingOrmProblemDetailsAutoConfiguration.class));
		web.run((context) -> assertThat(context).doesNotHaveBean(OrmProblemDetailsExceptionHandler.class));
		web.withPropertyValues("farming.orm.problem-details.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(OrmProblemDetailsExceptionHandler.class));
	}

	@Test
	void problemDetailsMapCodesToStatusesWithClientSafeMessages() {
		assertThat(problem(OrmErrorCode.VALIDATION_ERROR).getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(problem(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION).getStatus()).isEqualTo(409);
		assertThat(problem(OrmErrorCode.FOREIGN_KEY_VIOLATION).getStatus()).isEqualTo(409);
		assertThat(problem(OrmErrorCode.CONNECTION_FAILURE).getStatus()).isEqualTo(503);
		assertThat(problem(OrmErrorCode.TIMEOUT).getStatus()).isEqualTo(503);
		assertThat(problem(OrmErrorCode.MISSING_TABLE).getStatus()).isEqualTo(500);
		for (OrmErrorCode code : OrmErrorCode.values()) {
			ProblemDetail problem = problem(code);
			assertThat(problem.getDetail()).as(code.name()).doesNotContain("INSERT").doesNotContain("s3cr3t");
			assertThat(problem.getProperties()).containsEntry("code", code.name());
		}
	}

	private DataAccessException translate(OrmErrorCode code) {
		return this.translator.translateExceptionIfPossible(OrmException.builder(code, "failed").build());
	}

	private static ProblemDetail problem(OrmErrorCode code) {
		return OrmProblemDetailsExceptionHandler.problemDetail(OrmException.builder(code,
				"INSERT INTO kv_items VALUES ('s3cr3t') failed").model("kvItem").target(List.of("key")).build());
	}

	@Configuration(proxyBeanMethods = false)
	static class RepositoryConfiguration {

		@Bean
		KvRepository kvRepository(OrmClient client) {
			return new KvRepository(client);
		}

	}

	/** A repository as applications write them: translated by Spring because of {@code @Repository}. */
	@Repository
	static class KvRepository {

		private final OrmClient client;

		KvRepository(OrmClient client) {
			this.client = client;
		}

		void put(String namespace, String key) {
			this.client.model("kvItem").create(Data.of("namespace", namespace, "key", key, "value", Map.of()));
		}

	}

}
