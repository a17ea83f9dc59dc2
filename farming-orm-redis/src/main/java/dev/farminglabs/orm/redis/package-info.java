/**
 * The Redis driver of farming-orm, over the application's {@code RedisConnectionFactory} (Lettuce or Jedis,
 * standalone or Redis Cluster), {@code RedisTemplate} or {@code StringRedisTemplate}.
 *
 * <h2>Storage layout</h2>
 * Every key of a model starts with the model's hash tag <code>{prefix:table}</code> (the prefix is
 * {@link dev.farminglabs.orm.redis.RedisRuntime#keyPrefix}, {@code farming.orm.redis.key-prefix} in the starter), so
 * all keys of one model live in one Redis Cluster slot and one Lua script can touch them together:
 * <ul>
 * <li><code>{prefix:table}:record:&lt;id&gt;</code> — a hash per row, field column → lossless text (null fields
 * absent) plus {@code :v}, the row's version;</li>
 * <li><code>{prefix:table}:unique:&lt;fields&gt;:&lt;values&gt;</code> — a lock per unique key of a row, holding its
 * id, named with the SPI's {@code KeyNames} escaping so two tuples never share a lock (rows with a null in the key take
 * no lock: nulls never collide);</li>
 * <li><code>{prefix:table}:ids</code> — the id index, a sorted set, so reads page through a model without
 * {@code KEYS};</li>
 * <li><code>{prefix:table}:seq</code> — generated integer ids; <code>{prefix:table}:schema</code> — what push
 * created.</li>
 * </ul>
 * Every write is one Lua script (loaded once, {@code EVALSHA}) that checks versions and locks, then moves record,
 * locks and index together. A model's expiry field becomes {@code PEXPIREAT} on the record and its locks.
 */
@NullMarked
package dev.farminglabs.orm.redis;

import org.jspecify.annotations.NullMarked;
