package dev.cairn.mcp;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates a tool's input schema from its input record and binds call arguments to it,
 * naming the field at fault when they do not fit. The schema and the binding read the
 * same annotations, so what a client is told is what the server enforces.
 */
final class ToolArguments {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final SchemaGenerator GENERATOR = createGenerator();

	private ToolArguments() {
	}

	static Map<String, Object> schemaOf(Class<?> inputType) {
		Map<String, Object> schema = MAPPER.convertValue(GENERATOR.generateSchema(inputType),
				new TypeReference<LinkedHashMap<String, Object>>() {
				});
		schema.remove("$schema");
		return schema;
	}

	/**
	 * Binds arguments to the input record.
	 * @throws ToolInputException naming the field for a missing required value, an
	 * unknown field, a value of the wrong type, a value out of range, or a rejection by
	 * the record's own validation
	 */
	static <I> I bind(Map<String, Object> arguments, Class<I> inputType, List<String> required) {
		Map<String, Object> args = (arguments != null) ? arguments : Map.of();
		for (String name : required) {
			if (args.get(name) == null) {
				throw new ToolInputException(name, "is required");
			}
		}
		I input;
		try {
			input = MAPPER.convertValue(args, inputType);
		}
		catch (ValueInstantiationException ex) {
			if (ex.getCause() instanceof ToolInputException tie) {
				throw tie;
			}
			throw new ToolInputException(null, "invalid arguments: " + rootMessage(ex));
		}
		catch (UnrecognizedPropertyException ex) {
			throw new ToolInputException(ex.getPropertyName(),
					"is not a parameter of this tool; known parameters: " + ex.getKnownPropertyIds());
		}
		catch (DatabindException ex) {
			throw new ToolInputException(fieldOf(ex), "has the wrong type (" + typeHint(ex) + ")");
		}
		catch (JacksonException ex) {
			throw new ToolInputException(null, "invalid arguments: " + ex.getOriginalMessage());
		}
		if (input == null) {
			throw new ToolInputException(null, "arguments must be a JSON object");
		}
		checkRanges(input);
		return input;
	}

	static List<String> required(Map<String, Object> schema) {
		Object required = schema.get("required");
		List<String> names = new ArrayList<>();
		if (required instanceof List<?> list) {
			list.forEach((name) -> names.add(String.valueOf(name)));
		}
		return names;
	}

	private static void checkRanges(Object input) {
		if (!input.getClass().isRecord()) {
			return;
		}
		for (RecordComponent component : input.getClass().getRecordComponents()) {
			Range range = component.getAnnotation(Range.class);
			if (range == null) {
				continue;
			}
			Object value;
			try {
				java.lang.reflect.Method accessor = component.getAccessor();
				accessor.setAccessible(true);
				value = accessor.invoke(input);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			if (value instanceof Number number
					&& (number.longValue() < range.min() || number.longValue() > range.max())) {
				throw new ToolInputException(component.getName(),
						"must be between " + range.min() + " and " + range.max() + ", got " + number);
			}
		}
	}

	private static String fieldOf(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static String typeHint(DatabindException ex) {
		String message = ex.getOriginalMessage();
		int cut = message.indexOf('\n');
		return (cut > 0) ? message.substring(0, cut) : message;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	private static SchemaGenerator createGenerator() {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
					JacksonOption.RESPECT_JSONPROPERTY_ORDER))
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
			.with(Option.FLATTENED_ENUMS);
		builder.forFields().withNumberInclusiveMinimumResolver((field) -> {
			Range range = field.getAnnotationConsideringFieldAndGetter(Range.class);
			return (range != null) ? java.math.BigDecimal.valueOf(range.min()) : null;
		});
		builder.forFields().withNumberInclusiveMaximumResolver((field) -> {
			Range range = field.getAnnotationConsideringFieldAndGetter(Range.class);
			return (range != null) ? java.math.BigDecimal.valueOf(range.max()) : null;
		});
		return new SchemaGenerator(builder.build());
	}

}
