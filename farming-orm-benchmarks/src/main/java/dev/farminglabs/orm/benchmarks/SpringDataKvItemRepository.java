package dev.farminglabs.orm.benchmarks;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data MongoDB's repository of {@link SpringDataKvItem}, with derived queries for the benchmark's reads. */
public interface SpringDataKvItemRepository extends MongoRepository<SpringDataKvItem, String> {

	Optional<SpringDataKvItem> findByNamespaceAndKey(String namespace, String key);

	List<SpringDataKvItem> findFirst20ByNamespaceOrderByKeyAsc(String namespace);

}
