package dev.farminglabs.orm.benchmarks;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data MongoDB's repository of {@link SpringDataKvItem}, with derived queries for the benchmark's reads. */
public interface SpringDataKvItemRepository
		extends MongoRepository<SpringDataKvItem, String>, SpringDataKvItemLookup {

	List<SpringDataKvItem> findFirst20ByNamespaceOrderByKeyAsc(String namespace);

}
