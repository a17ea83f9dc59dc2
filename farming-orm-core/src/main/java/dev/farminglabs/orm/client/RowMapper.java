package dev.farminglabs.orm.client;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * Maps rows to one record or POJO type, built once per type and cached: what {@link Row#as(Class)} uses. A record
 * whose components all have the canonical Java types of field values ({@code String}, {@code Long}, {@code Boolean},
 * {@code BigDecimal}, {@code BigInteger}, {@code Instant}, {@code JsonNode}, or {@code long}/{@code boolean}) and that
 * carries no Jackson annotation is built by calling its constructor with the row's values; anything else — other
 * types, annotations, a row whose values do not fit the components exactly — goes through Jackson's
 * {@code convertValue}, so results and errors stay what Jackson gives.
 */
final class RowMapper<T> {

	private static final ClassValue<RowMapper<?>> MAPPERS = new ClassValue<>() {
		@Override
		protected RowMapper<?> computeValue(Class<?> type) {
			return new RowMapper<>(type);
		}
	};

	/** The value types a direct component takes as they are: what Jackson would build from them is equal. */
	private static final Set<Class<?>> DIRECT_TYPES = Set.of(String.class, Long.class, long.class, Boolean.class,
			boolean.class, BigDecimal.class, BigInteger.class, Instant.class, JsonNode.class);

	private final Class<T> type;

	private final JavaType javaType;

	private final @Nullable DirectRecord direct;

	private RowMapper(Class<T> type) {
		this.type = type;
		this.javaType = JsonValues.mapper().constructType(type);
		this.direct = DirectRecord.of(type);
	}

	@SuppressWarnings("unchecked")
	static <T> RowMapper<T> of(Class<T> type) {
		return (RowMapper<T>) MAPPERS.get(type);
	}

	T map(Row row) {
		if (this.direct != null) {
			@Nullable Object[] arguments = this.direct.arguments(row);
			if (arguments != null) {
				return this.type.cast(this.direct.construct(arguments, this.type));
			}
		}
		try {
			return JsonValues.mapper().convertValue(toPlain(row), this.javaType);
		}
		catch (RuntimeException ex) {
			throw cannotMap(this.type, ex);
		}
	}

	private static OrmException cannotMap(Class<?> type, Throwable ex) {
		return OrmException.builder(OrmErrorCode.VALIDATION_ERROR, "Cannot map a row to " + type.getName()
				+ " (make it a public record or a public class with a no-argument constructor and setters): "
				+ ex.getMessage())
			.cause(ex)
			.build();
	}

	private static @Nullable Object toPlain(@Nullable Object value) {
		if (value instanceof Row row) {
			Map<String, @Nullable Object> plain = new java.util.LinkedHashMap<>();
			row.asMap().forEach((key, item) -> plain.put(key, toPlain(item)));
			return plain;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(RowMapper::toPlain).toList();
		}
		return value;
	}

	/** A record built by its canonical constructor from row values taken as they are. */
	private static final class DirectRecord {

		/** The component names, in order. */
		private final String[] names;

		/** The component types, boxed. */
		private final Class<?>[] types;

		/** Which components are primitive: a null cannot go there. */
		private final boolean[] primitive;

		/** The canonical constructor, taking an {@code Object[]}. */
		private final MethodHandle constructor;

		private DirectRecord(String[] names, Class<?>[] types, boolean[] primitive, MethodHandle constructor) {
			this.names = names;
			this.types = types;
			this.primitive = primitive;
			this.constructor = constructor;
		}

		static @Nullable DirectRecord of(Class<?> type) {
			if (!type.isRecord() || hasJacksonAnnotations(type) || type.getDeclaredConstructors().length != 1) {
				return null;
			}
			RecordComponent[] components = type.getRecordComponents();
			String[] names = new String[components.length];
			Class<?>[] types = new Class<?>[components.length];
			Class<?>[] declared = new Class<?>[components.length];
			boolean[] primitive = new boolean[components.length];
			for (int i = 0; i < components.length; i++) {
				Class<?> componentType = components[i].getType();
				if (!DIRECT_TYPES.contains(componentType)) {
					return null;
				}
				names[i] = components[i].getName();
				declared[i] = componentType;
				primitive[i] = componentType.isPrimitive();
				types[i] = MethodType.methodType(componentType).wrap().returnType();
			}
			try {
				Constructor<?> canonical = type.getDeclaredConstructor(declared);
				canonical.setAccessible(true);
				MethodHandle handle = MethodHandles.lookup()
					.unreflectConstructor(canonical)
					.asSpreader(Object[].class, components.length)
					.asType(MethodType.methodType(Object.class, Object[].class));
				return new DirectRecord(names, types, primitive, handle);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Not reachable from here (a module that does not open it): Jackson reports what it can do.
				return null;
			}
		}

		/**
		 * The constructor arguments, or {@code null} when a value does not fit its component as it is (absent, of
		 * another type, null for a primitive, a JSON null Jackson would turn into a null reference): Jackson maps
		 * that row.
		 */
		@Nullable Object @Nullable [] arguments(Row row) {
			Map<String, @Nullable Object> values = row.asMap();
			@Nullable Object[] arguments = new Object[this.names.length];
			for (int i = 0; i < this.names.length; i++) {
				Object value = values.get(this.names[i]);
				if (value == null) {
					if (this.primitive[i] || !values.containsKey(this.names[i])) {
						return null;
					}
				}
				else if (!this.types[i].isInstance(value) || (value instanceof JsonNode node && node.isNull())) {
					return null;
				}
				arguments[i] = value;
			}
			return arguments;
		}

		Object construct(@Nullable Object[] arguments, Class<?> type) {
			try {
				return (Object) this.constructor.invokeExact(arguments);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw cannotMap(type, ex);
			}
		}

		private static boolean hasJacksonAnnotations(Class<?> type) {
			List<AnnotatedElement> elements = new ArrayList<>();
			elements.add(type);
			elements.addAll(List.of(type.getDeclaredFields()));
			elements.addAll(List.of(type.getDeclaredMethods()));
			elements.addAll(List.of(type.getRecordComponents()));
			for (Executable executable : type.getDeclaredConstructors()) {
				elements.add(executable);
				elements.addAll(List.of(executable.getParameters()));
			}
			for (Executable executable : type.getDeclaredMethods()) {
				elements.addAll(List.of(executable.getParameters()));
			}
			for (AnnotatedElement element : elements) {
				for (Annotation annotation : element.getAnnotations()) {
					// A Jackson annotation, or one bundling Jackson annotations (@JacksonAnnotationsInside).
					if (isJackson(annotation.annotationType())
							|| List.of(annotation.annotationType().getAnnotations())
								.stream()
								.anyMatch((meta) -> isJackson(meta.annotationType()))) {
						return true;
					}
				}
			}
			return false;
		}

		private static boolean isJackson(Class<?> annotationType) {
			String name = annotationType.getName();
			return name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.");
		}

	}

}
