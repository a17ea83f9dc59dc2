package dev.farminglabs.orm.error;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The one exception type the client throws: a normalised {@link OrmErrorCode} plus what is known about where it
 * happened. The backend's own exception, when there is one, is kept as the cause.
 */
public class OrmException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final OrmErrorCode code;

	private final @Nullable String backendKind;

	private final @Nullable String dialect;

	private final boolean retryable;

	private final @Nullable String model;

	private final @Nullable String constraint;

	private final List<String> target;

	private final @Nullable String originalCode;

	private final boolean inDoubt;

	private final List<Object> writtenIds;

	protected OrmException(Builder builder) {
		super(builder.message, builder.cause);
		this.code = builder.code;
		this.backendKind = builder.backendKind;
		this.dialect = builder.dialect;
		this.inDoubt = builder.inDoubt;
		// A write that may have committed must not be retried blindly: retrying could apply it twice.
		this.retryable = !builder.inDoubt
				&& ((builder.retryable != null) ? builder.retryable : builder.code.retryable());
		this.model = builder.model;
		this.constraint = builder.constraint;
		this.target = List.copyOf(builder.target);
		this.originalCode = builder.originalCode;
		this.writtenIds = List.copyOf(builder.writtenIds);
	}

	/** Starts an exception with the given code and message. */
	public static Builder builder(OrmErrorCode code, String message) {
		return new Builder(code, message);
	}

	/** A {@link OrmErrorCode#VALIDATION_ERROR} about a model (and optionally a field). */
	public static OrmException validation(@Nullable String model, @Nullable String field, String message) {
		Builder builder = builder(OrmErrorCode.VALIDATION_ERROR, message).model(model);
		if (field != null) {
			builder.target(List.of(field));
		}
		return builder.build();
	}

	/** An {@link OrmErrorCode#UNSUPPORTED_OPERATION} about a model. */
	public static OrmException unsupported(@Nullable String model, String message) {
		return builder(OrmErrorCode.UNSUPPORTED_OPERATION, message).model(model).build();
	}

	/** Whether the throwable, or any of its causes, is an {@link OrmException}. */
	public static boolean isOrmError(@Nullable Throwable throwable) {
		for (Throwable t = throwable; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof OrmException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The ids of the rows that stay written although this write failed: for a {@code createMany} written in chunks
	 * (beyond the backend's {@code maxAtomicWrites}), the chunks committed before the failing one. Empty when the
	 * failure left nothing behind.
	 */
	public List<Object> writtenIds() {
		return this.writtenIds;
	}

	/** This failure, reporting rows that stay written; this exception is the cause. */
	public OrmException withWrittenIds(List<Object> ids) {
		if (ids.isEmpty()) {
			return this;
		}
		Builder builder = builder(this.code, getMessage() + " (" + ids.size()
				+ " rows written before the failure stay written; see writtenIds())").cause(this)
			.backend(this.backendKind, this.dialect)
			.retryable(this.retryable)
			.model(this.model)
			.constraint(this.constraint)
			.target(this.target)
			.originalCode(this.originalCode);
		builder.writtenIds = List.copyOf(ids);
		return builder.build();
	}

	public OrmErrorCode code() {
		return this.code;
	}

	/** The runtime kind (for example {@code jdbc}, {@code memory}) that raised the error, if known. */
	public @Nullable String backendKind() {
		return this.backendKind;
	}

	/** The dialect (for example {@code postgresql}) that raised the error, if known. */
	public @Nullable String dialect() {
		return this.dialect;
	}

	/**
	 * Whether retrying the same operation unchanged may succeed and is safe: the failure was transient and the
	 * operation did not take effect. Always {@code false} when {@link #inDoubt()}.
	 */
	public boolean retryable() {
		return this.retryable;
	}

	/**
	 * Whether the operation may have taken effect although it failed: a write whose connection broke or timed out
	 * after it was sent, or a transaction whose commit failed that way. The backend may have committed it, or not;
	 * only reading tells. {@code false} means the operation did not happen (a read, a failure before the backend was
	 * reached, a refused or rolled-back statement). Retry an in-doubt write only if it is idempotent (an upsert by key,
	 * an update to absolute values) or after checking whether it committed.
	 */
	public boolean inDoubt() {
		return this.inDoubt;
	}

	/** The schema model the operation was on, if known. */
	public @Nullable String model() {
		return this.model;
	}

	/** The name of the violated constraint or index, if known. */
	public @Nullable String constraint() {
		return this.constraint;
	}

	/** The model fields involved (for a unique violation, the fields of the key), possibly empty. */
	public List<String> target() {
		return this.target;
	}

	/** The backend's own error code (SQLSTATE, vendor code, server error code), if any. */
	public @Nullable String originalCode() {
		return this.originalCode;
	}

	/** Builds {@link OrmException}s; drivers use it to fill in what they know. */
	public static final class Builder {

		private final OrmErrorCode code;

		private final String message;

		private @Nullable Throwable cause;

		private @Nullable String backendKind;

		private @Nullable String dialect;

		private @Nullable Boolean retryable;

		private @Nullable String model;

		private @Nullable String constraint;

		private List<String> target = List.of();

		private @Nullable String originalCode;

		private boolean inDoubt;

		private List<Object> writtenIds = List.of();

		private Builder(OrmErrorCode code, String message) {
			this.code = Objects.requireNonNull(code, "code");
			this.message = Objects.requireNonNull(message, "message");
		}

		public Builder cause(@Nullable Throwable cause) {
			this.cause = cause;
			return this;
		}

		public Builder backend(@Nullable String backendKind, @Nullable String dialect) {
			this.backendKind = backendKind;
			this.dialect = dialect;
			return this;
		}

		public Builder retryable(boolean retryable) {
			this.retryable = retryable;
			return this;
		}

		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		public Builder constraint(@Nullable String constraint) {
			this.constraint = constraint;
			return this;
		}

		public Builder target(List<String> target) {
			this.target = List.copyOf(target);
			return this;
		}

		public Builder originalCode(@Nullable String originalCode) {
			this.originalCode = originalCode;
			return this;
		}

		/** Marks the operation as possibly applied; see {@link OrmException#inDoubt()}. */
		public Builder inDoubt(boolean inDoubt) {
			this.inDoubt = inDoubt;
			return this;
		}

		/** A builder holding everything the exception holds, to derive a changed copy. */
		public static Builder from(OrmException source) {
			Builder builder = new Builder(source.code(), String.valueOf(source.getMessage()));
			builder.cause = source.getCause();
			builder.backendKind = source.backendKind();
			builder.dialect = source.dialect();
			builder.retryable = source.retryable();
			builder.model = source.model();
			builder.constraint = source.constraint();
			builder.target = source.target();
			builder.originalCode = source.originalCode();
			builder.inDoubt = source.inDoubt();
			return builder;
		}

		public OrmException build() {
			return new OrmException(this);
		}

	}

}
