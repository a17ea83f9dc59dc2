package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;

/** Create, read, update and delete: the basic contract of the twelve model methods. */
public abstract class CrudTck extends TckSupport {

	protected CrudTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void createReturnsTheStoredRowWithDefaultsAndGeneratedId() {
		Row created = user("ada@example.com", "Ada");
		assertThat(created.getString("id")).isNotBlank();
		assertThat(created.getString("email")).isEqualTo("ada@example.com");
		assertThat(created.getBoolean("active")).isTrue();
		assertThat(created.getString("role")).isEqualTo("member");
		assertThat(created.getInstant("createdAt")).isNotNull();
		assertThat(created.get("nickname")).isNull();
		assertThat(created.names()).containsExactlyElementsOf(TckSchema.SCHEMA.model("user").fieldNames());
	}

	@Test
	void findManyWithoutQueryReturnsEveryRowInIdOrder() {
		Row a = user("a@example.com", "A");
		Row b = user("b@example.com", "B");
		Row c = user("c@example.com", "C");
		List<String> ids = model("user").findMany().stream().map((row) -> row.getString("id")).toList();
		assertThat(ids).containsExactlyElementsOf(
				List.of(a, b, c).stream().map((row) -> row.getString("id")).sorted().toList());
	}

	@Test
	void updateChangesOnlyTheGivenFields() {
		Row ada = user("ada@example.com", "Ada");
		Row updated = model("user").update((u) -> u.where("id", ada.get("id")).set("name", "Ada L.")).orElseThrow();
		assertThat(updated.getString("name")).isEqualTo("Ada L.");
		assertThat(updated.getString("email")).isEqualTo("ada@example.com");
		assertThat(model("user").findUnique((q) -> q.where("id", ada.get("id"))).orElseThrow().getString("name"))
			.isEqualTo("Ada L.");
	}

	@Test
	void deleteManyRemovesEveryMatchAndReturnsTheCount() {
		user("a@example.com", "Same");
		user("b@example.com", "Same");
		user("c@example.com", "Other");
		assertThat(model("user").deleteMany((q) -> q.where("name", "Same"))).isEqualTo(2);
		assertThat(model("user").count()).isEqualTo(1);
		assertThat(model("user").deleteMany((q) -> q.where(Where.all()))).isEqualTo(1);
		assertThat(model("user").count()).isZero();
	}

	@Test
	void createAcceptsNullForNullableFields() {
		Row created = model("user").create(Data.of("email", "n@example.com", "name", "N", "nickname", null));
		assertThat(created.get("nickname")).isNull();
	}

}
