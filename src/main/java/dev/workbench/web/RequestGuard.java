package dev.workbench.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Protects the dashboard in the browser. A request whose {@code Host} header names none of the allowed
 * hosts (localhost, 127.0.0.1, [::1], the bound address and any configured extra names) is answered 421
 * before anything is read, so a DNS-rebinding page cannot read results through a visitor's browser.
 * Every answer carries a Content-Security-Policy (own scripts only, no framing), nosniff and no-referrer.
 */
final class RequestGuard {

    /** Scripts and data from this origin only; inline style attributes are set by the pages and ECharts. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    /** An extra host that turns the Host check off. */
    static final String ANY = "*";

    private final Set<String> allowed = new TreeSet<>();

    private RequestGuard(String boundHost, Set<String> extra) {
        for (String h : java.util.List.of("localhost", "127.0.0.1", "::1", boundHost)) {
            allowed.add(bare(h));
        }
        extra.forEach(h -> allowed.add(bare(h)));
    }

    /** Installs the guard on {@code app}: bound to {@code boundHost}, also answering to {@code extraHosts}. */
    static void install(Javalin app, String boundHost, Set<String> extraHosts) {
        RequestGuard guard = new RequestGuard(boundHost, extraHosts);
        app.before(guard::check);
    }

    private void check(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        String host = ctx.header("Host");
        if (allowed.contains(ANY) || (host != null && allowed.contains(bare(withoutPort(host))))) {
            return;
        }
        throw new HttpResponseException(
                HttpStatus.MISDIRECTED_REQUEST.getCode(),
                "this dashboard does not answer to " + "host '" + host
                        + "'; start it with --allow-host NAME to serve it under another name");
    }

    /** {@code [::1]} and {@code ::1} alike, lower case. */
    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }
}
