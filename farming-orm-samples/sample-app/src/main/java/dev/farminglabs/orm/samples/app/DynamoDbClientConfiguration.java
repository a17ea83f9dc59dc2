package dev.farminglabs.orm.samples.app;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * With the {@code dynamodb} profile, the application's own {@code DynamoDbClient} (what Spring Cloud AWS would
 * auto-configure) on {@code sample.dynamodb.endpoint}: a local dynalite by default, started by
 * {@code scripts/start-services.sh}. Local endpoints take any static credentials; against AWS, drop the endpoint and
 * use the default credentials chain instead.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dynamodb")
class DynamoDbClientConfiguration {

	@Bean(destroyMethod = "close")
	DynamoDbClient dynamoDbClient(@Value("${sample.dynamodb.endpoint}") String endpoint,
			@Value("${sample.dynamodb.region}") String region) {
		return DynamoDbClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.of(region))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.build();
	}

}
