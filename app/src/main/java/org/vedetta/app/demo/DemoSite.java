package org.vedetta.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's local news site: serves a directory on 127.0.0.1, writing the site's own address wherever a file
 * says {@code {{base_url}}}, so the feed's links work on whatever port the site runs.
 */
public final class DemoSite implements AutoCloseable {

  private final HttpServer server;
  private final Path root;

  private DemoSite(HttpServer server, Path root) {
    this.server = server;
    this.root = root;
  }

  /** Serves {@code root} on 127.0.0.1:{@code port} (0 picks a free port). */
  public static DemoSite start(Path root, int port) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("demo site directory " + root + " does not exist");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
      DemoSite site = new DemoSite(server, root.toAbsolutePath().normalize());
      server.createContext("/", site::serve);
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo site on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file) || !"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String name = file.getFileName().toString();
      String type = name.endsWith(".xml") ? "application/rss+xml; charset=utf-8"
          : name.endsWith(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
      byte[] body = Files.readString(file, StandardCharsets.UTF_8).replace("{{base_url}}", baseUrl())
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
