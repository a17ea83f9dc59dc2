package dev.farminglabs.orm.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hand-written SQL through {@code JdbcTemplate}, doing the work the ORM call promises and no less: the same columns
 * read into the same {@link CacheEntry} record with the JSON text decoded to a tree, only live rows read, counted and
 * updated ({@code expiresAt} null or after the current instant, bound per call, as farming-orm adds for the model's
 * expiry field), the written row handed back ({@code RETURNING} where the database has it, otherwise a read by key
 * after the write), the native upsert, and {@code createMany} as one JDBC batch in a transaction.
 *
 * <p>The native upsert has no live-row condition: its conflict path only ever meets seeded rows, which have no
 * expiry, so it does what the ORM's upsert does there. {@link #createManyRowByRow(String)} is what
 * {@code createMany} saves an application from: the same rows inserted by 1,000 single statements in one
 * transaction.
 */
public class RawSide extends Workload {

	private static final List<String> COLUMNS = List.of("id", "namespace", "key", "value", "expiresAt", "updatedAt");

	private JdbcTemplate jdbc;

	private TransactionTemplate transactions;

	private RowMapper<CacheEntry> mapper;

	private String selectByKey;

	private String selectPage;

	private String insert;

	private String update;

	private String upsert;

	private String count;

	@Override
	void connect() {
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		this.mapper = this::map;
		String columns = COLUMNS.stream().map(this::column).collect(Collectors.joining(", "));
		String byKey = " WHERE " + column("namespace") + " = ? AND " + column("key") + " = ?";
		// The ORM's condition for an expiry field; its parameter is the current instant.
		String live = " AND (" + column("expiresAt") + " IS NULL OR " + column("expiresAt") + " > ?)";
		String json = this.backend.jsonPlaceholder();
		String returning = this.backend.returnsWrittenRows() ? " RETURNING " + columns : "";
		this.selectByKey = "SELECT " + columns + " FROM " + table() + byKey + live;
		this.selectPage = "SELECT " + columns + " FROM " + table() + " WHERE " + column("namespace") + " = ?" + live
				+ " ORDER BY " + column("key") + " LIMIT " + PAGE;
		this.insert = "INSERT INTO " + table() + " (" + columns + ") VALUES (?, ?, ?, " + json + ", ?, ?)";
		this.update = "UPDATE " + table() + " SET " + column("value") + " = " + json + ", " + column("updatedAt")
				+ " = ?" + byKey + live + returning;
		this.upsert = upsertStatement(columns, json) + returning;
		this.count = "SELECT COUNT(*) FROM " + table() + " WHERE " + column("namespace") + " = ?" + live;
	}

	/** The native upsert of each database; its parameters are id, namespace, key, value, updatedAt. */
	private String upsertStatement(String columns, String json) {
		String values = "VALUES (?, ?, ?, " + json + ", NULL, ?)";
		return switch (this.backend) {
			case POSTGRESQL -> "INSERT INTO " + table() + " (" + columns + ") " + values + " ON CONFLICT ("
					+ column("namespace") + ", " + column("key") + ") DO UPDATE SET " + column("value")
					+ " = EXCLUDED." + column("value") + ", " + column("updatedAt") + " = EXCLUDED."
					+ column("updatedAt");
			case MARIADB -> "INSERT INTO " + table() + " (" + columns + ") " + values + " ON DUPLICATE KEY UPDATE "
					+ column("value") + " = VALUES(" + column("value") + "), " + column("updatedAt") + " = VALUES("
					+ column("updatedAt") + ")";
			case H2 -> "MERGE INTO " + table() + " t USING (" + values + ") s("
					+ columns + ") ON t." + column("namespace") + " = s." + column("namespace") + " AND t."
					+ column("key") + " = s." + column("key") + " WHEN MATCHED THEN UPDATE SET " + column("value")
					+ " = s." + column("value") + ", " + column("updatedAt") + " = s." + column("updatedAt")
					+ " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES ("
					+ COLUMNS.stream().map((name) -> "s." + column(name))
						.collect(Collectors.joining(", "))
					+ ")";
		};
	}

	@Override
	public Object findUnique(String key) {
		return first(this.jdbc.query(this.selectByKey, this.mapper, SEEDED_NAMESPACE, key, now()));
	}

	@Override
	public Object findMany() {
		return this.jdbc.query(this.selectPage, this.mapper, SEEDED_NAMESPACE, now());
	}

	@Override
	public Object create(String key) {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		this.jdbc.update(this.insert, id, CREATED_NAMESPACE, key, JSON.writeValueAsString(WRITTEN), null,
				this.backend.timestamp(now));
		return new CacheEntry(id, CREATED_NAMESPACE, key, WRITTEN, null, now);
	}

	@Override
	public Object update(String key) {
		Object now = now();
		Object[] arguments = { JSON.writeValueAsString(WRITTEN), now, SEEDED_NAMESPACE, key, now };
		if (this.backend.returnsWrittenRows()) {
			return first(this.jdbc.query(this.update, this.mapper, arguments));
		}
		this.jdbc.update(this.update, arguments);
		return findUnique(key);
	}

	@Override
	public Object upsert(String key) {
		Object[] arguments = { UUID.randomUUID().toString(), SEEDED_NAMESPACE, key, JSON.writeValueAsString(WRITTEN),
				this.backend.timestamp(Instant.now()) };
		if (this.backend.returnsWrittenRows()) {
			return this.jdbc.queryForObject(this.upsert, this.mapper, arguments);
		}
		this.jdbc.update(this.upsert, arguments);
		return findUnique(key);
	}

	@Override
	public Object createMany(String keyPrefix) {
		List<CacheEntry> rows = newRows(keyPrefix);
		String value = JSON.writeValueAsString(WRITTEN);
		this.transactions.executeWithoutResult((status) -> this.jdbc.batchUpdate(this.insert,
				new BatchPreparedStatementSetter() {
					@Override
					public void setValues(PreparedStatement statement, int i) throws SQLException {
						bindInsert(statement, rows.get(i), value);
					}

					@Override
					public int getBatchSize() {
						return rows.size();
					}
				}));
		return rows;
	}

	/**
	 * The rows {@link #createMany(String)} writes, inserted one statement each (bound the same way) in one
	 * transaction: the loop an application writes without a batch API, measured as {@code rowByRowCreateMany1000}.
	 */
	public Object createManyRowByRow(String keyPrefix) {
		List<CacheEntry> rows = newRows(keyPrefix);
		String value = JSON.writeValueAsString(WRITTEN);
		this.transactions.executeWithoutResult((status) -> {
			for (CacheEntry row : rows) {
				this.jdbc.update(this.insert, (statement) -> bindInsert(statement, row, value));
			}
		});
		return rows;
	}

	/** {@link Workload#BATCH} new rows of the created namespace, all written now. */
	private static List<CacheEntry> newRows(String keyPrefix) {
		Instant now = Instant.now();
		List<CacheEntry> rows = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			rows.add(new CacheEntry(UUID.randomUUID().toString(), CREATED_NAMESPACE, keyPrefix + i, WRITTEN, null,
					now));
		}
		return rows;
	}

	private void bindInsert(PreparedStatement statement, CacheEntry row, String value) throws SQLException {
		statement.setString(1, row.id());
		statement.setString(2, row.namespace());
		statement.setString(3, row.key());
		statement.setString(4, value);
		statement.setNull(5, Types.TIMESTAMP);
		statement.setObject(6, this.backend.timestamp(row.updatedAt()));
	}

	@Override
	public long count() {
		Long rows = this.jdbc.queryForObject(this.count, Long.class, SEEDED_NAMESPACE, now());
		return (rows != null) ? rows : 0;
	}

	/** The current instant as this database binds it, for the live-row condition. */
	private Object now() {
		return this.backend.timestamp(Instant.now());
	}

	private CacheEntry map(ResultSet rows, int rowNumber) throws SQLException {
		return new CacheEntry(rows.getString(1), rows.getString(2), rows.getString(3),
				JSON.readTree(rows.getString(4)), this.backend.instant(rows, 5), this.backend.instant(rows, 6));
	}

	private static Optional<CacheEntry> first(List<CacheEntry> rows) {
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
	}

}
