package dev.farminglabs.orm.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The end-to-end application's controller: returns rows as they come and lets every OrmException through. */
@RestController
class EndToEndController {

	private final OrmClient orm;

	EndToEndController(OrmClient orm) {
		this.orm = orm;
	}

	@PostMapping("/e2e/kv/{namespace}/{key}")
	Row create(@PathVariable String namespace, @PathVariable String key, @RequestBody JsonNode value) {
		return this.orm.model("kvItem").create(Data.of("namespace", namespace, "key", key, "value", value));
	}

	@PostMapping("/e2e/billing/{ownerId}/{plan}")
	Row open(@PathVariable String ownerId, @PathVariable String plan) {
		return this.orm.model("billingAccount").create(Data.of("ownerId", ownerId, "plan", plan));
	}

	@GetMapping("/e2e/kv/{namespace}")
	Map<String, List<Row>> list(@PathVariable String namespace) {
		return Map.of("items", this.orm.model("kvItem").findMany((q) -> q.where("namespace", namespace)));
	}

}
