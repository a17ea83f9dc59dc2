package dev.farminglabs.orm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README.md's capability matrix (section "JDBC dialects") says exactly what {@link DialectCapabilitiesTest} asserts:
 * one row per {@link Capabilities} component, in record order, one column per runtime, every cell equal to the
 * expected value rendered as the README writes it. Changing a capability without the README fails here.
 */
class ReadmeCapabilityMatrixTest {

	private static final String SECTION = "## JDBC dialects";

	/** README column → key of {@link DialectCapabilitiesTest#EXPECTED}; SQLite's column covers both SQLite entries. */
	private static final Map<String, String> COLUMNS = columns();

	private static List<List<String>> table;

	private static Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("memory", "memory");
		columns.put("H2", "h2");
		columns.put("SQLite", "sqlite");
		columns.put("PostgreSQL", "postgresql");
		columns.put("MariaDB", "mariadb");
		columns.put("MySQL", "mysql");
		columns.put("ANSI fallback", "ansi");
		return columns;
	}

	@BeforeAll
	static void readTheMatrix() throws IOException {
		Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
		assertThat(readme).as("README.md of the repository, next to the module directory").isRegularFile();
		List<String> lines = Files.readAllLines(readme);
		int section = lines.indexOf(SECTION);
		assertThat(section).as("README.md has a section '%s'", SECTION).isNotNegative();
		List<List<String>> rows = new ArrayList<>();
		for (String line : lines.subList(section + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			if (line.startsWith("|")) {
				rows.add(cells(line));
			}
			else if (!rows.isEmpty()) {
				break;
			}
		}
		assertThat(rows).as("a capability table in section '%s'", SECTION).isNotEmpty();
		table = rows;
	}

	@Test
	void theMatrixHasACapabilityColumnAndOneColumnPerRuntime() {
		List<String> header = new ArrayList<>(List.of("capability"));
		header.addAll(COLUMNS.keySet());
		assertThat(table.get(0)).containsExactlyElementsOf(header);
		assertThat(table.get(1)).allSatisfy((cell) -> assertThat(cell).matches(":?-+:?"));
	}

	@Test
	void theMatrixHasOneRowPerCapabilityInRecordOrder() {
		List<String> names = Arrays.stream(Capabilities.class.getRecordComponents()).map(RecordComponent::getName).toList();
		assertThat(body()).extracting((row) -> row.get(0)).containsExactlyElementsOf(names);
	}

	@Test
	void everyCellIsTheValueTheCapabilityTestAsserts() {
		List<String> header = table.get(0);
		SoftAssertions softly = new SoftAssertions();
		for (List<String> row : body()) {
			RecordComponent component = component(row.get(0));
			for (int column = 1; column < header.size(); column++) {
				String runtime = header.get(column);
				String expected = expectedCell(COLUMNS.get(runtime), component);
				softly.assertThat((column < row.size()) ? row.get(column) : "")
					.as("README cell %s / %s", component.getName(), runtime)
					.isEqualTo(expected);
			}
		}
		softly.assertAll();
	}

	private static List<List<String>> body() {
		return table.subList(2, table.size());
	}

	private static RecordComponent component(String name) {
		return Arrays.stream(Capabilities.class.getRecordComponents())
			.filter((component) -> component.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("README row '" + name + "' is no Capabilities component"));
	}

	/** The README text of a value; SQLite's foreign keys depend on the connection's {@code foreign_keys} pragma. */
	private static String expectedCell(String key, RecordComponent component) {
		String value = render(DialectCapabilitiesTest.value(component, DialectCapabilitiesTest.EXPECTED.get(key)));
		if (key.equals("sqlite")) {
			String without = render(DialectCapabilitiesTest.value(component,
					DialectCapabilitiesTest.EXPECTED.get(DialectCapabilitiesTest.SQLITE_WITHOUT_FOREIGN_KEYS)));
			if (!without.equals(value)) {
				return value + " with foreign_keys=ON, else " + without;
			}
		}
		return value;
	}

	private static String render(Object value) {
		if (value instanceof Returning returning) {
			return flags(Map.of("create", returning.create(), "update", returning.update(), "delete",
					returning.delete()), List.of("create", "update", "delete"));
		}
		if (value instanceof NativeRelations relations) {
			return flags(Map.of("belongsTo", relations.belongsTo(), "hasOne", relations.hasOne(), "hasMany",
					relations.hasMany(), "manyToMany", relations.manyToMany()),
					List.of("belongsTo", "hasOne", "hasMany", "manyToMany"));
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return String.valueOf(value);
	}

	/** The names of the flags that are set, in order, or {@code none}. */
	private static String flags(Map<String, Boolean> flags, List<String> order) {
		String set = order.stream().filter(flags::get).collect(Collectors.joining(", "));
		return set.isEmpty() ? "none" : set;
	}

	/** The cells of a table line, without backticks and surrounding spaces. */
	private static List<String> cells(String line) {
		String inner = line.strip();
		inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
		return Arrays.stream(inner.split("\\|", -1)).map((cell) -> cell.replace("`", "").strip()).toList();
	}

}
