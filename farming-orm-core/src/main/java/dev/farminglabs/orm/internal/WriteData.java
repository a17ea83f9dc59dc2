package dev.farminglabs.orm.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;

/**
 * Reads write data given as a {@code Map} or a record/POJO into a map of field name to value, without converting the
 * values (an {@code Instant} stays an {@code Instant}). Accessors of a type are found once and cached.
 */
final class WriteData {

	private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
		@Override
		protected List<Property> computeValue(Class<?> type) {
			return type.isRecord() ? recordProperties(type) : beanProperties(type);
		}
	};

	private WriteData() {
	}

	static Map<String, @Nullable Object> read(String model, @Nullable Object data) {
		if (data == null) {
			throw OrmException.validation(model, null, "Model '" + model + "' write data is missing");
		}
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		if (data instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String name)) {
					throw OrmException.validation(model, null,
							"Model '" + model + "' write data keys must be field names, got " + entry.getKey());
				}
				values.put(name, entry.getValue());
			}
			return values;
		}
		List<Property> properties = PROPERTIES.get(data.getClass());
		if (properties.isEmpty() && Modifier.isPublic(data.getClass().getModifiers())) {
			throw OrmException.validation(model, null, "Model '" + model + "' write data must be a Map, a record or a"
					+ " POJO with getters, got " + data.getClass().getName());
		}
		if (properties.isEmpty()) {
			throw OrmException.validation(model, null, "Model '" + model + "' write data of type "
					+ data.getClass().getName() + " has no readable properties: make the type public (or open its"
					+ " package to farming-orm) with getters, or pass a record or a Map");
		}
		for (Property property : properties) {
			values.put(property.name(), property.read(model, data));
		}
		return values;
	}

	private static List<Property> recordProperties(Class<?> type) {
		List<Property> properties = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			Method accessor = component.getAccessor();
			if (!accessor.trySetAccessible()) {
				return List.of();
			}
			properties.add(new Property(component.getName(), accessor));
		}
		return properties;
	}

	private static List<Property> beanProperties(Class<?> type) {
		List<Property> properties = new ArrayList<>();
		if (type.getName().startsWith("java.")) {
			return properties;
		}
		for (Method method : type.getMethods()) {
			if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
					|| method.getDeclaringClass() == Object.class) {
				continue;
			}
			String name = method.getName();
			String property = null;
			if (name.startsWith("get") && name.length() > 3) {
				property = decapitalize(name.substring(3));
			}
			else if (name.startsWith("is") && name.length() > 2
					&& (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
				property = decapitalize(name.substring(2));
			}
			if (property != null) {
				// A public getter of a non-public class is only callable once made accessible.
				if (!Modifier.isPublic(type.getModifiers()) && !method.trySetAccessible()) {
					return List.of();
				}
				properties.add(new Property(property, method));
			}
		}
		return properties;
	}

	/** As {@code java.beans.Introspector.decapitalize}, without needing the {@code java.desktop} module. */
	private static String decapitalize(String name) {
		if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
			return name;
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private record Property(String name, Method accessor) {

		@Nullable Object read(String model, Object target) {
			try {
				return this.accessor.invoke(target);
			}
			catch (IllegalAccessException | RuntimeException ex) {
				throw OrmException.builder(OrmErrorCode.VALIDATION_ERROR, "Model '" + model + "' cannot read property '"
						+ this.name + "' of " + target.getClass().getName() + ": " + ex.getMessage())
					.model(model)
					.target(List.of(this.name))
					.cause(ex)
					.build();
			}
			catch (InvocationTargetException ex) {
				throw OrmException.builder(OrmErrorCode.VALIDATION_ERROR, "Model '" + model + "' property '" + this.name
						+ "' of " + target.getClass().getName() + " threw " + ex.getCause())
					.model(model)
					.target(List.of(this.name))
					.cause(ex.getCause())
					.build();
			}
		}

	}

}
