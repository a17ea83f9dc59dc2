/**
 * The Redis driver's implementation: key layout, Lua scripts, row encoding, error mapping. Not API.
 */
@NullMarked
package dev.farminglabs.orm.redis.internal;

import org.jspecify.annotations.NullMarked;
