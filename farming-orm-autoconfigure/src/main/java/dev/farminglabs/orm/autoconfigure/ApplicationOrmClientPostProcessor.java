package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.client.OrmClient;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Hands every {@code OrmClient} bean the application defined itself to {@link FarmingOrmClients#adopt}, before any
 * other bean can use it, so that push-schema, validate-schema, the endpoint and the health indicator cover its
 * schema as they cover an auto-configured client (or the startup log says why they cannot).
 */
class ApplicationOrmClientPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private ListableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ListableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof OrmClient client
				&& this.beanFactory.containsBean(OrmClientBeanRegistrar.CLIENTS_BEAN_NAME)) {
			this.beanFactory.getBean(OrmClientBeanRegistrar.CLIENTS_BEAN_NAME, FarmingOrmClients.class)
				.adopt(beanName, client);
		}
		return bean;
	}

}
