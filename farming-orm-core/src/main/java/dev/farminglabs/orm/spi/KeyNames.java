package dev.farminglabs.orm.spi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * Key names built from values, such that two different tuples never give the same name. Each value becomes one
 * component: {@code ~} for null, otherwise {@code '} followed by the value's text with every character outside
 * {@code [A-Za-z0-9._-]} percent-encoded as UTF-8 bytes ({@code :} → {@code %3A}, <code>{</code> → {@code %7B},
 * <code>}</code> → {@code %7D}, {@code %} → {@code %25}). Components are joined with {@code :}. So a component never
 * holds a separator or a Redis hash-tag brace, an empty string ({@code '}) differs from null ({@code ~}), and
 * {@link #parseTuple} recovers the tuple from its name.
 */
public final class KeyNames {

	/** The separator between components. */
	public static final char SEPARATOR = ':';

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private KeyNames() {
	}

	/** One component for a text, or for null. */
	public static String component(@Nullable String text) {
		if (text == null) {
			return "~";
		}
		int i = 0;
		while (i < text.length() && isPlain(text.charAt(i))) {
			i++;
		}
		if (i == text.length()) {
			return "'" + text;
		}
		StringBuilder out = new StringBuilder(text.length() + 8).append('\'').append(text, 0, i);
		for (byte b : text.substring(i).getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if (isPlain(c)) {
				out.append((char) c);
			}
			else {
				out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		return out.toString();
	}

	private static boolean isPlain(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

	/** The name of a tuple of texts (nulls allowed): its components joined by {@code :}. */
	public static String tuple(List<@Nullable String> texts) {
		StringBuilder out = new StringBuilder();
		for (String text : texts) {
			if (out.length() > 0) {
				out.append(SEPARATOR);
			}
			out.append(component(text));
		}
		return out.toString();
	}

	/** The tuple a name was built from by {@link #tuple}. */
	public static List<@Nullable String> parseTuple(String name) {
		List<@Nullable String> texts = new ArrayList<>();
		if (name.isEmpty()) {
			return texts;
		}
		for (String part : name.split(String.valueOf(SEPARATOR), -1)) {
			texts.add(parseComponent(part));
		}
		return texts;
	}

	private static @Nullable String parseComponent(String part) {
		if (part.equals("~")) {
			return null;
		}
		if (part.isEmpty() || part.charAt(0) != '\'') {
			throw new IllegalArgumentException("Not a key component: " + part);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
		for (int i = 1; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c == '%') {
				bytes.write(Integer.parseInt(part, i + 1, i + 3, 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The name of one unique key's values, as {@code namespace,key:'a:'b}: the key's fields, then the
	 * {@linkplain ValueText#keyText key texts} of its values as a tuple. Equal for two rows exactly when they collide
	 * on that key; a key-value driver prefixes it with its own namespace and table to name a lock.
	 */
	public static String uniqueKey(ModelDefinition model, UniqueConstraint key, Map<String, @Nullable Object> values,
			ValueText codec) {
		List<@Nullable String> texts = new ArrayList<>(key.fields().size());
		for (String field : key.fields()) {
			Object value = values.get(field);
			texts.add((value != null) ? codec.keyText(model.field(field), value) : null);
		}
		return String.join(",", key.fields()) + SEPARATOR + tuple(texts);
	}

}
