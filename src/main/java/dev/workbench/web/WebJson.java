package dev.workbench.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.workbench.app.Json;
import java.io.IOException;

/** The API's JSON: the workbench's settings, with NaN and ±Infinity (a diverged loss) written as null. */
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
        return Json.mapper().registerModule(module);
    }
}
