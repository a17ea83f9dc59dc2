package dev.farminglabs.orm.benchmarks;

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
 * each repository call runs in a transaction of its own) and the JSON converters of the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = SpringDataCacheEntryRepository.class,
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
		return SpringDataJsonConverters.forDatabase(this.database);
	}

}
