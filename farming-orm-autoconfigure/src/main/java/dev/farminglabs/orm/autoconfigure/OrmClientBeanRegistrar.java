package dev.farminglabs.orm.autoconfigure;

import java.util.Arrays;
import java.util.List;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.schema.FrameworkSchema;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link OrmClient} bean, named {@code <schemaBean>OrmClient}, per {@code FrameworkSchema} bean, with a
 * resource description naming the schema bean. A bean of that name defined by the application is kept instead;
 * with a single schema, any {@code OrmClient} bean of the application's is used instead, so that {@code OrmClient}
 * stays injectable by type. The application's clients are still covered by push-schema, validate-schema, the
 * endpoint and health (see {@link ApplicationOrmClientPostProcessor}), and marked as database initializers when a
 * schema pushes.
 */
class OrmClientBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, Ordered {

	/** Bean definition attribute marking the clients that push their schema, for database-initialisation order. */
	static final String PUSHES_SCHEMA_ATTRIBUTE = OrmClientBeanRegistrar.class.getName() + ".pushesSchema";

	static final String CLIENTS_BEAN_NAME = "farmingOrmClients";

	static final String SUFFIX = "OrmClient";

	private static final Log logger = LogFactory.getLog(OrmClientBeanRegistrar.class);

	private FarmingOrmProperties properties = new FarmingOrmProperties();

	@Override
	public void setEnvironment(Environment environment) {
		this.properties = Binder.get(environment)
			.bind("farming.orm", FarmingOrmProperties.class)
			.orElseGet(FarmingOrmProperties::new);
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		if (!(registry instanceof ListableBeanFactory beanFactory)) {
			return;
		}
		List<String> schemas = Arrays.asList(beanFactory.getBeanNamesForType(FrameworkSchema.class, true, false));
		if (schemas.isEmpty()) {
			return;
		}
		String[] applicationClients = beanFactory.getBeanNamesForType(OrmClient.class, true, false);
		for (String clientBeanName : applicationClients) {
			// The application's own clients are adopted (see ApplicationOrmClientPostProcessor) and may push.
			if (registry.containsBeanDefinition(clientBeanName) && schemas.stream().anyMatch(this.properties::pushSchema)) {
				registry.getBeanDefinition(clientBeanName).setAttribute(PUSHES_SCHEMA_ATTRIBUTE, true);
			}
		}
		if (schemas.size() == 1 && applicationClients.length > 0) {
			logger.info("farming-orm: no client is auto-configured for FrameworkSchema bean '" + schemas.get(0)
					+ "': the application defines OrmClient bean(s) " + Arrays.toString(applicationClients));
			return;
		}
		for (String schemaBeanName : schemas) {
			String clientBeanName = schemaBeanName + SUFFIX;
			if (registry.containsBeanDefinition(clientBeanName)) {
				continue;
			}
			RootBeanDefinition definition = new RootBeanDefinition(OrmClient.class);
			definition.setFactoryBeanName(CLIENTS_BEAN_NAME);
			definition.setFactoryMethodName("create");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, schemaBeanName);
			definition.setDependsOn(schemaBeanName);
			definition.setAttribute(PUSHES_SCHEMA_ATTRIBUTE, this.properties.pushSchema(schemaBeanName));
			definition.setResourceDescription("farming-orm client of FrameworkSchema bean '" + schemaBeanName
					+ "', registered by " + FarmingOrmAutoConfiguration.class.getName());
			registry.registerBeanDefinition(clientBeanName, definition);
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
