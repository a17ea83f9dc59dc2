package dev.farminglabs.orm.runtime;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A raw client a driver can use.
 *
 * @param kind the runtime family, as {@code jdbc}
 * @param dialect the backend dialect, as {@code postgresql}
 * @param source how the client was reached, as {@code "DataSource unwrapped from JdbcTemplate"}
 * @param client the object the driver will use (possibly unwrapped from what was passed)
 * @param serverVersion the server's version when detection learned it, or {@code null}
 */
public record DetectedRuntime(String kind, String dialect, String source, Object client,
		@Nullable String serverVersion) {

	public DetectedRuntime {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(dialect, "dialect");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(client, "client");
	}

	/** The kind and dialect, as {@code jdbc/postgresql}. */
	public String label() {
		return this.kind.equals(this.dialect) ? this.kind : this.kind + "/" + this.dialect;
	}

	@Override
	public String toString() {
		return "DetectedRuntime[" + label() + ", source=" + this.source + ", client="
				+ this.client.getClass().getName() + "]";
	}

}
