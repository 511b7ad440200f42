package dev.workbench.spec;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns Jackson's type-mismatch errors into short messages a spec author understands. */
final class TypeMessages {

    private TypeMessages() {}

    static String plain(JsonMappingException e) {
        if (e instanceof InvalidFormatException f) {
            return "expected " + expected(f.getTargetType()) + ", got '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType());
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root instanceof JsonMappingException j ? j.getOriginalMessage() : root.getMessage();
        return message == null ? "invalid value" : message.lines().findFirst().orElse(message);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Num.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping (" + type.getSimpleName().replace("Spec", "").toLowerCase() + " fields)";
    }

    private static String enumValues(Class<?> type) {
        StringBuilder out = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            out.append(out.length() == 0 ? "" : ", ").append(constant.toString().toLowerCase());
        }
        return out.toString();
    }
}
