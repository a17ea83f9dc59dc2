package dev.farminglabs.orm.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.mongodb.internal.ServerProbe;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.Test;

/**
 * README.md's MongoDB capability table says what the driver reports: the first column what it reports on
 * mongo-java-server (a standalone server without sessions), the second what it reports on a replica set.
 */
class MongoReadmeCapabilitiesTest {

	@Test
	void theReadmeTableIsWhatTheDriverReports() throws IOException {
		Capabilities standalone = SchemaSetup
			.bootstrapDatabase(TckSchema.SCHEMA, MongoRuntime.of(TestMongo.client(), TestMongo.freshDatabase()))
			.driver()
			.capabilities();
		Capabilities replicaSet = ServerProbe.capabilities(true, true);
		List<List<String>> table = table();
		assertThat(table.get(0)).containsExactly("capability", "standalone server, mongo-java-server",
				"replica set, sharded cluster");
		List<String> expected = new ArrayList<>();
		List<String> actual = new ArrayList<>();
		for (RecordComponent component : Capabilities.class.getRecordComponents()) {
			expected.add(component.getName() + " | " + render(value(component, standalone)) + " | "
					+ render(value(component, replicaSet)));
		}
		for (List<String> row : table.subList(2, table.size())) {
			actual.add(String.join(" | ", row));
		}
		assertThat(actual).containsExactlyElementsOf(expected);
	}

	private static List<List<String>> table() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("..", "README.md").toAbsolutePath().normalize());
		int section = lines.indexOf("## MongoDB");
		assertThat(section).as("README.md has a section '## MongoDB'").isNotNegative();
		List<List<String>> rows = new ArrayList<>();
		for (String line : lines.subList(section + 1, lines.size())) {
			if (line.startsWith("|")) {
				rows.add(cells(line));
			}
			else if (!rows.isEmpty()) {
				break;
			}
		}
		return rows;
	}

	private static Object value(RecordComponent component, Capabilities capabilities) {
		try {
			return component.getAccessor().invoke(capabilities);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
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
		return (value instanceof Enum<?> constant) ? constant.name() : String.valueOf(value);
	}

	private static String flags(Map<String, Boolean> flags, List<String> order) {
		String set = order.stream().filter(flags::get).collect(Collectors.joining(", "));
		return set.isEmpty() ? "none" : set;
	}

	private static List<String> cells(String line) {
		String inner = line.strip();
		inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
		return Arrays.stream(inner.split("\\|", -1)).map((cell) -> cell.replace("`", "").strip()).toList();
	}

}
