package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vedetta.model.Development;
import org.vedetta.testsupport.TestDatabases;

/**
 * Several matcher instances on one database, as when matchers scale with partitions: a new fact reported by
 * many outlets at once yields one development, and a restarted instance decides the same.
 */
class SharedNoveltyIT {

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("H2", TestDatabases.h2()),
        Arguments.of("PostgreSQL", TestDatabases.postgres().orElse(null)));
  }

  private static Matcher matcher(DataSource ds) {
    return Matcher.builder().knowledge(Knowledge.SET).dataSource(ds)
        .clock(Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC)).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFactReportedByManyOutletsAtOnceYieldsOneDevelopment(String name, DataSource ds) throws Exception {
    assumeTrue(ds != null, name + " is not reachable on this machine");
    List<Matcher> instances = List.of(matcher(ds), matcher(ds), matcher(ds));
    String text = "Seoul's spy agency says about 18,000 North Korean troops are now deployed in Russia.";
    int outlets = 12;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(instances.size());
    try {
      List<Future<List<Development>>> results = new ArrayList<>();
      for (int i = 0; i < outlets; i++) {
        Matcher m = instances.get(i % instances.size());
        String url = "https://outlet" + i + ".example/story";
        results.add(pool.submit(() -> {
          start.await();
          return m.match(Knowledge.article("outlet" + url.length(), url, "", text, "2026-11-23T08:00:00Z"))
              .developments();
        }));
      }
      start.countDown();
      List<Development> all = new ArrayList<>();
      for (Future<List<Development>> r : results) {
        all.addAll(r.get());
      }
      assertThat(all).hasSize(1);
      assertThat(all.get(0).claim().quantity().low()).isEqualTo(18_000);

      // A restarted instance, or a replay of the winning article, decides the same.
      Matcher restarted = matcher(ds);
      Development winner = all.get(0);
      List<Development> replay = restarted.match(Knowledge.article("again", winner.evidence().url(), "", text,
          "2026-11-23T08:00:00Z")).developments();
      assertThat(replay).extracting(Development::id).containsExactly(winner.id());
      assertThat(restarted.match(Knowledge.article("late", "https://late.example/x", "", text,
          "2026-11-24T08:00:00Z")).developments()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
