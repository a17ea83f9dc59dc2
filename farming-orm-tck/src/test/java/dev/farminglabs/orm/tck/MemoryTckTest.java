package dev.farminglabs.orm.tck;

import dev.farminglabs.orm.memory.MemoryDatabase;
import org.junit.jupiter.api.Nested;

/** The whole TCK on the memory driver with its full capabilities. */
class MemoryTckTest {

	static final TckBackend BACKEND = MemoryDatabase::new;

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
