package dev.farminglabs.orm.benchmarks;

/**
 * Spring Data Redis's repository of {@link SpringDataKvItem} as a {@code @RedisHash}: the lookup by namespace and key
 * intersects the two secondary-index sets Spring Data keeps. Redis repositories cannot sort a query, so there is no
 * page.
 */
public interface SpringDataRedisKvItemRepository extends SpringDataKvItemLookup {
}
