package org.vedetta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.testsupport.LocalHttpServer.Response;

class LocalHttpServerTest {

  private final LocalHttpServer site = LocalHttpServer.start();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    site.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(site.uri(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listensOnLoopbackAndServesARoute() throws Exception {
    site.route("/feed.xml", Response.ok("application/rss+xml", "<rss/>"));

    HttpResponse<String> response = get("/feed.xml");

    assertThat(site.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("<rss/>");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml");
  }

  @Test
  void unknownPathIs404AndStillCounted() throws Exception {
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
    assertThat(site.hits("/nothing")).isEqualTo(1);
  }

  @Test
  void recordsRequestsWithLowerCaseHeaderNames() throws Exception {
    site.route("/a", Response.status(204));

    get("/a?x=1", "User-Agent", "Probe/1", "X-Custom", "yes");

    assertThat(site.hits("/a")).isEqualTo(1);
    assertThat(site.hits("/a?x=1")).isEqualTo(1);
    assertThat(site.hits("/a?x=2")).isZero();
    LocalHttpServer.Request request = site.requests("/a").get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/a?x=1");
    assertThat(request.headers()).containsEntry("user-agent", "Probe/1").containsEntry("x-custom", "yes");
    assertThat(request.header("X-Custom")).isEqualTo("yes");
  }

  @Test
  void aRouteWithAQueryWinsOverThePath() throws Exception {
    site.route("/item", Response.ok("text/plain", "any"));
    site.route("/item?id=2", Response.ok("text/plain", "two"));

    assertThat(get("/item?id=1").body()).isEqualTo("any");
    assertThat(get("/item?id=2").body()).isEqualTo("two");
  }

  @Test
  void aPrefixRouteAnswersEveryPathUnderIt() throws Exception {
    site.route("/news/*", Response.ok("text/plain", "any story"));
    site.route("/news/world/*", Response.ok("text/plain", "world story"));
    site.route("/news/special", Response.ok("text/plain", "special"));

    assertThat(get("/news/a").body()).isEqualTo("any story");
    assertThat(get("/news/world/b?x=1").body()).isEqualTo("world story");
    assertThat(get("/news/special").body()).isEqualTo("special");
    assertThat(get("/news").statusCode()).isEqualTo(404);
    assertThat(site.hits("/news/*")).isEqualTo(3);
    assertThat(site.hits("/news/world/*")).isEqualTo(1);
  }

  @Test
  void routeReplacesAnEarlierOne() throws Exception {
    site.route("/p", Response.ok("text/plain", "old"));
    site.route("/p", Response.ok("text/plain", "new"));

    assertThat(get("/p").body()).isEqualTo("new");
  }

  @Test
  void answers304WhenIfNoneMatchNamesTheRoutesEtag() throws Exception {
    site.route("/feed", Response.ok("text/xml", "<rss/>").withHeader("ETag", "\"v1\""));

    HttpResponse<String> first = get("/feed");
    HttpResponse<String> second = get("/feed", "If-None-Match", "\"v1\"");
    HttpResponse<String> stale = get("/feed", "If-None-Match", "\"v0\"");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("ETag")).hasValue("\"v1\"");
    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(site.hits("/feed")).isEqualTo(3);
  }

  @Test
  void answers304WhenNotModifiedSince() throws Exception {
    site.route("/page", Response.ok("text/html", "<p>x</p>")
        .withHeader("Last-Modified", "Mon, 03 Mar 2025 09:30:00 GMT"));

    assertThat(get("/page", "If-Modified-Since", "Mon, 03 Mar 2025 09:30:00 GMT").statusCode()).isEqualTo(304);
    assertThat(get("/page", "If-Modified-Since", "Sun, 02 Mar 2025 09:30:00 GMT").statusCode()).isEqualTo(200);
  }

  @Test
  void handlerRoutesCanChangeTheirAnswer() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    site.route("/flaky", request -> calls.incrementAndGet() == 1
        ? Response.status(503)
        : Response.ok("text/plain", "ok"));

    assertThat(get("/flaky").statusCode()).isEqualTo(503);
    assertThat(get("/flaky").body()).isEqualTo("ok");
  }

  @Test
  void redirectsAndResources() throws Exception {
    site.route("/old", Response.redirect(301, "/new"));
    site.route("/new", Response.resource("text/plain", "greeting.txt"));

    HttpResponse<String> response = get("/old");

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("/new");
    assertThat(get("/new").body()).isEqualTo("hello from the classpath\n");
  }

  @Test
  void responsesAreValues() {
    Response base = Response.ok("text/plain", "x");
    Response withTag = base.withHeader("etag", "\"a\"").withHeader("ETag", "\"b\"");

    assertThat(base.headers()).doesNotContainKey("ETag");
    assertThat(withTag.headers()).hasSize(2).containsEntry("ETag", "\"b\"");
    assertThat(withTag.header("etag")).isEqualTo("\"b\"");
  }

  @Test
  void aStreamingRouteSendsItsHeadersThenItsBodyAsWritten() throws Exception {
    CountDownLatch more = new CountDownLatch(1);
    site.routeStreaming("/slow", Response.status(200).withHeader("Content-Type", "text/plain"), body -> {
      body.write("first ".getBytes(StandardCharsets.UTF_8));
      more.await();
      body.write("second".getBytes(StandardCharsets.UTF_8));
    });

    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(site.uri("/slow")).build(), HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
    try (InputStream body = response.body()) {
      assertThat(new String(body.readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("first ");
      more.countDown();
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
    }
    assertThat(site.hits("/slow")).isEqualTo(1);
  }
}
