package dev.farminglabs.orm.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.spi.JoinedRelation;
import dev.farminglabs.orm.spi.JoinedRow;
import dev.farminglabs.orm.spi.ReadQuery;
import org.jspecify.annotations.Nullable;

/**
 * One statement with LEFT JOINs (see {@link StatementRenderer#selectJoined}); the rows it multiplies (a base row
 * per related row, a product when several relations are to-many) are folded back into one row per base row, with
 * each relation's rows de-duplicated by target id in the order read.
 */
final class JoinedReader {

	private final JdbcContext context;

	JoinedReader(JdbcContext context) {
		this.context = context;
	}

	List<JoinedRow> read(ModelDefinition model, ReadQuery query, List<JoinedRelation> relations) {
		Set<FieldDefinition> base = new LinkedHashSet<>(query.fields().isEmpty() ? model.fields() : query.fields());
		base.add(model.idField());
		query.orderBy().forEach((sort) -> base.add(sort.field()));
		relations.forEach((relation) -> base.add(model.field(relation.relation().localField())));
		List<FieldDefinition> baseFields = List.copyOf(base);
		List<List<FieldDefinition>> targetFields = new ArrayList<>(relations.size());
		for (JoinedRelation relation : relations) {
			Set<FieldDefinition> fields = new LinkedHashSet<>(
					relation.fields().isEmpty() ? relation.target().fields() : relation.fields());
			fields.add(relation.target().idField());
			targetFields.add(List.copyOf(fields));
		}
		SqlFragment sql = this.context.renderer().selectJoined(model, baseFields, query, relations, targetFields);
		String baseId = model.idField().name();
		return this.context.withConnection(model, sql.sql(), (connection) -> {
			Map<Object, Map<String, @Nullable Object>> rows = new LinkedHashMap<>();
			Map<Object, List<Map<Object, Map<String, @Nullable Object>>>> related = new LinkedHashMap<>();
			try (PreparedStatement statement = this.context.prepare(connection, sql);
					ResultSet results = statement.executeQuery()) {
				while (results.next()) {
					Map<String, @Nullable Object> row = this.context.read(results, 1, baseFields);
					Object id = Objects.requireNonNull(row.get(baseId));
					rows.putIfAbsent(id, row);
					List<Map<Object, Map<String, @Nullable Object>>> byRelation = related.computeIfAbsent(id,
							(key) -> emptyGroups(relations.size()));
					int column = baseFields.size() + 1;
					for (int i = 0; i < relations.size(); i++) {
						List<FieldDefinition> fields = targetFields.get(i);
						Map<String, @Nullable Object> target = this.context.read(results, column, fields);
						Object targetId = target.get(relations.get(i).target().idField().name());
						if (targetId != null) {
							byRelation.get(i).putIfAbsent(targetId, target);
						}
						column += fields.size();
					}
				}
			}
			List<JoinedRow> joined = new ArrayList<>(rows.size());
			for (Map.Entry<Object, Map<String, @Nullable Object>> entry : rows.entrySet()) {
				Map<String, List<Map<String, @Nullable Object>>> byName = new LinkedHashMap<>();
				List<Map<Object, Map<String, @Nullable Object>>> loaded = related.get(entry.getKey());
				for (int i = 0; i < relations.size(); i++) {
					byName.put(relations.get(i).relation().name(), List.copyOf(loaded.get(i).values()));
				}
				joined.add(new JoinedRow(entry.getValue(), byName));
			}
			return joined;
		});
	}

	/** One empty map of related rows by target id per relation. */
	private static List<Map<Object, Map<String, @Nullable Object>>> emptyGroups(int relations) {
		List<Map<Object, Map<String, @Nullable Object>>> groups = new ArrayList<>(relations);
		for (int i = 0; i < relations; i++) {
			groups.add(new LinkedHashMap<>());
		}
		return groups;
	}

}
