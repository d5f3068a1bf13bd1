package org.vedetta.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Settings of a {@link PollingBenchmark} run, from the command line.
 *
 * @param sources       numbers of feeds to measure, one run each, in this order; default 100, 1,000, 10,000
 * @param rounds        steady rounds after the first round of each run; default 5
 * @param threads       threads that call {@code Ingest.pollNow}; default 32
 * @param items         items per feed; default 10
 * @param changed       percentage of feeds that have one new item every round; default 10
 * @param hosts         loopback addresses the feeds are spread over (127.0.0.1 up); default 1
 * @param serverThreads handler threads of the feed servers, shared by all addresses; default 8
 * @param warmup        feeds of an unreported run (a first round and {@value PollingBenchmark#WARMUP_STEADY_ROUNDS}
 *                      steady rounds) before the measured ones; 0 for none; default 2,000
 * @param roundTimeout  longest a round may take before it is cancelled and the run fails; default 10 minutes
 * @param pooled        whether ingest's {@code DataSource} is a HikariCP pool of 8 connections (as the app's)
 *                      rather than a plain H2 {@code JdbcDataSource} that opens a session per query; default true
 */
record PollingOptions(List<Integer> sources, int rounds, int threads, int items, int changed, int hosts,
    int serverThreads, int warmup, Duration roundTimeout, boolean pooled) {

  static final String USAGE = """
      Usage: PollingBenchmark [--sources N,N,...] [--rounds N] [--threads N] [--items N] [--changed PCT]
                              [--hosts N] [--server-threads N] [--warmup N] [--timeout SECONDS]
                              [--db pooled|plain]
        --sources N,...     feeds per run, one run each (default 100,1000,10000)
        --rounds N          steady rounds after the first round (default 5)
        --threads N         threads calling Ingest.pollNow (default 32)
        --items N           items per feed (default 10)
        --changed PCT       percentage of feeds with one new item every round (default 10)
        --hosts N           loopback addresses 127.0.0.1..127.0.0.N to spread the feeds over (default 1)
        --server-threads N  handler threads of the feed servers (default 8)
        --warmup N          feeds of an unreported warm-up run; 0 for none (default 2000)
        --timeout SECONDS   longest a round may take before the run fails (default 600)
        --db pooled|plain   HikariCP pool of 8 over in-memory H2 (default), or H2's own DataSource""";

  private static final Set<String> NAMES = Set.of("--sources", "--rounds", "--threads", "--items", "--changed",
      "--hosts", "--server-threads", "--warmup", "--timeout", "--db");

  PollingOptions {
    sources = List.copyOf(sources);
  }

  static PollingOptions defaults() {
    return new PollingOptions(List.of(100, 1_000, 10_000), 5, 32, 10, 10, 1, 8, 2_000, Duration.ofMinutes(10),
        true);
  }

  /** @throws IllegalArgumentException naming every bad argument */
  static PollingOptions parse(String... args) {
    Arguments given = Arguments.parse(NAMES, args);
    PollingOptions d = defaults();
    List<Integer> sources = d.sources;
    if (given.value("--sources") != null) {
      sources = new ArrayList<>();
      for (String n : given.value("--sources").split(",")) {
        Integer value = given.number("--sources", n.trim(), 1, 1_000_000_000);
        if (value != null) {
          sources.add(value);
        }
      }
    }
    int rounds = given.number("--rounds", d.rounds, 1, 1_000);
    int threads = given.number("--threads", d.threads, 1, 1_000);
    int items = given.number("--items", d.items, 1, 1_000);
    int changed = given.number("--changed", d.changed, 0, 100);
    int hosts = given.number("--hosts", d.hosts, 1, 254);
    int serverThreads = given.number("--server-threads", d.serverThreads, 1, 1_000);
    int warmup = given.number("--warmup", d.warmup, 0, 1_000_000_000);
    int timeout = given.number("--timeout", (int) d.roundTimeout.toSeconds(), 1, 86_400);
    String db = given.value("--db") == null ? "pooled" : given.value("--db");
    if (!db.equals("pooled") && !db.equals("plain")) {
      given.problem("--db: '" + db + "' must be pooled or plain");
    }
    given.check();
    return new PollingOptions(sources, rounds, threads, items, changed, hosts, serverThreads, warmup,
        Duration.ofSeconds(timeout), db.equals("pooled"));
  }
}
