package dev.farminglabs.orm.benchmarks;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** What the Spring Data repositories of {@link SpringDataKvItem} on every store offer: CRUD and the lookup by key. */
@NoRepositoryBean
public interface SpringDataKvItemLookup extends CrudRepository<SpringDataKvItem, String> {

	Optional<SpringDataKvItem> findByNamespaceAndKey(String namespace, String key);

}
