package dev.farminglabs.orm.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.setup.SetupPlan;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of every auto-configured schema: its runtime is reachable and its tables (collections, indexes) exist.
 * Missing ones make the status {@code OUT_OF_SERVICE}, with what is missing in the details; an unreachable runtime
 * makes it {@code DOWN}, with the {@code OrmException}'s code in the details.
 */
public class FarmingOrmHealthIndicator extends AbstractHealthIndicator {

	private final FarmingOrmClients clients;

	public FarmingOrmHealthIndicator(FarmingOrmClients clients) {
		super("farming-orm health check failed");
		this.clients = clients;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Status status = Status.UP;
		for (FarmingOrmClients.SchemaClient entry : this.clients.clients().values()) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("schema", entry.schema().name());
			details.put("runtime", entry.client().driver().kind() + "/" + entry.client().driver().dialect());
			try {
				SetupPlan plan = SchemaSetup.plan(entry.schema(), entry.runtime());
				List<String> missing = plan.actions().stream().map((a) -> a.type() + " " + a.target()).toList();
				details.put("missing", missing);
				if (!missing.isEmpty() && status == Status.UP) {
					status = Status.OUT_OF_SERVICE;
				}
			}
			catch (RuntimeException ex) {
				OrmException orm = OrmErrors.find(ex);
				if (orm != null) {
					details.put("code", orm.code().name());
					details.put("retryable", orm.retryable());
				}
				details.put("error", Secrets.redact(ex.getMessage()));
				status = Status.DOWN;
			}
			builder.withDetail(entry.schemaBeanName(), details);
		}
		builder.status(status);
	}

}
