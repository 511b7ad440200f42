package dev.workbench.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Maps dotted field paths such as {@code model.layers[1].conv.kernel} to their 1-based YAML lines. */
final class YamlLocations {

    private final Map<String, Integer> lines;

    private YamlLocations(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Scans a YAML document; returns an empty map if it does not even tokenise (the parser reports that). */
    static YamlLocations scan(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonStreamContext ctx = p.getParsingContext();
                boolean element = t.isStructStart()
                        ? ctx.getParent() != null && ctx.getParent().inArray()
                        : ctx.inArray();
                if (t == JsonToken.FIELD_NAME || element) {
                    JsonStreamContext at = t.isStructStart() ? ctx.getParent() : ctx;
                    lines.putIfAbsent(path(at), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            return new YamlLocations(Map.of());
        }
        return new YamlLocations(lines);
    }

    /** True when the document has this exact path. */
    boolean has(String path) {
        return lines.containsKey(path);
    }

    /** The line of a path, or of its nearest recorded ancestor; 0 when nothing is known. */
    int lineOf(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static String path(JsonStreamContext ctx) {
        StringBuilder out = new StringBuilder();
        append(ctx, out);
        return out.toString();
    }

    private static void append(JsonStreamContext ctx, StringBuilder out) {
        if (ctx == null || ctx.inRoot()) {
            return;
        }
        append(ctx.getParent(), out);
        if (ctx.inArray()) {
            out.append('[').append(Math.max(ctx.getCurrentIndex(), 0)).append(']');
        } else if (ctx.getCurrentName() != null) {
            out.append(out.length() == 0 ? "" : ".").append(ctx.getCurrentName());
        }
    }
}
