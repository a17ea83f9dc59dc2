package dev.farminglabs.orm.tck;

/**
 * An error at a framework's boundary, in the framework's own words: what {@link FrameworkStore} throws instead of a
 * storage error the framework's callers should not have to know about. The storage error is kept as the cause.
 */
public class FrameworkException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public FrameworkException(String message, Throwable cause) {
		super(message, cause);
	}

}
