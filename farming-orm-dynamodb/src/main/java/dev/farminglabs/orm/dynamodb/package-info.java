/**
 * The DynamoDB driver of farming-orm, over the application's AWS SDK v2 {@code DynamoDbClient}.
 *
 * <h2>Storage layout</h2>
 * Every table name starts with the runtime's prefix ({@link dev.farminglabs.orm.dynamodb.DynamoDbRuntime#tablePrefix},
 * {@code farming.orm.dynamodb.table-prefix} in the starter):
 * <ul>
 * <li><code>&lt;prefix&gt;&lt;table&gt;</code> — one table per model, the id's column as the partition key (a
 * number for integer ids, else a string), one item per row: column → value (null fields absent), plus {@code :v},
 * the row's version, and {@code :t}, the row's token (which its lock items carry);</li>
 * <li><code>&lt;prefix&gt;farming_orm_locks</code> — one table of lock items, partition key {@code lock}: per unique
 * value <code>&lt;table&gt;:&lt;fields&gt;:&lt;values&gt;</code> named with the SPI's {@code KeyNames} escaping (so
 * two different tuples never share a lock) holding the owner's id and token; <code>seq:&lt;table&gt;</code> for
 * generated integer ids; <code>schema:&lt;table&gt;</code>, what push created.</li>
 * </ul>
 * Values: integers and bigints exact as numbers, decimals as strings with their scale, datetimes as ISO-8601 UTC
 * strings at microsecond precision, JSON as maps and lists, booleans native. Where the endpoint runs
 * {@code TransactWriteItems} a write and its locks are one transaction; elsewhere locks are written first, each
 * conditional, then the record conditional on its version, and a failure deletes what the write had put.
 */
@NullMarked
package dev.farminglabs.orm.dynamodb;

import org.jspecify.annotations.NullMarked;
