package org.vedetta.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The feeds of the polling benchmark: {@code /feed/<i>.xml}, served by one JDK {@link HttpServer} per loopback
 * address 127.0.0.1 … 127.0.0.{@code hosts} (feed {@code i} on address {@code i % hosts}), all sharing one
 * fixed pool of handler threads. A feed is generated from its path and the current round, so any number of
 * feeds costs the server no memory.
 *
 * <p>Every feed lists {@code items} RSS items with a title, link, guid, date and a two-paragraph description
 * (about 0.5 KB each). A <em>changing</em> feed ({@link #changes}) gets one new item and a new {@code ETag}
 * each round; the others keep the ETag of round 0 and answer {@code If-None-Match} with 304 and no body.
 * The servers set {@code TCP_NODELAY} ({@code sun.net.httpserver.nodelay}), so that a 200's headers and body
 * are not held back by Nagle's algorithm.
 */
final class FeedSite implements AutoCloseable {

  static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";
  /** Names the handler threads, so that {@link CpuTime} can tell them apart. */
  static final String THREAD_PREFIX = "feed-site-";
  private static final Instant FIRST_ITEM = Instant.parse("2025-01-01T06:00:00Z");
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final List<HttpServer> servers;
  private final List<String> bases;
  private final ExecutorService executor;
  private final int items;
  private final int changedPercent;
  private volatile int round;

  private final LongAdder ok = new LongAdder();
  private final LongAdder notModified = new LongAdder();
  private final LongAdder other = new LongAdder();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private int connectionsBefore;

  /** A client connection as the server sees it; the local address tells servers apart. */
  private record Connection(InetSocketAddress local, InetSocketAddress remote) {}

  /**
   * What the site answered since {@link #beginRound}.
   *
   * @param ok                 200s, each with a whole feed
   * @param notModified        304s
   * @param other              404s for paths that are no feed
   * @param connectionsOpened  client connections not seen in an earlier round
   */
  record Served(long ok, long notModified, long other, int connectionsOpened) {}

  private FeedSite(List<HttpServer> servers, List<String> bases, ExecutorService executor, int items,
      int changedPercent) {
    this.servers = servers;
    this.bases = bases;
    this.executor = executor;
    this.items = items;
    this.changedPercent = changedPercent;
  }

  /**
   * Starts one server per loopback address on an ephemeral port.
   *
   * @param hosts          loopback addresses to serve on, 1 to 254 (127.0.0.1 up)
   * @param threads        handler threads shared by all servers
   * @param items          items per feed
   * @param changedPercent share of feeds, 0 to 100, that change every round
   */
  static FeedSite start(int hosts, int threads, int items, int changedPercent) {
    if (hosts < 1 || hosts > 254) {
      throw new IllegalArgumentException("hosts: " + hosts + " must be between 1 and 254");
    }
    if (changedPercent < 0 || changedPercent > 100) {
      throw new IllegalArgumentException("changed: " + changedPercent + "% must be between 0 and 100");
    }
    // Read once by the JDK server's configuration; set before the first server is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    AtomicInteger counter = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, THREAD_PREFIX + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    List<HttpServer> servers = new ArrayList<>();
    List<String> bases = new ArrayList<>();
    FeedSite site = new FeedSite(servers, bases, executor, items, changedPercent);
    try {
      for (int host = 0; host < hosts; host++) {
        InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (host + 1)});
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 1024);
        String base = "http://" + address.getHostAddress() + ":" + server.getAddress().getPort();
        server.createContext("/", exchange -> site.handle(exchange, base));
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        bases.add(base);
      }
    } catch (IOException e) {
      site.close();
      throw new UncheckedIOException("cannot open the benchmark's feed servers on 127.0.0.x", e);
    }
    return site;
  }

  /** The URL of feed {@code feed}. */
  String feedUrl(int feed) {
    return bases.get(feed % bases.size()) + "/feed/" + feed + ".xml";
  }

  /** Whether feed {@code feed} has a new item every round: {@code changedPercent} of every 100 feeds, spread out. */
  boolean changes(int feed) {
    return (int) ((long) feed * changedPercent % 100) < changedPercent;
  }

  /** How many of feeds 0 … n−1 {@linkplain #changes change}. */
  int changing(int n) {
    int count = 0;
    for (int feed = 0; feed < n; feed++) {
      count += changes(feed) ? 1 : 0;
    }
    return count;
  }

  /** Serves round {@code round} from now on (0 is every feed's first version) and resets {@link #served}. */
  void beginRound(int newRound) {
    round = newRound;
    ok.reset();
    notModified.reset();
    other.reset();
    connectionsBefore = connections.size();
  }

  Served served() {
    return new Served(ok.sum(), notModified.sum(), other.sum(), connections.size() - connectionsBefore);
  }

  /** Stops every server at once, closing their connections, and the handler threads. */
  @Override
  public void close() {
    servers.forEach(server -> server.stop(0));
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        System.err.println("feed site: handler threads still running after 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange, String base) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      int feed = feedIndex(exchange.getRequestURI().getRawPath());
      if (feed < 0 || !exchange.getRequestMethod().equals("GET")) {
        other.increment();
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      connections.add(new Connection(exchange.getLocalAddress(), exchange.getRemoteAddress()));
      int current = round;
      String etag = etag(feed, current);
      exchange.getResponseHeaders().set("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.increment();
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      byte[] rss = rss(base, feed, version(feed, current)).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, rss.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(rss);
      }
      ok.increment();
    } finally {
      exchange.close();
    }
  }

  /** The ETag of feed {@code feed} in round {@code inRound}. */
  String etag(int feed, int inRound) {
    return "\"" + feed + "-" + version(feed, inRound) + "\"";
  }

  /** A changing feed's version is the round; the others stay at version 0. */
  private int version(int feed, int inRound) {
    return changes(feed) ? inRound : 0;
  }

  /** The {@code i} of {@code /feed/<i>.xml}, or −1 for any other path. */
  static int feedIndex(String path) {
    if (path == null || !path.startsWith("/feed/") || !path.endsWith(".xml")) {
      return -1;
    }
    String digits = path.substring("/feed/".length(), path.length() - ".xml".length());
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Integer.parseInt(digits);
  }

  /**
   * Version {@code version} of feed {@code feed}: items {@code version} … {@code version + items − 1},
   * newest first.
   */
  String rss(String base, int feed, int version) {
    StringBuilder xml = new StringBuilder(600 + items * 700);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n")
        .append("<title>Bench desk ").append(feed).append("</title>\n")
        .append("<link>").append(base).append("/feed/").append(feed).append("/</link>\n")
        .append("<description>Synthetic feed ").append(feed).append(" of the polling benchmark</description>\n")
        .append("<language>en</language>\n");
    for (int item = version + items - 1; item >= version; item--) {
      xml.append("<item>\n<title>Talks in Minsk, day ").append(item).append(" (desk ").append(feed)
          .append(")</title>\n<link>").append(base).append("/feed/").append(feed).append("/item/").append(item)
          .append("</link>\n<guid isPermaLink=\"false\">bench-").append(feed).append('-').append(item)
          .append("</guid>\n<pubDate>").append(RFC_1123.format(FIRST_ITEM.plusSeconds(3600L * item)))
          .append("</pubDate>\n<description><![CDATA[<p>Delegations from Minsk and Moscow met on day ")
          .append(item).append(" to discuss the union treaty, desk ").append(feed)
          .append(" reports. Officials said the talks on energy prices and border checks would continue next "
              + "week.</p><p>Analysts expect a joint statement before the end of the month, although neither "
              + "side confirmed a date. Story ")
          .append(item).append(" of desk ").append(feed).append(".</p>]]></description>\n</item>\n");
    }
    return xml.append("</channel>\n</rss>\n").toString();
  }
}
