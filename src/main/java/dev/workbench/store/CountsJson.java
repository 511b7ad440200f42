package dev.workbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.metrics.ConfusionMatrix;
import java.sql.SQLException;
import java.util.List;

/** A confusion matrix's counts as the JSON array stored in a {@code counts} column, and back. Thread-safe. */
final class CountsJson {

    private final ObjectMapper json = new ObjectMapper();

    String write(ConfusionMatrix m) {
        try {
            return json.writeValueAsString(m.counts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write counts", e);
        }
    }

    ConfusionMatrix read(int classes, String text) throws SQLException {
        try {
            return new ConfusionMatrix(classes, json.readValue(text, new TypeReference<List<Long>>() {}));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SQLException("stored counts are not " + classes + "x" + classes + " counts: " + text, e);
        }
    }
}
