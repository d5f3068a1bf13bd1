package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vedetta.settings.Problem;
import org.vedetta.settings.Problems;
import org.vedetta.settings.SettingsException;
import org.vedetta.settings.YamlSettings;

class IngestSettingsTest {

  @Test
  void defaults() {
    IngestSettings d = IngestSettings.defaults();

    assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.totalTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.maxBodyBytes()).isEqualTo(10 * 1024 * 1024);
    assertThat(d.maxDecompressedBytes()).isEqualTo(10 * 1024 * 1024);
    assertThat(d.maxRedirects()).isEqualTo(5);
    assertThat(d.perHostConcurrency()).isEqualTo(2);
    assertThat(d.perHostInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.robotsCacheTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(d.maxBackoff()).isEqualTo(Duration.ofHours(6));
    assertThat(d.unhealthyAfter()).isEqualTo(5);
    assertThat(d.pollThreads()).isEqualTo(4);
  }

  @Test
  void readsYamlAndDefaultsTheRest() {
    IngestSettings read = YamlSettings.parse("""
        read_timeout: 15s
        max_decompressed_bytes: 5242880
        per_host_interval: 500ms
        robots_cache_ttl: 12h
        unhealthy_after: 3
        """, "ingest.yml", IngestSettings.class);

    assertThat(read).isEqualTo(IngestSettings.defaults()
        .withReadTimeout(Duration.ofSeconds(15))
        .withMaxDecompressedBytes(5 * 1024 * 1024)
        .withPerHostInterval(Duration.ofMillis(500))
        .withRobotsCacheTtl(Duration.ofHours(12))
        .withUnhealthyAfter(3));
  }

  @Test
  void aNegativeIntervalIsRefused() {
    Problems problems = new Problems();

    IngestSettings.defaults().withPerHostInterval(Duration.ofSeconds(-1)).validate(problems);

    assertThat(problems.found()).containsExactly(
        new Problems.Found("per_host_interval", "invalid value -1s: must be at least 0s"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        connect_timeout: 0s
        max_body_bytes: 10
        max_redirects: -1
        unhealthy_after: 0
        poll_threads: 0
        """, "ingest.yml", IngestSettings.class))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("ingest.yml", 1, "connect_timeout", "invalid value 0s: must be longer than 0s"),
            new Problem("ingest.yml", 2, "max_body_bytes", "invalid value 10: must be at least 1024"),
            new Problem("ingest.yml", 3, "max_redirects", "invalid value -1: must be at least 0"),
            new Problem("ingest.yml", 4, "unhealthy_after", "invalid value 0: must be at least 1"),
            new Problem("ingest.yml", 5, "poll_threads", "invalid value 0: must be at least 1")));
  }
}
