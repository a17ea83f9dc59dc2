package dev.farminglabs.orm.tck;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.memory.MemoryDatabase;
import org.junit.jupiter.api.Nested;

/**
 * The whole TCK on a memory database that declares what weaker backends lack — no transactions, no upsert, no text
 * matching, no foreign keys, no schema namespaces, no locking reads, atomic updates or isolation levels — so the
 * {@code UNSUPPORTED_OPERATION} paths of the suite run
 * too, and the client is shown to refuse those features before reaching the driver.
 */
class MemoryRestrictedTckTest {

	static final Capabilities RESTRICTED = MemoryDatabase.CAPABILITIES.toBuilder()
		.supportsTransactions(false)
		.supportsTransactionalDdl(false)
		.upsert(UpsertSupport.NONE)
		.textMatching(TextMatching.NONE)
		.supportsForeignKeys(false)
		.supportsSchemaNamespaces(false)
		.supportsLockingReads(false)
		.supportsAtomicUpdates(false)
		.supportsIsolationLevels(false)
		.build();

	static final TckBackend BACKEND = () -> new MemoryDatabase(RESTRICTED);

	@Nested
	class Crud extends CrudTck {
		Crud() {
			super(BACKEND);
		}
	}

	@Nested
	class Filters extends FilterTck {
		Filters() {
			super(BACKEND);
		}
	}

	@Nested
	class OrderingPaging extends OrderingPagingTck {
		OrderingPaging() {
			super(BACKEND);
		}
	}

	@Nested
	class Streams extends StreamTck {
		Streams() {
			super(BACKEND);
		}
	}

	@Nested
	class UniqueLookups extends UniqueLookupTck {
		UniqueLookups() {
			super(BACKEND);
		}
	}

	@Nested
	class Upserts extends UpsertTck {
		Upserts() {
			super(BACKEND);
		}
	}

	@Nested
	class Constraints extends ConstraintTck {
		Constraints() {
			super(BACKEND);
		}
	}

	@Nested
	class Validation extends ValidationTck {
		Validation() {
			super(BACKEND);
		}
	}

	@Nested
	class Transactions extends TransactionTck {
		Transactions() {
			super(BACKEND);
		}
	}

	@Nested
	class Relations extends RelationTck {
		Relations() {
			super(BACKEND);
		}
	}

	@Nested
	class Values extends ValueRoundTripTck {
		Values() {
			super(BACKEND);
		}
	}

	@Nested
	class Mapping extends MappingTck {
		Mapping() {
			super(BACKEND);
		}
	}

	@Nested
	class Setup extends SetupTck {
		Setup() {
			super(BACKEND);
		}
	}

	@Nested
	class Inspection extends InspectionTck {
		Inspection() {
			super(BACKEND);
		}
	}

	@Nested
	class SeedFramework extends SeedFrameworkTck {
		SeedFramework() {
			super(BACKEND);
		}
	}

	@Nested
	class Properties extends PropertyTck {
		Properties() {
			super(BACKEND);
		}
	}

	@Nested
	class KeyValues extends KeyValueTck {
		KeyValues() {
			super(BACKEND);
		}
	}

	@Nested
	class Concurrency extends ConcurrencyTck {
		Concurrency() {
			super(BACKEND);
		}
	}

	@Nested
	class Races extends RaceTck {
		Races() {
			super(BACKEND);
		}
	}

	@Nested
	class HostileInputs extends HostileInputTck {
		HostileInputs() {
			super(BACKEND);
		}
	}

	@Nested
	class HostileInputCorpus extends HostileInputCorpusTck {
		HostileInputCorpus() {
			super(BACKEND);
		}
	}

	@Nested
	class Consistency extends ConsistencyTck {
		Consistency() {
			super(BACKEND);
		}
	}

	@Nested
	class CrossCheck extends CrossCheckTck {
		CrossCheck() {
			super(BACKEND);
		}
	}

}
