package dev.farminglabs.orm.autoconfigure.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds farming-orm's auto-configuration (an {@code OrmClient} per {@code FrameworkSchema} bean, push-schema and
 * validate-schema as configured) to a test slice that does not include it, as {@code @AutoConfigureJdbc} does for
 * JDBC. {@code @JdbcTest}, {@code @DataJdbcTest}, {@code @DataMongoTest} and {@code @DataRedisTest} include it
 * already; Boot has no DynamoDB slice, so a DynamoDB test uses this annotation. The auto-configurations imported are
 * listed in {@code META-INF/spring/dev.farminglabs.orm.autoconfigure.test.AutoConfigureFarmingOrm.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureFarmingOrm {

}
