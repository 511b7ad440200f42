package dev.workbench.web;

import dev.workbench.UserInputException;
import dev.workbench.app.Results;
import io.javalin.http.Context;

/** Serves a stored mistake's digit as a small greyscale PNG. */
final class MistakeImage {

    private MistakeImage() {}

    static void send(Context ctx, Results results, long diagnosisId, String file) {
        byte[] png = results.mistakeImage(diagnosisId, position(file));
        ctx.contentType("image/png");
        ctx.header("Cache-Control", "max-age=86400");
        ctx.result(png);
    }

    /** {@code N.png} with N a mistake's position (0 = most confident). */
    private static int position(String file) {
        if (file.matches("\\d{1,6}\\.png")) {
            return Integer.parseInt(file.substring(0, file.length() - 4));
        }
        throw new UserInputException("image: expected N.png with N a position from 0, got '" + file + "'");
    }
}
