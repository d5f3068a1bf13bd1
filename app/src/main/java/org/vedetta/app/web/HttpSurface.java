package org.vedetta.app.web;

import io.javalin.Javalin;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.app.config.HttpSettings;

/**
 * The service's HTTP server (Javalin on Jetty), bound to loopback unless configured otherwise. Pages register
 * their routes on {@link #app()}; every response carries headers that keep pages out of caches and frames and
 * links from leaking tokens through the Referer.
 */
public final class HttpSurface implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpSurface.class);

  private final Javalin app;
  private final URI publicUri;

  private HttpSurface(Javalin app, URI publicUri) {
    this.app = app;
    this.publicUri = publicUri;
  }

  /**
   * Listens on {@code settings.bind():settings.port()}.
   *
   * @throws IllegalStateException when the port cannot be bound, naming it
   */
  public static HttpSurface start(HttpSettings settings) {
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.defaultContentType = "text/html; charset=utf-8";
    });
    app.before(ctx -> {
      ctx.header("Cache-Control", "no-store");
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Content-Security-Policy",
          "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; form-action 'self'; "
              + "frame-ancestors 'none'");
    });
    try {
      app.start(settings.bind(), settings.port());
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException("cannot listen on " + settings.bind() + ":" + settings.port()
          + " (http.bind / http.port in application.yml): " + e.getMessage(), e);
    }
    HttpSurface surface = new HttpSurface(app, settings.publicUri(app.port()));
    LOG.info("HTTP on {}:{}, public address {}", settings.bind(), app.port(), surface.publicUri);
    return surface;
  }

  /** Where routes are registered. */
  public Javalin app() {
    return app;
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  /** The base of links in mails, without a trailing slash. */
  public URI publicUri() {
    return publicUri;
  }

  /** {@link #publicUri} plus {@code path} (which starts with a slash). */
  public URI publicUri(String path) {
    return URI.create(publicUri + path);
  }

  @Override
  public void close() {
    app.stop();
  }
}
