package dev.farminglabs.orm.runtime;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One runtime family's verdict on a raw client.
 *
 * @param kind the runtime family asked
 * @param runtime the detected runtime when the family can use the client, otherwise {@code null}
 * @param reasons why it matched or not, in words
 * @param hint what would work instead, when the family recognises the client but cannot use it
 * @param unreachable whether the family recognises the client but could not reach its server
 */
public record RuntimeCandidate(String kind, @Nullable DetectedRuntime runtime, List<String> reasons,
		@Nullable String hint, boolean unreachable) {

	public RuntimeCandidate {
		reasons = List.copyOf(reasons);
	}

	/** A family that can use the client. */
	public static RuntimeCandidate matched(DetectedRuntime runtime, String reason) {
		return new RuntimeCandidate(runtime.kind(), runtime, List.of(reason), null, false);
	}

	/** A family that cannot use the client. */
	public static RuntimeCandidate rejected(String kind, String reason) {
		return new RuntimeCandidate(kind, null, List.of(reason), null, false);
	}

	/** A family that recognises the client but cannot use it, with what would work. */
	public static RuntimeCandidate recognised(String kind, String reason, String hint) {
		return new RuntimeCandidate(kind, null, List.of(reason), hint, false);
	}

	/** A family that recognises the client but could not reach its server. */
	public static RuntimeCandidate unreachable(String kind, String reason, String hint) {
		return new RuntimeCandidate(kind, null, List.of(reason), hint, true);
	}

	/** Whether the family can use the client. */
	public boolean matched() {
		return this.runtime != null;
	}

}
