package dev.farminglabs.orm.tck;

import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.memory.MemoryDatabase;
import org.junit.jupiter.api.Nested;

/**
 * The capability-gated areas of the TCK on memory databases that declare less than the memory driver can do, so the
 * "unsupported" branches run too: no transactions and manual integer ids only, or no integer ids at all.
 */
class MemoryReducedTckTest {

	static final TckBackend WITHOUT_TRANSACTIONS = () -> new MemoryDatabase(MemoryDatabase.CAPABILITIES.toBuilder()
		.supportsTransactions(false)
		.numericIds(NumericIds.MANUAL)
		.build());

	static final TckBackend WITHOUT_INTEGER_IDS = () -> new MemoryDatabase(MemoryDatabase.CAPABILITIES.toBuilder()
		.numericIds(NumericIds.NONE)
		.build());

	/** One row at a time atomically, as a key-value store without transactions. */
	static final TckBackend ONE_ATOMIC_WRITE = () -> new MemoryDatabase(MemoryDatabase.CAPABILITIES.toBuilder()
		.supportsTransactions(false)
		.maxAtomicWrites(1)
		.build());

	@Nested
	class KeyValuesWithOneAtomicWrite extends KeyValueTck {
		KeyValuesWithOneAtomicWrite() {
			super(ONE_ATOMIC_WRITE);
		}
	}

	@Nested
	class Transactions extends TransactionTck {
		Transactions() {
			super(WITHOUT_TRANSACTIONS);
		}
	}

	@Nested
	class Relations extends RelationTck {
		Relations() {
			super(WITHOUT_TRANSACTIONS);
		}
	}

	@Nested
	class Values extends ValueRoundTripTck {
		Values() {
			super(WITHOUT_TRANSACTIONS);
		}
	}

	@Nested
	class Mapping extends MappingTck {
		Mapping() {
			super(WITHOUT_TRANSACTIONS);
		}
	}

	@Nested
	class ValuesWithoutIntegerIds extends ValueRoundTripTck {
		ValuesWithoutIntegerIds() {
			super(WITHOUT_INTEGER_IDS);
		}
	}

	@Nested
	class Concurrency extends ConcurrencyTck {
		Concurrency() {
			super(WITHOUT_TRANSACTIONS);
		}
	}

	@Nested
	class Races extends RaceTck {
		Races() {
			super(WITHOUT_TRANSACTIONS);
		}
	}

	@Nested
	class Consistency extends ConsistencyTck {
		Consistency() {
			super(WITHOUT_TRANSACTIONS);
		}
	}

	@Nested
	class CrossCheck extends CrossCheckTck {
		CrossCheck() {
			super(WITHOUT_TRANSACTIONS);
		}
	}

}
