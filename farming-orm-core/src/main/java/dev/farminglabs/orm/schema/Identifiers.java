package dev.farminglabs.orm.schema;

import java.util.regex.Pattern;

/** Checks names that may become identifiers in a backend, so nothing user-supplied ever becomes query text. */
final class Identifiers {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private Identifiers() {
	}

	static String check(String name, String what) {
		if (name == null || !IDENTIFIER.matcher(name).matches()) {
			throw new InvalidSchemaException(what + " '" + name
					+ "' is not a valid identifier: use letters, digits and '_', not starting with a digit");
		}
		return name;
	}

}
