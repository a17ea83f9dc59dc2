package dev.farminglabs.orm.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What {@code FarmingOrm.inspectDatabaseRuntime} found out about a raw client: the runtime it can run on, the
 * client's class, every family's verdict, a one-line summary and, when nothing matched, a hint on what would work.
 *
 * @param runtime the detected runtime, empty when no driver can use the client
 * @param clientClass the class name of the object inspected
 * @param candidates one verdict per known runtime family
 * @param summary one line saying what was found
 * @param hint what would work, when nothing matched
 */
public record RuntimeInspection(Optional<DetectedRuntime> runtime, String clientClass,
		List<RuntimeCandidate> candidates, String summary, Optional<String> hint) {

	public RuntimeInspection {
		candidates = List.copyOf(candidates);
	}

}
