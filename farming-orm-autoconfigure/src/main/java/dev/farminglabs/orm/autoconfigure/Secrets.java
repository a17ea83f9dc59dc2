package dev.farminglabs.orm.autoconfigure;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in text shown by the endpoint and the health indicator: the user-info part of URLs
 * ({@code //user:password@host}) and {@code password=}, {@code secret=}, {@code token=}, {@code key=}-like
 * parameters, whatever the separator.
 */
final class Secrets {

	private static final Pattern USER_INFO = Pattern.compile("(//)[^/@\\s]+@");

	private static final Pattern PARAMETER = Pattern.compile(
			"(?i)([a-z_.-]*(?:password|passwd|pwd|secret|token|credential|accesskey|access_key|secretkey|apikey|api_key)[a-z_.-]*\\s*[=:]\\s*)[^;&,\\s)\\]}]+");

	private Secrets() {
	}

	static @Nullable String redact(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String redacted = USER_INFO.matcher(text).replaceAll("$1******@");
		return PARAMETER.matcher(redacted).replaceAll("$1******");
	}

}
