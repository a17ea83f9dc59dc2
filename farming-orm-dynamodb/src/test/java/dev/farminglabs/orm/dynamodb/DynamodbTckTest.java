package dev.farminglabs.orm.dynamodb;

import dev.farminglabs.orm.tck.ConcurrencyTck;
import dev.farminglabs.orm.tck.ConsistencyTck;
import dev.farminglabs.orm.tck.ConstraintTck;
import dev.farminglabs.orm.tck.CrossCheckTck;
import dev.farminglabs.orm.tck.CrudTck;
import dev.farminglabs.orm.tck.FilterTck;
import dev.farminglabs.orm.tck.HostileInputCorpusTck;
import dev.farminglabs.orm.tck.HostileInputTck;
import dev.farminglabs.orm.tck.InspectionTck;
import dev.farminglabs.orm.tck.KeyValueTck;
import dev.farminglabs.orm.tck.MappingTck;
import dev.farminglabs.orm.tck.OrderingPagingTck;
import dev.farminglabs.orm.tck.PropertyTck;
import dev.farminglabs.orm.tck.RaceTck;
import dev.farminglabs.orm.tck.RelationTck;
import dev.farminglabs.orm.tck.SeedFrameworkTck;
import dev.farminglabs.orm.tck.SetupTck;
import dev.farminglabs.orm.tck.StreamTck;
import dev.farminglabs.orm.tck.TransactionTck;
import dev.farminglabs.orm.tck.UniqueLookupTck;
import dev.farminglabs.orm.tck.UpsertTck;
import dev.farminglabs.orm.tck.ValidationTck;
import dev.farminglabs.orm.tck.ValueRoundTripTck;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.Nested;

/**
 * The whole TCK on the local dynalite (no transactions, no TTL: the step-by-step write path), each test under its
 * own table prefix, its tables deleted afterwards.
 */
class DynamodbTckTest {

	static final TckBackend BACKEND = TestDynamo.backend(TestDynamo.dynalite());

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
