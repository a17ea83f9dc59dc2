package dev.farminglabs.orm.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * Declares the auto-configured {@code OrmClient} beans that push their schema as database initializers, so that
 * Boot initialises beans that depend on database initialisation (a {@code JdbcTemplate}, JPA, ...) after the tables
 * exist.
 */
class FarmingOrmDatabaseInitializerDetector implements DatabaseInitializerDetector {

	@Override
	public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
		Set<String> names = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (Boolean.TRUE.equals(definition.getAttribute(OrmClientBeanRegistrar.PUSHES_SCHEMA_ATTRIBUTE))) {
				names.add(name);
			}
		}
		return names;
	}

}
