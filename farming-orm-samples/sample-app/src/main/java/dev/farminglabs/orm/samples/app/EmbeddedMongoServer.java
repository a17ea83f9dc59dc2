package dev.farminglabs.orm.samples.app;

import java.util.Arrays;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the {@code mongodb} profile and no {@code spring.mongodb.uri}, starts an in-process MongoDB server
 * (mongo-java-server, in memory) on a free loopback port before Boot creates its {@code MongoClient}, points
 * {@code spring.mongodb.uri} at it and stops it when the application closes. So the sample runs on MongoDB without
 * one installed. The server has no {@code hello} command, which Boot's MongoDB health check sends, so that check is
 * switched off for it; farming-orm's own health check still reaches the server.
 */
class EmbeddedMongoServer implements EnvironmentPostProcessor {

	static final String DATABASE = "platformkit";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Arrays.asList(environment.getActiveProfiles()).contains("mongodb")
				|| environment.containsProperty("spring.mongodb.uri")) {
			return;
		}
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + DATABASE;
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedMongoServer",
					Map.of("spring.mongodb.uri", uri, "management.health.mongodb.enabled", "false")));
		application.addListeners((ApplicationListener<ContextClosedEvent>) (event) -> server.shutdownNow());
	}

}
