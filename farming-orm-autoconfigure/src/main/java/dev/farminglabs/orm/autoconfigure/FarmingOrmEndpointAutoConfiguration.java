package dev.farminglabs.orm.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code farmingorm} actuator endpoint.
 */
@AutoConfiguration(after = FarmingOrmAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
public final class FarmingOrmEndpointAutoConfiguration {

	@Bean
	@ConditionalOnAvailableEndpoint(FarmingOrmEndpoint.class)
	@ConditionalOnMissingBean
	@ConditionalOnBean(FarmingOrmClients.class)
	FarmingOrmEndpoint farmingOrmEndpoint(FarmingOrmClients clients) {
		return new FarmingOrmEndpoint(clients);
	}

}
