package dev.farminglabs.orm.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link OrmRuntimeSelectionException}: what was found, and the property or dependency that fixes it.
 */
class OrmRuntimeSelectionFailureAnalyzer extends AbstractFailureAnalyzer<OrmRuntimeSelectionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OrmRuntimeSelectionException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
