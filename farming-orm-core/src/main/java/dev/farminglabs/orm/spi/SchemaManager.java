package dev.farminglabs.orm.spi;

import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SetupPlan;

/**
 * A driver's setup side: what push would do, and doing it. Push only adds (namespaces, tables, columns, indexes,
 * collections); it never drops or rewrites data, and a plan of an up-to-date backend is empty.
 */
public interface SchemaManager {

	/** What a push would do now, without doing it. */
	SetupPlan plan(FrameworkSchema schema);

	/** Carries out a plan; returns what was done. */
	PushResult apply(FrameworkSchema schema, SetupPlan plan);

}
