package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Hibernate through JPA's {@code EntityManager}, a transaction per operation as a service's
 * {@code @Transactional} method has (reads as Spring runs a read-only one: flush off, entities loaded read-only).
 * Unique lookups are JPQL queries on the compound key; every query takes only live rows
 * ({@code e.expiresAt is null or e.expiresAt > :now}, the current instant bound per call, as farming-orm adds for the
 * model's expiry field); an update or upsert loads the live entity and lets dirty checking write it (the upsert's
 * lookup only meets seeded rows, which never expire, so it never inserts); {@code createMany} persists 1,000
 * entities with JDBC batching on ({@code hibernate.jdbc.batch_size} 100).
 */
public class HibernateSide extends Workload {

	/** The ORM's condition for an expiry field; {@code :now} is the current instant. */
	private static final String LIVE = " and (e.expiresAt is null or e.expiresAt > :now)";

	private static final String BY_KEY = "from CacheEntryEntity e where e.namespace = :namespace and e.entryKey = :key"
			+ LIVE;

	private EntityManagerFactory entityManagers;

	@Override
	void connect() {
		this.entityManagers = new HibernatePersistenceConfiguration("benchmarks").managedClass(CacheEntryEntity.class)
			.properties(Map.of(AvailableSettings.DATASOURCE, this.dataSource,
					AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, true, AvailableSettings.JSON_FORMAT_MAPPER,
					new JacksonTreeFormatMapper(JSON), AvailableSettings.STATEMENT_BATCH_SIZE, 100,
					AvailableSettings.ORDER_INSERTS, true))
			.createEntityManagerFactory();
	}

	@Override
	void disconnect() {
		this.entityManagers.close();
	}

	@Override
	public Object findUnique(String key) {
		return read((em) -> byKey(em, key));
	}

	@Override
	public Object findMany() {
		return read((em) -> em
			.createQuery("from CacheEntryEntity e where e.namespace = :namespace" + LIVE + " order by e.entryKey",
					CacheEntryEntity.class)
			.setParameter("namespace", SEEDED_NAMESPACE)
			.setParameter("now", Instant.now())
			.setMaxResults(PAGE)
			.getResultList());
	}

	@Override
	public Object create(String key) {
		return write((em) -> {
			CacheEntryEntity entry = new CacheEntryEntity(UUID.randomUUID().toString(), CREATED_NAMESPACE, key,
					WRITTEN, Instant.now());
			em.persist(entry);
			return entry;
		});
	}

	@Override
	public Object update(String key) {
		return write((em) -> written(em, key));
	}

	@Override
	public Object upsert(String key) {
		return write((em) -> written(em, key).orElseGet(() -> {
			CacheEntryEntity entry = new CacheEntryEntity(UUID.randomUUID().toString(), SEEDED_NAMESPACE, key,
					WRITTEN, Instant.now());
			em.persist(entry);
			return entry;
		}));
	}

	@Override
	public Object createMany(String keyPrefix) {
		return write((em) -> {
			Instant now = Instant.now();
			List<CacheEntryEntity> entries = new ArrayList<>(BATCH);
			for (int i = 0; i < BATCH; i++) {
				CacheEntryEntity entry = new CacheEntryEntity(UUID.randomUUID().toString(), CREATED_NAMESPACE,
						keyPrefix + i, WRITTEN, now);
				em.persist(entry);
				entries.add(entry);
			}
			return entries;
		});
	}

	@Override
	public long count() {
		return read((em) -> em
			.createQuery("select count(e) from CacheEntryEntity e where e.namespace = :namespace" + LIVE, Long.class)
			.setParameter("namespace", SEEDED_NAMESPACE)
			.setParameter("now", Instant.now())
			.getSingleResult());
	}

	private static Optional<CacheEntryEntity> byKey(EntityManager em, String key) {
		List<CacheEntryEntity> found = em.createQuery(BY_KEY, CacheEntryEntity.class)
			.setParameter("namespace", SEEDED_NAMESPACE)
			.setParameter("key", key)
			.setParameter("now", Instant.now())
			.getResultList();
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	/** The seeded entry with this key, changed (dirty checking writes it at commit). */
	private static Optional<CacheEntryEntity> written(EntityManager em, String key) {
		Optional<CacheEntryEntity> entry = byKey(em, key);
		entry.ifPresent((found) -> found.write(WRITTEN, Instant.now()));
		return entry;
	}

	private <T> T read(Function<EntityManager, T> work) {
		return inTransaction(true, work);
	}

	private <T> T write(Function<EntityManager, T> work) {
		return inTransaction(false, work);
	}

	private <T> T inTransaction(boolean readOnly, Function<EntityManager, T> work) {
		try (EntityManager em = this.entityManagers.createEntityManager()) {
			if (readOnly) {
				Session session = em.unwrap(Session.class);
				session.setDefaultReadOnly(true);
				session.setHibernateFlushMode(FlushMode.MANUAL);
			}
			EntityTransaction transaction = em.getTransaction();
			transaction.begin();
			try {
				T result = work.apply(em);
				transaction.commit();
				return result;
			}
			catch (RuntimeException ex) {
				if (transaction.isActive()) {
					transaction.rollback();
				}
				throw ex;
			}
		}
	}

}
