package dev.farminglabs.orm.benchmarks;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** The Spring Data JDBC repository of {@link SpringDataCacheEntry}, with derived queries only. */
public interface SpringDataCacheEntryRepository extends ListCrudRepository<SpringDataCacheEntry, String> {

	Optional<SpringDataCacheEntry> findByNamespaceAndKey(String namespace, String key);

	List<SpringDataCacheEntry> findFirst100ByNamespaceOrderByKeyAsc(String namespace);

	long countByNamespace(String namespace);

}
