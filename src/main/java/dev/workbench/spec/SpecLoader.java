package dev.workbench.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an experiment YAML file into a validated {@link LoadedSpec}. Every problem becomes a
 * {@link SpecException} naming the field and its line; nothing is returned half-checked.
 */
public final class SpecLoader {

    private static final java.util.regex.Pattern LAYER_FIELD =
            java.util.regex.Pattern.compile("(model\\.layers\\[\\d+])\\.(.+)");

    private final ObjectMapper yaml = configure(YAMLMapper.builder()
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .build());
    private final ObjectMapper canonical = configure(JsonMapper.builder()
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build());

    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Loads and validates a spec file (at most 1 MB of UTF-8). */
    public LoadedSpec load(Path file) {
        return parse(SpecFile.read(file), file.toString());
    }

    /** Parses and validates spec text; {@code source} names it in error messages. */
    public LoadedSpec parse(String text, String source) {
        if (text.length() > SpecFile.MAX_BYTES) {
            throw new SpecException(source, "", 0, "the spec is longer than 1 MB");
        }
        YamlAnchors.refuse(text, source);
        String quoted = SpecText.quoteReferences(text);
        YamlLocations locations = YamlLocations.scan(quoted);
        ExperimentSpec spec = bind(quoted, source, locations);
        new SpecValidator(source, locations).validate(spec);
        String json = canonicalJson(spec);
        return new LoadedSpec(spec, text, json, sha256(json));
    }

    private ExperimentSpec bind(String text, String source, YamlLocations locations) {
        if (text.isBlank()) {
            throw new SpecException(source, "", 0, "the spec is empty");
        }
        try {
            return yaml.readValue(text, ExperimentSpec.class);
        } catch (JsonMappingException e) {
            String path = withLayerType(path(e), locations);
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : locations.lineOf(path);
            throw new SpecException(source, path, line, describe(e));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SpecException(source, "", line, "not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream()
                    .map(String::valueOf)
                    .sorted()
                    .collect(Collectors.joining(", "));
            return "unknown key '" + u.getPropertyName() + "' (expected one of: " + known + ")";
        }
        if (e instanceof InvalidTypeIdException t) {
            return "unknown layer type '" + t.getTypeId() + "' (expected conv, maxpool, dense, dropout or output)";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        return TypeMessages.plain(e);
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return out.toString();
    }

    /** Jackson's path omits the layer type of {@code - conv: {...}}; put it back from the document. */
    private static String withLayerType(String path, YamlLocations locations) {
        java.util.regex.Matcher m = LAYER_FIELD.matcher(path);
        if (!m.matches()) {
            return path;
        }
        for (String type : List.of("conv", "maxpool", "dense", "dropout", "output")) {
            if (!m.group(2).startsWith(type) && locations.has(m.group(1) + "." + type)) {
                return m.group(1) + "." + type + "." + m.group(2);
            }
        }
        return path;
    }

    private String canonicalJson(ExperimentSpec spec) {
        try {
            return canonical.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a validated spec", e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
