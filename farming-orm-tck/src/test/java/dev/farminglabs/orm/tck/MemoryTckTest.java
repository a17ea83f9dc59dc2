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

}
