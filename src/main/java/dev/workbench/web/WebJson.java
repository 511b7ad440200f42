package dev.workbench.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.app.Json;

/**
 * The API's JSON: the results' settings ({@link Json#results()}: NaN and ±Infinity written as null); seeds
 * (64-bit, beyond JavaScript's exact integers) are strings in the records the API returns.
 */
final class WebJson {

    private WebJson() {}

    static ObjectMapper mapper() {
        return Json.results();
    }
}
