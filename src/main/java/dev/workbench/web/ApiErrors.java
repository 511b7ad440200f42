package dev.workbench.web;

import dev.workbench.UserInputException;
import dev.workbench.WorkbenchException;
import dev.workbench.app.NotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every API failure with JSON {@code {"error": message, "status": code}} and never a stack
 * trace and no file-system path: 404 unknown id or path, 400 bad parameter, 405 a method other than GET
 * (nothing is ever written), 421 a Host header the dashboard does not answer to ({@link RequestGuard}),
 * 500 anything else (the details go to the log).
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void register(Javalin app) {
        app.exception(NotFoundException.class, (e, ctx) -> answer(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
        app.exception(UserInputException.class, (e, ctx) -> answer(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(WorkbenchException.class, (e, ctx) -> {
            LOG.warn("{} failed: {}", ctx.path(), e.getMessage());
            answer(
                    ctx,
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "could not read the results database; the dashboard's " + "log says why");
        });
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> answer(
                        ctx,
                        HttpStatus.forStatus(e.getStatus()),
                        e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()
                                ? "the dashboard is read-only: " + ctx.method() + " is not allowed on " + ctx.path()
                                : e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} failed", ctx.path(), e);
            answer(
                    ctx,
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal error: " + e.getClass().getSimpleName());
        });
    }

    private static void answer(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message, "status", status.getCode()));
    }
}
