package dev.simclr.augment;

import com.fasterxml.jackson.databind.JsonNode;

/** One reference case of a tensor-path file: its name (op, index, parameters) and its JSON. */
public record GoldenCase(String name, JsonNode json) {

    public JsonNode params() {
        return json.path("params");
    }

    @Override
    public String toString() {
        return name;
    }
}
