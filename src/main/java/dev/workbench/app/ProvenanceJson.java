package dev.workbench.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.StoreException;
import dev.workbench.provenance.RunProvenance;

/**
 * Provenance records to and from the JSON stored in the database. Reading is lenient: rows written
 * by older versions lack fields (read as null) and newer rows may carry fields this version ignores.
 */
final class ProvenanceJson {

    private final ObjectMapper mapper =
            Json.mapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** The stored run provenance, or null when none was stored. */
    RunProvenance run(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return mapper.readValue(stored, RunProvenance.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored provenance is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** Stored JSON as a tree, or null when none was stored. */
    JsonNode tree(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** A record as a tree, for embedding in a report or manifest. */
    JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }
}
