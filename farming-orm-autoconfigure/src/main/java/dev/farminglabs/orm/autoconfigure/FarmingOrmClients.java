package dev.farminglabs.orm.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.OperationObserver;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.setup.SetupPlan;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Creates the auto-configured {@link OrmClient} of each {@code FrameworkSchema} bean, on the raw client chosen for
 * it, pushing the schema first when {@code farming.orm.push-schema} is on, and remembers what it did for the
 * actuator endpoint and the health indicator.
 */
public final class FarmingOrmClients {

	private static final Log logger = LogFactory.getLog(FarmingOrmClients.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final FarmingOrmProperties properties;

	private final List<OrmRuntimeType> runtimeTypes;

	private final OperationObserver observer;

	private final List<OrmOptionsCustomizer> customizers;

	private final Clock clock;

	private final Map<String, SchemaClient> clients = new ConcurrentHashMap<>();

	private final Map<String, String> uncovered = new ConcurrentHashMap<>();

	FarmingOrmClients(ConfigurableListableBeanFactory beanFactory, FarmingOrmProperties properties,
			List<OrmRuntimeType> runtimeTypes, OperationObserver observer) {
		this(beanFactory, properties, runtimeTypes, observer, List.of(), Clock.systemUTC());
	}

	FarmingOrmClients(ConfigurableListableBeanFactory beanFactory, FarmingOrmProperties properties,
			List<OrmRuntimeType> runtimeTypes, OperationObserver observer, List<OrmOptionsCustomizer> customizers,
			Clock clock) {
		this.beanFactory = beanFactory;
		this.properties = properties;
		this.runtimeTypes = List.copyOf(runtimeTypes);
		this.observer = observer;
		this.customizers = List.copyOf(customizers);
		this.clock = clock;
	}

	/**
	 * Creates the client of a schema bean. Called once per schema, by the {@code <schemaBean>OrmClient} bean.
	 * @param schemaBeanName the name of the {@code FrameworkSchema} bean
	 * @return the client, on a pushed schema when push-schema is on
	 */
	public OrmClient create(String schemaBeanName) {
		FrameworkSchema schema = this.beanFactory.getBean(schemaBeanName, FrameworkSchema.class);
		String runtimeBeanName = selectRuntime(schemaBeanName);
		Object runtime = runtimeBean(runtimeBeanName);
		OrmClient client = FarmingOrm.createOrmFromRuntime(schema, runtime, options());
		prepare(schemaBeanName, schema, schemaBeanName + OrmClientBeanRegistrar.SUFFIX, false, runtimeBeanName,
				runtime, client);
		return client;
	}

	/**
	 * Covers a client the application defined itself: its schema is pushed and validated as configured (on the
	 * runtime chosen as for an auto-configured client), and the endpoint and health indicator show it. A client
	 * that cannot be covered (its schema is no bean, no runtime can be chosen) is logged with the reason.
	 * @param clientBeanName the name of the application's {@code OrmClient} bean
	 * @param client the client
	 */
	void adopt(String clientBeanName, OrmClient client) {
		if (this.clients.values().stream().anyMatch((entry) -> entry.client() == client)) {
			return;
		}
		String schemaBeanName = schemaBeanOf(client.schema());
		if (schemaBeanName == null) {
			notCovered(clientBeanName, "its schema '" + client.schema().name() + "' is not a FrameworkSchema bean");
			return;
		}
		SchemaClient existing = this.clients.get(schemaBeanName);
		if (existing != null) {
			notCovered(clientBeanName, "schema bean '" + schemaBeanName + "' is already covered by client bean '"
					+ existing.clientBeanName() + "'");
			return;
		}
		String runtimeBeanName;
		try {
			runtimeBeanName = selectRuntime(schemaBeanName);
		}
		catch (OrmRuntimeSelectionException ex) {
			notCovered(clientBeanName, ex.getMessage() + " " + ex.getAction());
			return;
		}
		prepare(schemaBeanName, client.schema(), clientBeanName, true, runtimeBeanName,
				runtimeBean(runtimeBeanName), client);
	}

	/**
	 * The runtime bean, with the driver settings of the properties (a Redis factory's key prefix, a DynamoDB client's
	 * table prefix).
	 */
	private Object runtimeBean(String runtimeBeanName) {
		Object runtime = RedisKeyPrefix.apply(this.beanFactory.getBean(runtimeBeanName), this.properties);
		return DynamoDbTablePrefix.apply(runtime, this.properties);
	}

	private void prepare(String schemaBeanName, FrameworkSchema schema, String clientBeanName, boolean userDefined,
			String runtimeBeanName, Object runtime, OrmClient client) {
		PushResult push = null;
		if (this.properties.pushSchema(schemaBeanName)) {
			push = SchemaSetup.pushSchema(schema, runtime);
		}
		if (this.properties.validateSchema(schemaBeanName)) {
			SetupPlan plan = SchemaSetup.plan(schema, runtime);
			if (!plan.isEmpty()) {
				throw new SchemaValidationException(schemaBeanName, schema.name(), runtimeBeanName,
						client.driver().kind() + "/" + client.driver().dialect(), plan.actions());
			}
		}
		SchemaClient entry = new SchemaClient(schemaBeanName, schema, runtimeBeanName, runtime, client, push,
				clientBeanName, userDefined);
		this.clients.put(schemaBeanName, entry);
		logger.info(startupLine(entry));
	}

	private void notCovered(String clientBeanName, String reason) {
		this.uncovered.put(clientBeanName, reason);
		logger.info("farming-orm: client bean '" + clientBeanName + "' is the application's own and is not covered "
				+ "by push-schema, validate-schema, the endpoint or the health indicator: " + reason);
	}

	private @Nullable String schemaBeanOf(FrameworkSchema schema) {
		String[] names = this.beanFactory.getBeanNamesForType(FrameworkSchema.class, false, false);
		String byName = null;
		for (String name : names) {
			FrameworkSchema candidate = this.beanFactory.getBean(name, FrameworkSchema.class);
			if (candidate == schema) {
				return name;
			}
			if (byName == null && candidate.name().equals(schema.name())) {
				byName = name;
			}
		}
		return byName;
	}

	private OrmOptions options() {
		OrmOptions options = new OrmOptions(this.observer).withClock(this.clock)
			.withOperationTimeout(this.properties.getOperationTimeout());
		for (OrmOptionsCustomizer customizer : this.customizers) {
			options = customizer.customize(options);
		}
		return options;
	}

	/** Application clients that push, validate, endpoint and health do not cover, with the reason. */
	public Map<String, String> uncovered() {
		return Collections.unmodifiableMap(new TreeMap<>(this.uncovered));
	}

	/** The clients created so far, by schema bean name. */
	public Map<String, SchemaClient> clients() {
		return Collections.unmodifiableMap(new TreeMap<>(this.clients));
	}

	/** The client of a schema, by schema bean name or schema name. */
	public Optional<SchemaClient> client(String name) {
		SchemaClient byBean = this.clients.get(name);
		if (byBean != null) {
			return Optional.of(byBean);
		}
		return this.clients.values().stream().filter((entry) -> entry.schema().name().equals(name)).findFirst();
	}

	static String startupLine(SchemaClient entry) {
		DriverHandle handle = entry.client().driver();
		StringBuilder line = new StringBuilder("farming-orm: schema '").append(entry.schema().name())
			.append("' on ")
			.append((handle.serverVersion() != null) ? handle.serverVersion() : handle.dialect());
		line.append(" (")
			.append(handle.kind())
			.append(", ")
			.append(ClassUtils.getShortName(entry.runtime().getClass()))
			.append(" '")
			.append(entry.runtimeBeanName())
			.append("'), ")
			.append(entry.schema().models().size())
			.append(" models; ");
		if (entry.userDefined()) {
			line.append("client bean '").append(entry.clientBeanName()).append("' is the application's own; ");
		}
		PushResult push = entry.lastPush();
		if (push == null) {
			line.append("push-schema off");
		}
		else {
			line.append("push-schema ").append(push.describe()).append(" in ").append(push.duration().toMillis())
				.append(" ms");
		}
		return line.toString();
	}

	private String selectRuntime(String schemaBeanName) {
		List<Candidate> candidates = candidates();
		FarmingOrmProperties.Schema schemaProperties = this.properties.getSchemas().get(schemaBeanName);
		String schemaProperty = "farming.orm.schemas." + schemaBeanName + ".runtime";
		String selection = (schemaProperties != null) ? schemaProperties.getRuntime() : null;
		String property = schemaProperty;
		if (selection == null) {
			selection = this.properties.getRuntime();
			property = "farming.orm.runtime";
		}
		if (selection != null && !selection.isBlank()) {
			String selected = selection.trim();
			for (Candidate candidate : candidates) {
				if (candidate.beanName().equals(selected)) {
					return selected;
				}
			}
			if (this.beanFactory.containsBean(selected)) {
				// Any bean the installed drivers can use (a JdbcTemplate, a JdbcClient, ...): core checks it.
				return selected;
			}
			List<Candidate> ofKind = candidates.stream().filter((c) -> c.type().kind().equals(selected)).toList();
			if (ofKind.size() == 1) {
				return ofKind.get(0).beanName();
			}
			throw new OrmRuntimeSelectionException(schemaBeanName, OrmRuntimeSelectionException.Reason.UNKNOWN_SELECTION,
					describeAll(candidates), selected,
					"Set " + property + " to one of the bean names " + beanNames(candidates)
							+ " or to the kind of exactly one of them.");
		}
		if (candidates.size() == 1) {
			return candidates.get(0).beanName();
		}
		if (candidates.isEmpty()) {
			throw noRuntime(schemaBeanName);
		}
		List<Candidate> primary = candidates.stream().filter(Candidate::primary).toList();
		if (primary.size() == 1) {
			return primary.get(0).beanName();
		}
		throw new OrmRuntimeSelectionException(schemaBeanName, OrmRuntimeSelectionException.Reason.SEVERAL,
				describeAll(candidates), null,
				"Set farming.orm.runtime to one of the bean names " + beanNames(candidates)
						+ " (for every schema), or " + schemaProperty + " (for this schema only), or mark one of "
						+ "those beans @Primary.");
	}

	private OrmRuntimeSelectionException noRuntime(String schemaBeanName) {
		List<String> found = new ArrayList<>();
		List<String> modules = new ArrayList<>();
		ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
		for (OrmRuntimeType known : OrmRuntimeType.KNOWN) {
			if (this.runtimeTypes.contains(known) || !ClassUtils.isPresent(known.clientClassName(), classLoader)) {
				continue;
			}
			Class<?> type = ClassUtils.resolveClassName(known.clientClassName(), classLoader);
			for (String name : this.beanFactory.getBeanNamesForType(type, true, false)) {
				found.add("'" + name + "' (" + describeType(name, type) + "), which needs " + known.module()
						+ " on the class path");
				if (!modules.contains(known.module())) {
					modules.add(known.module());
				}
			}
		}
		String action;
		if (!modules.isEmpty()) {
			action = "Add " + String.join(" and ", modules) + " to the application's dependencies.";
		}
		else {
			StringBuilder text = new StringBuilder("Define a bean farming-orm can run on, with its driver module:");
			for (OrmRuntimeType known : OrmRuntimeType.KNOWN) {
				text.append(System.lineSeparator()).append("\t- ").append(known.starter()).append(" with ")
					.append(known.module());
				if (this.runtimeTypes.contains(known)) {
					text.append(" (present)");
				}
			}
			action = text.toString();
		}
		return new OrmRuntimeSelectionException(schemaBeanName, OrmRuntimeSelectionException.Reason.NONE, found, null,
				action);
	}

	private List<Candidate> candidates() {
		List<Candidate> candidates = new ArrayList<>();
		ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
		for (OrmRuntimeType runtimeType : this.runtimeTypes) {
			if (!ClassUtils.isPresent(runtimeType.clientClassName(), classLoader)) {
				continue;
			}
			Class<?> type = ClassUtils.resolveClassName(runtimeType.clientClassName(), classLoader);
			for (String name : this.beanFactory.getBeanNamesForType(type, true, false)) {
				candidates.add(new Candidate(name, runtimeType, describeType(name, type), isPrimary(name)));
			}
		}
		return candidates;
	}

	private boolean isPrimary(String beanName) {
		if (!this.beanFactory.containsBeanDefinition(beanName)) {
			return false;
		}
		BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(beanName);
		return definition.isPrimary();
	}

	private String describeType(String beanName, Class<?> type) {
		Class<?> actual = this.beanFactory.getType(beanName, false);
		String text = type.getSimpleName();
		if (actual != null && actual != type) {
			text += ", " + actual.getSimpleName();
		}
		return text;
	}

	private static List<String> describeAll(List<Candidate> candidates) {
		return candidates.stream()
			.map((c) -> "'" + c.beanName() + "' (" + c.type().kind() + ": " + c.description()
					+ (c.primary() ? ", @Primary" : "") + ")")
			.toList();
	}

	private static String beanNames(List<Candidate> candidates) {
		return candidates.stream().map((c) -> "'" + c.beanName() + "'").toList().toString();
	}

	private record Candidate(String beanName, OrmRuntimeType type, String description, boolean primary) {
	}

	/**
	 * A schema's auto-configured client and what was done at startup.
	 *
	 * @param schemaBeanName the name of the {@code FrameworkSchema} bean
	 * @param schema the schema
	 * @param runtimeBeanName the name of the raw client bean the client runs on
	 * @param runtime the raw client bean
	 * @param client the client
	 * @param lastPush the last push-schema result, or {@code null} when push-schema is off
	 * @param clientBeanName the name of the client bean
	 * @param userDefined whether the application defined the client itself
	 */
	public record SchemaClient(String schemaBeanName, FrameworkSchema schema, String runtimeBeanName, Object runtime,
			OrmClient client, @Nullable PushResult lastPush, String clientBeanName, boolean userDefined) {
	}

}
