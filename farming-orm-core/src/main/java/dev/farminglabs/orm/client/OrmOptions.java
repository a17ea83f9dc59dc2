package dev.farminglabs.orm.client;

import java.time.Clock;
import java.util.Objects;

/**
 * Options of a client beyond its schema and runtime.
 *
 * @param observer wraps every model operation (metrics, traces); {@link OperationObserver#NONE} by default
 * @param clock the time of {@code defaultNow} fields; {@link Clock#systemUTC()} by default, a fixed clock pins time
 * in tests
 */
public record OrmOptions(OperationObserver observer, Clock clock) {

	public OrmOptions {
		Objects.requireNonNull(observer, "observer");
		Objects.requireNonNull(clock, "clock");
	}

	/** These options with an observer and the system clock. */
	public OrmOptions(OperationObserver observer) {
		this(observer, Clock.systemUTC());
	}

	/** No observer, the system clock. */
	public static OrmOptions defaults() {
		return new OrmOptions(OperationObserver.NONE, Clock.systemUTC());
	}

	/** These options with another observer. */
	public OrmOptions withObserver(OperationObserver observer) {
		return new OrmOptions(observer, this.clock);
	}

	/** These options with another clock. */
	public OrmOptions withClock(Clock clock) {
		return new OrmOptions(this.observer, clock);
	}

}
