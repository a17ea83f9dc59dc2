package dev.farminglabs.orm.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code farmingorm} health indicator.
 */
@AutoConfiguration(after = FarmingOrmAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.HealthIndicator",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
public final class FarmingOrmHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnBean(FarmingOrmClients.class)
	@ConditionalOnEnabledHealthIndicator("farmingorm")
	@ConditionalOnMissingBean(name = "farmingormHealthIndicator")
	FarmingOrmHealthIndicator farmingormHealthIndicator(FarmingOrmClients clients) {
		return new FarmingOrmHealthIndicator(clients);
	}

}
