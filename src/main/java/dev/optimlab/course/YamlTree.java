package dev.optimlab.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document read into maps, lists and scalars that remember their line and column, so that content
 * validation can point authors at the exact spot of a problem.
 */
final class YamlTree {

    /** A value with its position; {@code value} is a {@code Map<String, Node>}, a {@code List<Node>} or a scalar. */
    record Node(Object value, int line, int column) {

        boolean isMap() {
            return value instanceof Map;
        }

        @SuppressWarnings("unchecked")
        Map<String, Node> map() {
            return (Map<String, Node>) value;
        }

        boolean isList() {
            return value instanceof List;
        }

        @SuppressWarnings("unchecked")
        List<Node> list() {
            return (List<Node>) value;
        }
    }

    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private YamlTree() {
    }

    /** Parses {@code text}; syntax errors become a {@link ContentException} located in {@code file}. */
    static Node parse(String file, String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ContentException(file, 1, 1, "the file is empty");
            }
            return read(parser, file);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new ContentException(file, line, column, "not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static Node read(JsonParser parser, String file) {
        TokenStreamLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    TokenStreamLocation keyAt = parser.currentTokenLocation();
                    parser.nextToken();
                    if (map.put(key, read(parser, file)) != null) {
                        throw new ContentException(file, keyAt.getLineNr(), keyAt.getColumnNr(), "duplicate key '" + key + "'");
                    }
                }
                return new Node(map, line, column);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(parser, file));
                }
                return new Node(list, line, column);
            }
            case VALUE_NULL -> {
                return new Node(null, line, column);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(parser.getBooleanValue(), line, column);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(parser.getNumberValue(), line, column);
            }
            default -> {
                return new Node(parser.getString(), line, column);
            }
        }
    }
}
