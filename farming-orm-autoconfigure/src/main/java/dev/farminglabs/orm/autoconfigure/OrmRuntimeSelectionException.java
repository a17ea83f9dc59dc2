package dev.farminglabs.orm.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * No single raw client could be chosen for a schema: none was found, several were found and no property picks
 * one, or the property names something that is not there. {@link OrmRuntimeSelectionFailureAnalyzer} turns it into
 * a startup report that lists what was found and names the property to set.
 */
public class OrmRuntimeSelectionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String schemaBeanName;

	private final Reason reason;

	private final List<String> found;

	private final @Nullable String selection;

	private final String action;

	OrmRuntimeSelectionException(String schemaBeanName, Reason reason, List<String> found,
			@Nullable String selection, String action) {
		super(describe(schemaBeanName, reason, found, selection));
		this.schemaBeanName = schemaBeanName;
		this.reason = reason;
		this.found = List.copyOf(found);
		this.selection = selection;
		this.action = action;
	}

	private static String describe(String schemaBeanName, Reason reason, List<String> found,
			@Nullable String selection) {
		StringBuilder text = new StringBuilder("farming-orm could not choose a runtime for the FrameworkSchema bean '")
			.append(schemaBeanName)
			.append("': ");
		switch (reason) {
			case NONE -> text.append("no supported client was found in the application context.");
			case SEVERAL -> text.append("several supported clients were found and none is selected.");
			case UNKNOWN_SELECTION -> text.append("the configured runtime '").append(selection)
				.append("' is neither a supported client bean nor the kind of exactly one.");
		}
		if (!found.isEmpty()) {
			text.append(System.lineSeparator()).append(System.lineSeparator()).append("Found:");
			for (String candidate : found) {
				text.append(System.lineSeparator()).append("\t- ").append(candidate);
			}
		}
		return text.toString();
	}

	/** The name of the {@code FrameworkSchema} bean without a runtime. */
	public String getSchemaBeanName() {
		return this.schemaBeanName;
	}

	/** Why no runtime was chosen. */
	public Reason getReason() {
		return this.reason;
	}

	/** What was found, one line per bean. */
	public List<String> getFound() {
		return this.found;
	}

	/** The configured runtime, if any. */
	public @Nullable String getSelection() {
		return this.selection;
	}

	/** What to do about it. */
	public String getAction() {
		return this.action;
	}

	/** Why no runtime was chosen. */
	public enum Reason {

		/** No supported client bean. */
		NONE,

		/** Several supported client beans and no property. */
		SEVERAL,

		/** The property names no supported client. */
		UNKNOWN_SELECTION

	}

}
