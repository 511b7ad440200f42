/**
 * The read-only dashboard: a Javalin app (created unstarted by {@link dev.workbench.web.DashboardApp})
 * serving a JSON API under {@code /api} from the results database and the pages under {@code web/}
 * with ECharts from its WebJar. No endpoint writes. Errors are JSON: 404 for unknown ids, 400 for
 * bad parameters, 500 with a message (never a stack trace) for failures.
 */
package dev.workbench.web;
