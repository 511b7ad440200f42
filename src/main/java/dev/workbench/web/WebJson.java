package dev.workbench.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.workbench.app.Json;
import dev.workbench.store.Refit;
import dev.workbench.store.RunStatus;
import java.io.IOException;

/**
 * The API's JSON: the workbench's settings, with NaN and ±Infinity (a diverged loss) written as null,
 * and seeds (64-bit, beyond JavaScript's exact integers) written as strings.
 */
final class WebJson {

    private WebJson() {}

    static ObjectMapper mapper() {
        JsonSerializer<Double> finiteOrNull = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                if (Double.isFinite(value)) {
                    gen.writeNumber(value);
                } else {
                    gen.writeNull();
                }
            }
        };
        SimpleModule module = new SimpleModule("finite-or-null");
        module.addSerializer(Double.class, finiteOrNull);
        module.addSerializer(Double.TYPE, finiteOrNull);
        return Json.mapper().registerModule(module).addMixIn(Refit.class, RefitSeedAsString.class);
    }

    /** Writes {@link Refit#seed()} as a string. */
    private interface RefitSeedAsString {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        long seed();
    }
}
