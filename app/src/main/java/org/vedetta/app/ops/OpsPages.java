package org.vedetta.app.ops;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.vedetta.model.Json;

/**
 * The operator's endpoints: {@code /health/live} (the process answers), {@code /health/ready} and
 * {@code /health} (its dependencies answer: 200 when all do, else 503, with each check in JSON), and
 * {@code /metrics} in the Prometheus text format.
 */
public final class OpsPages {

  private final HealthChecks health;
  private final Metrics metrics;

  public OpsPages(HealthChecks health, Metrics metrics) {
    this.health = health;
    this.metrics = metrics;
  }

  public void register(Javalin app) {
    app.get("/health/live", ctx -> ctx.contentType("application/json").result(Json.writeString(Map.of("status", "up"))));
    app.get("/health/ready", this::ready);
    app.get("/health", this::ready);
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  private void ready(io.javalin.http.Context ctx) {
    HealthChecks.Report report = health.report();
    ctx.status(report.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .contentType("application/json")
        .result(Json.writeString(Map.of("status", report.up() ? "up" : "down", "checks", report.checks(),
            "checked_at", report.at().toString())));
  }
}
