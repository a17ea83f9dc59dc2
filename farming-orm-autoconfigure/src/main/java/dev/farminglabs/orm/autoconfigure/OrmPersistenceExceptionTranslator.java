package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates an {@link OrmException} into Spring's {@link DataAccessException} hierarchy, the {@code OrmException}
 * kept as the cause, so that {@code @Repository} beans, retry templates and {@code @ExceptionHandler}s written for
 * Spring's exceptions work on farming-orm too. Retryable codes become {@code TransientDataAccessException}s.
 */
public class OrmPersistenceExceptionTranslator implements PersistenceExceptionTranslator {

	@Override
	public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		if (!(ex instanceof OrmException orm)) {
			return null;
		}
		String message = orm.code() + ": " + orm.getMessage();
		return switch (orm.code()) {
			case UNIQUE_CONSTRAINT_VIOLATION -> new DuplicateKeyException(message, orm);
			case FOREIGN_KEY_VIOLATION, NOT_NULL_VIOLATION -> new DataIntegrityViolationException(message, orm);
			case VALIDATION_ERROR, UNSUPPORTED_OPERATION -> new InvalidDataAccessApiUsageException(message, orm);
			case MISSING_TABLE, MISSING_SCHEMA -> new InvalidDataAccessResourceUsageException(message, orm);
			case DEADLOCK -> new CannotAcquireLockException(message, orm);
			case TRANSACTION_CONFLICT -> new PessimisticLockingFailureException(message, orm);
			case TIMEOUT -> new QueryTimeoutException(message, orm);
			case CONNECTION_FAILURE -> orm.retryable() ? new TransientDataAccessResourceException(message, orm)
					: new DataAccessResourceFailureException(message, orm);
			default -> fallback(orm, message);
		};
	}

	/** Codes added after this translator: by name where Spring has a match, else by whether a retry may help. */
	private static DataAccessException fallback(OrmException orm, String message) {
		if (orm.code().name().contains("PERMISSION")) {
			return new PermissionDeniedDataAccessException(message, orm);
		}
		if (orm.retryable()) {
			return new TransientDataAccessResourceException(message, orm);
		}
		return new UncategorizedOrmException(message, orm);
	}

	/** An {@link OrmException} whose code Spring's hierarchy has no better place for. */
	static final class UncategorizedOrmException extends UncategorizedDataAccessException {

		private static final long serialVersionUID = 1L;

		UncategorizedOrmException(String message, OrmException cause) {
			super(message, cause);
		}

		/** The code of the cause. */
		OrmErrorCode code() {
			return ((OrmException) getCause()).code();
		}

	}

}
