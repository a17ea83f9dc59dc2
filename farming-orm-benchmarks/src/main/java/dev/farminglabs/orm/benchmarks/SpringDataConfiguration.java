package dev.farminglabs.orm.benchmarks;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data JDBC as an application configures it: the repository, a {@code DataSourceTransactionManager} (so
 * each repository call runs in a transaction of its own), the JSON converters of the database and, on MariaDB,
 * {@code Instant}s kept as UTC ({@link SpringDataUtcDateTimes}), as farming-orm keeps them. Both quotings of
 * the repository's queries ({@link SpringDataCacheEntryRepository.DoubleQuoted},
 * {@link SpringDataCacheEntryRepository.Backticked}) become beans; building the one a database does not use costs
 * start-up only, and nothing runs its SQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = SpringDataCacheEntryRepository.class, considerNestedRepositories = true,
		includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SpringDataCacheEntryRepository.class))
public class SpringDataConfiguration extends AbstractJdbcConfiguration {

	private final BenchmarkDatabase database;

	SpringDataConfiguration(BenchmarkDatabase database) {
		this.database = database;
	}

	@Bean
	NamedParameterJdbcTemplate namedParameterJdbcTemplate(DataSource dataSource) {
		return new NamedParameterJdbcTemplate(dataSource);
	}

	@Bean
	DataSourceTransactionManager transactionManager(DataSource dataSource) {
		return new DataSourceTransactionManager(dataSource);
	}

	@Bean
	TransactionTemplate transactionTemplate(DataSourceTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	@Override
	protected List<?> userConverters() {
		List<Object> converters = new ArrayList<>(SpringDataJsonConverters.forDatabase(this.database));
		converters.addAll(SpringDataUtcDateTimes.forDatabase(this.database));
		return converters;
	}

}
