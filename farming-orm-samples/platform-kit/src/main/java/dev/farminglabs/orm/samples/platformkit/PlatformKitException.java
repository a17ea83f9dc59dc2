package dev.farminglabs.orm.samples.platformkit;

/**
 * An error at the platform kit's boundary, in the kit's own words: what its store throws instead of a storage error
 * the kit's callers should not have to know about. The storage error is kept as the cause.
 */
public class PlatformKitException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PlatformKitException(String message, Throwable cause) {
		super(message, cause);
	}

}
