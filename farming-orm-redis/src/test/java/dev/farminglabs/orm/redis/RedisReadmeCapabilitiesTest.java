package dev.farminglabs.orm.redis;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md's Redis capability table is what the driver reports on the local server. */
class RedisReadmeCapabilitiesTest {

	@Test
	void theReadmeTableIsWhatTheDriverReports() throws IOException {
		LettuceConnectionFactory factory = TestRedis.lettuce();
		String prefix = TestRedis.uniquePrefix();
		try {
			Capabilities capabilities = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, RedisRuntime.of(factory, prefix))
				.driver()
				.capabilities();
			List<String> expected = new ArrayList<>();
			for (RecordComponent component : Capabilities.class.getRecordComponents()) {
				expected.add(component.getName() + " | " + render(value(component, capabilities)));
			}
			List<List<String>> table = table();
			assertThat(table.get(0)).containsExactly("capability", "Redis 7 (standalone and cluster)");
			List<String> actual = table.subList(2, table.size()).stream().map((row) -> String.join(" | ", row)).toList();
			assertThat(actual).containsExactlyElementsOf(expected);
		}
		finally {
			TestRedis.deleteKeys(factory, prefix);
			factory.destroy();
		}
	}

	private static List<List<String>> table() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("..", "README.md").toAbsolutePath().normalize());
		int section = lines.indexOf("## Redis");
		assertThat(section).as("README.md has a section '## Redis'").isNotNegative();
		List<List<String>> rows = new ArrayList<>();
		for (String line : lines.subList(section + 1, lines.size())) {
			if (line.startsWith("|")) {
				List<String> cells = new ArrayList<>();
				for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
					cells.add(cell.trim());
				}
				rows.add(cells);
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
			List<String> kinds = new ArrayList<>();
			if (returning.create()) {
				kinds.add("create");
			}
			if (returning.update()) {
				kinds.add("update");
			}
			if (returning.delete()) {
				kinds.add("delete");
			}
			return kinds.isEmpty() ? "none" : String.join(", ", kinds);
		}
		if (value instanceof NativeRelations relations) {
			return relations.equals(NativeRelations.none()) ? "none" : relations.toString();
		}
		return (value instanceof Enum<?> constant) ? constant.name() : String.valueOf(value);
	}

}
