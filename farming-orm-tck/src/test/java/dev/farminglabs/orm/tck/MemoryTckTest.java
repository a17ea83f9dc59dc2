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

}
