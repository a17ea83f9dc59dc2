package dev.farminglabs.orm.tck;

import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.memory.MemoryDatabase;
import org.junit.jupiter.api.Nested;

/** The whole TCK on the memory driver with its full capabilities. */
class MemoryTckTest {

	static final TckBackend BACKEND = MemoryDatabase::new;

	/** The memory driver declaring no upsert, so the suite's unsupported branch runs too. */
	static final TckBackend WITHOUT_UPSERT = () -> new MemoryDatabase(
			MemoryDatabase.CAPABILITIES.toBuilder().upsert(UpsertSupport.NONE).build());

	@Nested
	class Crud extends CrudTck {
		Crud() {
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
	class UpsertsWithoutUpsert extends UpsertTck {
		UpsertsWithoutUpsert() {
			super(WITHOUT_UPSERT);
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

}
