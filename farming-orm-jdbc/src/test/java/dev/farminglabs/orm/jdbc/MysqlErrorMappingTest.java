package dev.farminglabs.orm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.MysqlDialect;
import dev.farminglabs.orm.jdbc.internal.SqlErrorTranslator;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link SqlErrorTranslator} on MySQL 8, which has no server here: exceptions built from the messages, SQLSTATEs and
 * vendor codes MySQL 8.0/8.4 sends, on {@link ErrorMappingTest#SCHEMA}. The table of vendor codes it pins:
 *
 * <table>
 * <caption>MySQL error codes and the codes they map to</caption>
 * <tr><th>vendor code (SQLSTATE)</th><th>MySQL name</th><th>maps to</th></tr>
 * <tr><td>1062 (23000)</td><td>ER_DUP_ENTRY</td><td>UNIQUE_CONSTRAINT_VIOLATION</td></tr>
 * <tr><td>1452 (23000)</td><td>ER_NO_REFERENCED_ROW_2</td><td>FOREIGN_KEY_VIOLATION</td></tr>
 * <tr><td>1451 (23000)</td><td>ER_ROW_IS_REFERENCED_2</td><td>FOREIGN_KEY_VIOLATION</td></tr>
 * <tr><td>1048 (23000)</td><td>ER_BAD_NULL_ERROR</td><td>NOT_NULL_VIOLATION</td></tr>
 * <tr><td>1364 (HY000)</td><td>ER_NO_DEFAULT_FOR_FIELD</td><td>NOT_NULL_VIOLATION</td></tr>
 * <tr><td>1146 (42S02)</td><td>ER_NO_SUCH_TABLE</td><td>MISSING_TABLE</td></tr>
 * <tr><td>1049 (42000)</td><td>ER_BAD_DB_ERROR</td><td>MISSING_SCHEMA</td></tr>
 * <tr><td>1213 (40001)</td><td>ER_LOCK_DEADLOCK</td><td>DEADLOCK (retryable)</td></tr>
 * <tr><td>1205 (HY000)</td><td>ER_LOCK_WAIT_TIMEOUT</td><td>TIMEOUT (retryable)</td></tr>
 * <tr><td>3024 (HY000)</td><td>ER_QUERY_TIMEOUT</td><td>TIMEOUT (retryable)</td></tr>
 * <tr><td>0 (08S01)</td><td>communications link failure (Connector/J)</td><td>CONNECTION_FAILURE (retryable)</td></tr>
 * </table>
 */
class MysqlErrorMappingTest {

	private final SqlErrorTranslator translator = new SqlErrorTranslator(new MysqlDialect());

	private OrmException translate(@Nullable String model, String message, String sqlState, int vendorCode) {
		ModelDefinition definition = (model != null) ? ErrorMappingTest.SCHEMA.model(model) : null;
		return this.translator.translate(new SQLException(message, sqlState, vendorCode), definition, "statement");
	}

	private static void assertError(OrmException error, OrmErrorCode code, @Nullable String model,
			@Nullable String constraint, String originalCode, boolean retryable, String... target) {
		assertThat(error.code()).as("code of: %s", error.getMessage()).isEqualTo(code);
		assertThat(error.model()).as("model").isEqualTo(model);
		assertThat(error.constraint()).as("constraint").isEqualTo(constraint);
		assertThat(error.target()).as("target").containsExactly(target);
		assertThat(error.originalCode()).as("originalCode").isEqualTo(originalCode);
		assertThat(error.backendKind()).as("backendKind").isEqualTo("jdbc");
		assertThat(error.dialect()).as("dialect").isEqualTo("mysql");
		assertThat(error.retryable()).as("retryable").isEqualTo(retryable);
	}

	@Test
	void aDuplicateEntryForATableQualifiedKeyNamesTheKeyAndItsField() {
		OrmException error = translate("account",
				"Duplicate entry 'ada@example.com' for key 'err_accounts.err_accounts_email_unique'", "23000", 1062);
		assertError(error, OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION, "account", "err_accounts_email_unique",
				"23000/1062", false, "email");
	}

	@Test
	void aDuplicateEntryForACompoundKeyNamesAllItsFields() {
		OrmException error = translate("entry",
				"Duplicate entry 'sessions-a' for key 'err_entries.err_entries_namespace_key_unique'", "23000", 1062);
		assertError(error, OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION, "entry", "err_entries_namespace_key_unique",
				"23000/1062", false, "namespace", "key");
	}

	@Test
	void aDuplicatePrimaryKeyNamesTheIdKey() {
		OrmException error = translate("account", "Duplicate entry 'a1' for key 'err_accounts.PRIMARY'", "23000", 1062);
		String primaryKey = ErrorMappingTest.SCHEMA.model("account").uniqueConstraints().get(0).name();
		assertError(error, OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION, "account", primaryKey, "23000/1062", false, "id");
	}

	@Test
	void aDanglingReferenceNamesTheForeignKeyAndTheReferenceField() {
		OrmException error = translate("note",
				"Cannot add or update a child row: a foreign key constraint fails (`app`.`err_notes`, CONSTRAINT "
						+ "`err_notes_account_id_fkey` FOREIGN KEY (`account_id`) REFERENCES `err_accounts` (`id`))",
				"23000", 1452);
		assertError(error, OrmErrorCode.FOREIGN_KEY_VIOLATION, "note", "err_notes_account_id_fkey", "23000/1452", false,
				"accountId");
	}

	@Test
	void deletingAReferencedRowNamesTheReferencingForeignKey() {
		OrmException error = translate("account",
				"Cannot delete or update a parent row: a foreign key constraint fails (`app`.`err_notes`, CONSTRAINT "
						+ "`err_notes_account_id_fkey` FOREIGN KEY (`account_id`) REFERENCES `err_accounts` (`id`))",
				"23000", 1451);
		assertError(error, OrmErrorCode.FOREIGN_KEY_VIOLATION, "account", "err_notes_account_id_fkey", "23000/1451",
				false);
	}

	@Test
	void aNullColumnNamesTheFieldOfThatColumn() {
		OrmException error = translate("account", "Column 'display_name' cannot be null", "23000", 1048);
		assertError(error, OrmErrorCode.NOT_NULL_VIOLATION, "account", null, "23000/1048", false, "name");
	}

	@Test
	void aMissingValueForAFieldWithoutDefaultNamesTheField() {
		OrmException error = translate("account", "Field 'display_name' doesn't have a default value", "HY000", 1364);
		assertError(error, OrmErrorCode.NOT_NULL_VIOLATION, "account", null, "HY000/1364", false, "name");
	}

	@Test
	void aTableThatDoesNotExistIsAMissingTable() {
		OrmException error = translate("account", "Table 'app.err_accounts' doesn't exist", "42S02", 1146);
		assertError(error, OrmErrorCode.MISSING_TABLE, "account", null, "42S02/1146", false);
	}

	@Test
	void anUnknownDatabaseIsAMissingSchema() {
		OrmException error = translate("account", "Unknown database 'err_missing_ns'", "42000", 1049);
		assertError(error, OrmErrorCode.MISSING_SCHEMA, "account", null, "42000/1049", false);
	}

	@Test
	void aDeadlockIsRetryable() {
		OrmException error = translate("account", "Deadlock found when trying to get lock; try restarting transaction",
				"40001", 1213);
		assertError(error, OrmErrorCode.DEADLOCK, "account", null, "40001/1213", true);
	}

	@Test
	void aLockWaitTimeoutIsARetryableTimeout() {
		OrmException error = translate("account", "Lock wait timeout exceeded; try restarting transaction", "HY000",
				1205);
		assertError(error, OrmErrorCode.TIMEOUT, "account", null, "HY000/1205", true);
	}

	@Test
	void theMaximumStatementExecutionTimeIsARetryableTimeout() {
		OrmException error = translate(null,
				"Query execution was interrupted, maximum statement execution time exceeded", "HY000", 3024);
		assertError(error, OrmErrorCode.TIMEOUT, null, null, "HY000/3024", true);
	}

	@Test
	void aBrokenCommunicationsLinkIsARetryableConnectionFailure() {
		OrmException error = translate(null, "Communications link failure\n\nThe last packet sent successfully to the "
				+ "server was 0 milliseconds ago.", "08S01", 0);
		assertError(error, OrmErrorCode.CONNECTION_FAILURE, null, null, "08S01", true);
	}

}
