package dev.workbench.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.app.Results;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Set;

/**
 * Creates the dashboard's Javalin app, unstarted: GET-only JSON API under {@code /api} read from
 * {@code results}, pages from {@code /web} on the classpath, ECharts from its WebJar.
 */
public final class DashboardApp {

    private DashboardApp() {}

    /** The app for {@code 127.0.0.1}; start it with {@link Javalin#start(String, int)}. It never writes to the results. */
    public static Javalin create(Results results) {
        return create(results, "127.0.0.1", Set.of());
    }

    /**
     * The app to be bound to {@code host}, answering requests whose Host header names it, a loopback name or
     * one of {@code extraHosts} ({@code *}: any); see {@link RequestGuard}.
     */
    public static Javalin create(Results results, String host, Set<String> extraHosts) {
        ObjectMapper json = WebJson.mapper();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.prefer405over404 = true;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        RequestGuard.install(app, host, extraHosts);
        app.get("/api/experiments", ctx -> ctx.json(results.experiments()));
        app.get("/api/experiments/{id}", ctx -> ctx.json(results.experiment(id(ctx))));
        app.get("/api/experiments/{id}/progress", ctx -> ctx.json(results.progress(id(ctx))));
        app.get("/api/experiments/{id}/search", ctx -> ctx.json(results.search(id(ctx))));
        app.get("/api/experiments/{id}/curves", ctx -> {
            long id = id(ctx);
            ctx.json(results.curves(
                    id,
                    Params.trialIds(ctx.queryParam("trials"), 1),
                    Params.metric(ctx.queryParam("metric"), results.metric(id)),
                    Params.xAxis(ctx.queryParam("x")),
                    Params.points(ctx.queryParam("points"))));
        });
        app.get("/api/experiments/{id}/history", ctx -> ctx.json(results.history(id(ctx))));
        app.get("/api/experiments/{id}/importance", ctx -> ctx.json(results.importance(id(ctx))));
        app.get("/api/trials/{id}", ctx -> ctx.json(results.trial(id(ctx), Params.points(ctx.queryParam("points")))));
        app.get("/api/exports/{id}/{file}", ctx -> ExportDownload.send(ctx, results, id(ctx), ctx.pathParam("file")));
        app.get(
                "/api/diagnoses/{id}/mistakes/{file}",
                ctx -> MistakeImage.send(ctx, results, id(ctx), ctx.pathParam("file")));
        app.get("/api/compare", ctx -> ctx.json(results.compare(Params.trialIds(ctx.queryParam("trials"), 2))));
        ApiErrors.register(app);
        return app;
    }

    private static long id(Context ctx) {
        return Params.id("id", ctx.pathParam("id"));
    }
}
