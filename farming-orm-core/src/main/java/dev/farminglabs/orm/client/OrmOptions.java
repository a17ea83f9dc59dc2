package dev.farminglabs.orm.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;

/**
 * Options of a client beyond its schema and runtime.
 *
 * @param observer wraps every model operation (metrics, traces); {@link OperationObserver#NONE} by default
 * @param clock the time of {@code defaultNow} fields; {@link Clock#systemUTC()} by default, a fixed clock pins time
 * in tests
 * @param operationTimeout how long one statement may take before it fails with {@code TIMEOUT}; applied by the
 * driver to every statement it sends (JDBC: {@code Statement.setQueryTimeout}, rounded up to whole seconds, and the
 * connection's network timeout, so a frozen server cannot block a call); {@code null} (the default) leaves the
 * backend's and the pool's own timeouts alone
 */
public record OrmOptions(OperationObserver observer, Clock clock, @Nullable Duration operationTimeout) {

	public OrmOptions {
		Objects.requireNonNull(observer, "observer");
		Objects.requireNonNull(clock, "clock");
		if (operationTimeout != null && (operationTimeout.isNegative() || operationTimeout.isZero())) {
			throw OrmException.validation(null, "operationTimeout",
					"The operation timeout must be positive, got " + operationTimeout);
		}
	}

	/** Options with an observer, the system clock and no operation timeout. */
	public OrmOptions(OperationObserver observer) {
		this(observer, Clock.systemUTC(), null);
	}

	/** No observer, the system clock, no operation timeout. */
	public static OrmOptions defaults() {
		return new OrmOptions(OperationObserver.NONE);
	}

	/** These options with another observer. */
	public OrmOptions withObserver(OperationObserver observer) {
		return new OrmOptions(observer, this.clock, this.operationTimeout);
	}

	/** These options with another clock. */
	public OrmOptions withClock(Clock clock) {
		return new OrmOptions(this.observer, clock, this.operationTimeout);
	}

	/** These options with another operation timeout ({@code null} for none). */
	public OrmOptions withOperationTimeout(@Nullable Duration timeout) {
		return new OrmOptions(this.observer, this.clock, timeout);
	}

}
