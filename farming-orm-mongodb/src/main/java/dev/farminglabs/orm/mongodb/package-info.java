/**
 * The MongoDB driver of farming-orm, over the application's {@code MongoTemplate}, {@code MongoClient} (as a
 * {@link dev.farminglabs.orm.mongodb.MongoRuntime} with its database) or {@code MongoDatabase}.
 *
 * <h2>Mapping</h2>
 * <ul>
 * <li>One collection per model, named by its table; a model's namespace is a database of the same client (a bare
 * {@code MongoDatabase} reaches no other database: {@code supportsSchemaNamespaces=false}).</li>
 * <li>The id is {@code _id}; every other field is stored under its mapped column name. Every field of a row is
 * stored, nulls as BSON null (never left out), so {@code null} filters behave as on SQL.</li>
 * <li>Datetimes are BSON dates ({@code datetimePrecision=MILLIS}: values are truncated to milliseconds on write and
 * in filters); integers and bigints are {@code Int64}; strings, enums and booleans are themselves.</li>
 * <li>Decimals are text that orders as the numbers do ({@code DecimalKey}: an order-preserving key, a space, then
 * the value's text with its scale), so equality, ranges, sorting and unique indexes are exact at any precision;
 * {@code Decimal128} would hold only 34 digits.</li>
 * <li>JSON values are embedded documents, arrays or scalars (top-level arrays and scalars included), compared by
 * value with {@code $expr} so that an array never matches "by containment"; object keys are escaped ({@code %},
 * {@code .}, {@code $}); JSON numbers are {@code Int32}/{@code Int64}/{@code Decimal128}.</li>
 * <li>Unique keys are unique indexes named as the JDBC driver names its constraints, with a partial filter that
 * leaves out nulls, so several rows may hold null in a nullable unique field.</li>
 * <li>Generated integer ids come from a counter per collection in {@code farming_orm_sequences}.</li>
 * </ul>
 *
 * <h2>Queries and writes</h2>
 * Filters, sorting (nulls first ascending, last descending, as BSON orders null lowest), skip and limit run on the
 * server; {@code contains}/{@code startsWith}/{@code endsWith} are regexes in which every character of the value is
 * literal. {@code stream} reads a server cursor in batches of 500. {@code createMany} is one ordered bulk insert.
 * {@code update}/{@code delete} act on the first match in id order ({@code findOneAndUpdate}/{@code findOneAndDelete}
 * sorted by {@code _id}). {@code upsert} is one {@code findOneAndUpdate(upsert: true)} when the create data agrees with
 * the update data, otherwise an update of the key's document or an insert; either way it runs again when a concurrent
 * upsert inserted the key first (the unique index decides). Relations are loaded by the client.
 *
 * <h2>Transactions</h2>
 * Through client sessions, where the server is a replica set or a sharded cluster (detected once with
 * {@code hello}, or {@code isMaster} on servers without it) and the raw client can start sessions; elsewhere
 * {@code supportsTransactions=false}. The work of a transaction runs once and is never re-run by the driver; a
 * conflict is a retryable {@code TRANSACTION_CONFLICT}. Nested transactions are scopes of the outer one whose writes
 * are undone inside it when they fail, as savepoints would.
 */
@NullMarked
package dev.farminglabs.orm.mongodb;

import org.jspecify.annotations.NullMarked;
