package dev.farminglabs.orm.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the opt-in problem-detail answers to {@code OrmException}s in Spring MVC applications
 * ({@code farming.orm.problem-details.enabled=true}).
 */
@AutoConfiguration(after = FarmingOrmAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet",
		"org.springframework.dao.DataAccessException", "dev.farminglabs.orm.error.OrmException" })
@ConditionalOnBooleanProperty("farming.orm.problem-details.enabled")
public final class FarmingOrmProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OrmProblemDetailsExceptionHandler farmingOrmProblemDetailsExceptionHandler() {
		return new OrmProblemDetailsExceptionHandler();
	}

}
