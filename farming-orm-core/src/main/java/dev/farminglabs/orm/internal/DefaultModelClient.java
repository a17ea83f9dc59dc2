package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.farminglabs.orm.client.BatchAtomicity;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OperationObserver;
import dev.farminglabs.orm.client.OperationObserver.OperationContext;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.CreateQuery;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.Selection;
import dev.farminglabs.orm.query.UpdateQuery;
import dev.farminglabs.orm.query.UpsertQuery;
import dev.farminglabs.orm.query.WhereQuery;

/** A {@link ModelClient} that maps rows to {@code T} and reports each operation to the observer. */
final class DefaultModelClient<T> implements ModelClient<T> {

	private static final List<String> OPERATIONS = List.of("findMany", "findOne", "findFirst", "findUnique", "stream",
			"count", "create", "createMany", "update", "updateMany", "upsert", "delete", "deleteMany");

	private final String name;

	private final ModelOperations operations;

	private final Function<Row, T> mapper;

	private final OperationObserver observer;

	private final String schema;

	private final String runtime;

	/** Whether operations run unobserved: then a call makes no context and no wrapper. */
	private final boolean unobserved;

	/** The context of each operation, made once: every value in it is fixed for this client. */
	private final Map<String, OperationContext> contexts;

	DefaultModelClient(String schema, String name, String runtime, ModelOperations operations,
			Function<Row, T> mapper, OperationObserver observer) {
		this.schema = schema;
		this.name = name;
		this.runtime = runtime;
		this.operations = operations;
		this.mapper = mapper;
		this.observer = observer;
		this.unobserved = (observer == OperationObserver.NONE);
		Map<String, OperationContext> contexts = new HashMap<>();
		for (String operation : OPERATIONS) {
			contexts.put(operation, new OperationContext(schema, name, operation, runtime));
		}
		this.contexts = Map.copyOf(contexts);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<T> findMany(Consumer<FindQuery> query) {
		return observe("findMany", () -> mapAll(this.operations.findMany(build(new FindQuery(), query))));
	}

	@Override
	public Optional<T> findOne(Consumer<FindQuery> query) {
		return observe("findOne", () -> this.operations.findFirst(build(new FindQuery(), query)).map(this.mapper));
	}

	@Override
	public Optional<T> findFirst(Consumer<FindQuery> query) {
		return observe("findFirst", () -> this.operations.findFirst(build(new FindQuery(), query)).map(this.mapper));
	}

	@Override
	public Optional<T> findUnique(Consumer<FindQuery> query) {
		return observe("findUnique", () -> this.operations.findUnique(build(new FindQuery(), query)).map(this.mapper));
	}

	@Override
	public Stream<T> stream(Consumer<FindQuery> query) {
		return observe("stream", () -> this.operations.stream(build(new FindQuery(), query)).map(this.mapper));
	}

	@Override
	public long count(Consumer<WhereQuery> query) {
		return observe("count", () -> this.operations.count(build(new WhereQuery(), query)));
	}

	@Override
	public T create(Object data) {
		return observe("create", () -> this.mapper.apply(this.operations.create(data)));
	}

	@Override
	public T create(Object data, Consumer<Selection> select) {
		Selection selection = Selection.of(select);
		return observe("create", () -> this.mapper.apply(this.operations.create(data, selection)));
	}

	@Override
	public T create(Consumer<CreateQuery> query) {
		CreateQuery create = build(new CreateQuery(), query);
		return observe("create", () -> this.mapper.apply(this.operations.create(create)));
	}

	@Override
	public List<T> createMany(List<?> data, BatchAtomicity atomicity) {
		if (data == null) {
			throw OrmException.validation(this.name, null, "Model '" + this.name + "' createMany needs a list of rows,"
					+ " got null");
		}
		return observe("createMany", () -> mapAll(this.operations.createMany(data, atomicity)));
	}

	@Override
	public Optional<T> update(Consumer<UpdateQuery> query) {
		return observe("update", () -> this.operations.update(build(new UpdateQuery(), query)).map(this.mapper));
	}

	@Override
	public long updateMany(Consumer<UpdateQuery> query) {
		return observe("updateMany", () -> this.operations.updateMany(build(new UpdateQuery(), query)));
	}

	@Override
	public T upsert(Consumer<UpsertQuery> query) {
		return observe("upsert", () -> this.mapper.apply(this.operations.upsert(build(new UpsertQuery(), query))));
	}

	@Override
	public Optional<T> delete(Consumer<WhereQuery> query) {
		return observe("delete", () -> this.operations.delete(build(new WhereQuery(), query)).map(this.mapper));
	}

	@Override
	public Optional<T> delete(Consumer<WhereQuery> query, Consumer<Selection> select) {
		Selection selection = Selection.of(select);
		return observe("delete",
				() -> this.operations.delete(build(new WhereQuery(), query), selection).map(this.mapper));
	}

	@Override
	public long deleteMany(Consumer<WhereQuery> query) {
		return observe("deleteMany", () -> this.operations.deleteMany(build(new WhereQuery(), query)));
	}

	private <R> R observe(String operation, Supplier<R> work) {
		if (this.unobserved) {
			return guarded(operation, work);
		}
		OperationContext context = this.contexts.get(operation);
		return this.observer.observe((context != null) ? context
				: new OperationContext(this.schema, this.name, operation, this.runtime), () -> guarded(operation, work));
	}

	/**
	 * Runs an operation so that only {@link OrmException}s leave it. Inputs are checked before they reach a backend,
	 * so anything else is a defect; it still leaves as an {@code UNKNOWN} error naming the model and keeping the
	 * original as its cause, never as a raw exception or a stack overflow the caller cannot handle.
	 */
	private <R> R guarded(String operation, Supplier<R> work) {
		try {
			return work.get();
		}
		catch (OrmException ex) {
			throw (ex.model() != null) ? ex
					: OrmException.Builder.from(ex).model(this.name).build();
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw OrmException.builder(OrmErrorCode.UNKNOWN, "Model '" + this.name + "' " + operation
					+ " failed unexpectedly: " + ex)
				.model(this.name)
				.cause(ex)
				.build();
		}
	}

	private List<T> mapAll(List<Row> rows) {
		List<T> mapped = new ArrayList<>(rows.size());
		for (Row row : rows) {
			mapped.add(this.mapper.apply(row));
		}
		return Collections.unmodifiableList(mapped);
	}

	private <Q> Q build(Q query, Consumer<Q> spec) {
		if (spec == null) {
			throw OrmException.validation(this.name, null, "Model '" + this.name + "': the query must not be null");
		}
		try {
			spec.accept(query);
		}
		catch (OrmException ex) {
			// Query builders do not know the model; the error should name it.
			throw (ex.model() != null) ? ex : OrmException.Builder.from(ex).model(this.name).build();
		}
		catch (StackOverflowError ex) {
			throw OrmException.validation(this.name, null, "Model '" + this.name + "': the query is nested too deeply");
		}
		return query;
	}

	@Override
	public String toString() {
		return "ModelClient[" + this.schema + "." + this.name + " on " + this.runtime + "]";
	}

}
