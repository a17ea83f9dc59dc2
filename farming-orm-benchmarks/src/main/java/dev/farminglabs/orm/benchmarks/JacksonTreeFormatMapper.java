package dev.farminglabs.orm.benchmarks;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import tools.jackson.databind.ObjectMapper;

/**
 * Hibernate's JSON columns through Jackson 3 ({@code tools.jackson}): Hibernate 7.2 ships a format mapper for
 * Jackson 2 only, so a Jackson 3 application registers one like this.
 */
final class JacksonTreeFormatMapper implements FormatMapper {

	private final ObjectMapper mapper;

	JacksonTreeFormatMapper(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public <T> T fromString(CharSequence text, JavaType<T> javaType, WrapperOptions options) {
		if (javaType.getJavaTypeClass() == String.class) {
			return javaType.getJavaTypeClass().cast(text.toString());
		}
		return this.mapper.readValue(text.toString(), javaType.getJavaTypeClass());
	}

	@Override
	public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
		if (value instanceof String text) {
			return text;
		}
		return this.mapper.writeValueAsString(value);
	}

}
