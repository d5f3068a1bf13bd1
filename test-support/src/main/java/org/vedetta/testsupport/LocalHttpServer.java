package org.vedetta.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A programmable HTTP server on 127.0.0.1 and an ephemeral port, for tests that fetch feeds and pages without
 * the internet.
 *
 * <p>Each path answers with the {@link Response} given to {@link #route}; unknown paths answer 404. A route
 * whose response carries an {@code ETag} answers 304 by itself when the request's {@code If-None-Match}
 * names that tag, and one carrying {@code Last-Modified} answers 304 when {@code If-Modified-Since} is not
 * older; either way the request counts in {@link #hits}. Every request is recorded so a test can check what
 * a client sent. A {@linkplain #routeStreaming streaming route} sends its headers at once and then writes its
 * body as it likes, to play a server that stalls or trickles.
 *
 * <pre>{@code
 * try (LocalHttpServer site = LocalHttpServer.start()) {
 *   site.route("/feed.xml", Response.ok("application/rss+xml", rss).withHeader("ETag", "\"v1\""));
 *   ... fetch site.uri("/feed.xml") ...
 *   assertThat(site.hits("/feed.xml")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class LocalHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
  private final Map<String, Streaming> streaming = new ConcurrentHashMap<>();
  private final List<Request> received = new CopyOnWriteArrayList<>();

  private LocalHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on 127.0.0.1 and a free port, with no routes. */
  public static LocalHttpServer start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a local HTTP server", e);
    }
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "local-http-server");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    LocalHttpServer site = new LocalHttpServer(server, executor);
    server.createContext("/", site::handle);
    server.start();
    return site;
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The absolute URI of {@code path} (which starts with {@code /}) on this server. */
  public URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  /**
   * Answers {@code path} with {@code response} from now on, replacing an earlier route. The path may carry a
   * query ({@code /item?id=1}); a route without a query answers every query on that path that has no route
   * of its own; a path ending in {@code /*} ({@code /news/*}) answers every path under it that has no route
   * of its own, the longest such prefix winning.
   */
  public void route(String path, Response response) {
    route(path, request -> response);
  }

  /** Answers {@code path} with whatever {@code handler} returns for each request (e.g. fail once, then succeed). */
  public void route(String path, Function<Request, Response> handler) {
    streaming.remove(path);
    routes.put(path, handler);
  }

  /**
   * Answers exactly {@code path} (queries included) with the status and headers of {@code head} at once, and a
   * chunked body that {@code body} writes; each write is flushed to the client as it is made. The writer may
   * block (on a latch the test releases, or until {@link #close} interrupts it) to play a server that stalls
   * after its headers, or write slowly to play one that trickles.
   */
  public void routeStreaming(String path, Response head, BodyWriter body) {
    routes.remove(path);
    streaming.put(path, new Streaming(head, body));
  }

  /** Stops answering {@code path}: it answers 404 again. */
  public void unroute(String path) {
    routes.remove(path);
    streaming.remove(path);
  }

  /** How many requests {@code path} received, including those answered 304 or 404. */
  public int hits(String path) {
    return requests(path).size();
  }

  /**
   * The requests {@code path} received, oldest first. A path without a query matches the requests to that
   * path with any query; a path with a query matches only that exact query; a path ending in {@code /*}
   * matches every path under it.
   */
  public List<Request> requests(String path) {
    return received.stream().filter(r -> matches(path, r.path())).toList();
  }

  /** Every request received, oldest first. */
  public List<Request> requests() {
    return List.copyOf(received);
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream requestBody = exchange.getRequestBody()) {
      requestBody.readAllBytes();
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!values.isEmpty()) {
          headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
        }
      });
      Request request = new Request(exchange.getRequestMethod(), path, headers);
      received.add(request);
      Streaming stream = streaming.get(path);
      if (stream != null) {
        stream(exchange, stream);
      } else {
        send(exchange, respond(request, path));
      }
    } finally {
      exchange.close();
    }
  }

  private Response respond(Request request, String path) {
    Function<Request, Response> handler = routes.get(path);
    if (handler == null) {
      handler = routes.get(withoutQuery(path));
    }
    if (handler == null) {
      handler = routes.keySet().stream()
          .filter(route -> route.endsWith("/*") && matches(route, path))
          .max(Comparator.comparingInt(String::length))
          .map(routes::get)
          .orElse(null);
    }
    if (handler == null) {
      return Response.status(404);
    }
    Response response;
    try {
      response = handler.apply(request);
    } catch (RuntimeException e) {
      return Response.ok("text/plain; charset=utf-8", "route " + path + " failed: " + e)
          .withStatus(500);
    }
    return response.status() == 200 && notModified(request, response) ? notModifiedFor(response) : response;
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] body = response.body();
    boolean noBody = body.length == 0 || response.status() == 304 || response.status() == 204
        || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void stream(HttpExchange exchange, Streaming stream) throws IOException {
    stream.head().headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(stream.head().status(), 0);
    OutputStream raw = exchange.getResponseBody();
    OutputStream flushing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        raw.write(b);
        raw.flush();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        raw.write(b, off, len);
        raw.flush();
      }
    };
    try {
      stream.body().write(flushing);
      raw.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away, e.g. after its own timeout
    }
  }

  private static boolean notModified(Request request, Response response) {
    String etag = response.header("ETag");
    String ifNoneMatch = request.headers().get("if-none-match");
    if (etag != null && ifNoneMatch != null) {
      for (String candidate : ifNoneMatch.split(",")) {
        String tag = candidate.trim();
        if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
          return true;
        }
      }
      return false;
    }
    String lastModified = response.header("Last-Modified");
    String ifModifiedSince = request.headers().get("if-modified-since");
    if (lastModified != null && ifModifiedSince != null) {
      try {
        ZonedDateTime modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
        ZonedDateTime since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME);
        return !modified.isAfter(since);
      } catch (DateTimeParseException e) {
        return lastModified.equals(ifModifiedSince);
      }
    }
    return false;
  }

  private static Response notModifiedFor(Response response) {
    Response notModified = Response.status(304);
    for (String name : List.of("ETag", "Last-Modified")) {
      String value = response.header(name);
      if (value != null) {
        notModified = notModified.withHeader(name, value);
      }
    }
    return notModified;
  }

  /** Whether a route or query path ({@code /a}, {@code /a?x=1}, {@code /a/*}) covers a request path. */
  private static boolean matches(String pattern, String requestPath) {
    if (pattern.endsWith("/*")) {
      return withoutQuery(requestPath).startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(requestPath) || (pattern.indexOf('?') < 0 && pattern.equals(withoutQuery(requestPath)));
  }

  private static String withoutQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** Writes a streaming route's body; see {@link #routeStreaming}. */
  @FunctionalInterface
  public interface BodyWriter {
    void write(OutputStream body) throws IOException, InterruptedException;
  }

  private record Streaming(Response head, BodyWriter body) {}

  /**
   * A request as the server received it.
   *
   * @param method  e.g. {@code GET}
   * @param path    raw path with its query, e.g. {@code /feed.xml?page=2}
   * @param headers first value of each header, names lower-case
   */
  public record Request(String method, String path, Map<String, String> headers) {
    public Request {
      headers = Map.copyOf(headers);
    }

    /** The header's first value, or {@code null}; the name is matched without regard to case. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * What a route answers.
   *
   * @param status  HTTP status
   * @param headers response headers, in the order given
   * @param body    response bytes; empty for none
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    public Response {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      body = body == null ? new byte[0] : body.clone();
    }

    /** 200 with the body as UTF-8; {@code contentType} should name the charset when it is text. */
    public static Response ok(String contentType, String body) {
      return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** 200 with these bytes. */
    public static Response ok(String contentType, byte[] body) {
      return new Response(200, Map.of("Content-Type", contentType), body);
    }

    /** 200 with the bytes of a classpath resource of the calling test (e.g. {@code "fixtures/feed.xml"}). */
    public static Response resource(String contentType, String resource) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("no classpath resource " + resource);
        }
        return ok(contentType, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** This status with no body, e.g. {@code status(503)}. */
    public static Response status(int status) {
      return new Response(status, Map.of(), new byte[0]);
    }

    /** A redirect ({@code 301}, {@code 302}, {@code 303}, {@code 307} or {@code 308}) to {@code location}. */
    public static Response redirect(int status, String location) {
      return status(status).withHeader("Location", location);
    }

    /** A copy with this header set, replacing one of the same name (names compared without case). */
    public Response withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      copy.put(name, value);
      return new Response(status, copy, body);
    }

    /** A copy with another status, e.g. to serve a body with 404. */
    public Response withStatus(int newStatus) {
      return new Response(newStatus, headers, body);
    }

    /** The header's value, or {@code null}; the name is matched without regard to case. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }
}
