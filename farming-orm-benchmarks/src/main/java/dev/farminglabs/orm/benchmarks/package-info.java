/**
 * JMH benchmarks: each farming-orm operation next to the same work done with the raw client ({@code JdbcTemplate} on
 * the same pooled {@code DataSource}), in the same run, so results read as ratios.
 */
@NullMarked
package dev.farminglabs.orm.benchmarks;

import org.jspecify.annotations.NullMarked;
