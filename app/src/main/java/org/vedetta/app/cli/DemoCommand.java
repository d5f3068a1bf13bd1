package org.vedetta.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.demo.DemoSite;
import org.vedetta.app.demo.Outbox;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;
import org.vedetta.settings.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vedetta demo}: serves a local news site made from the seed articles plus two fresh ones, runs the
 * whole pipeline on it from a clean state, and prints where the digest landed.
 */
@Command(name = "demo", description = "Run the self-contained demo and print where its digest landed.")
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-c", "--config"}, defaultValue = "config/demo", description = "Demo config directory (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--digest-after", defaultValue = "60s", description = "When the digest is due after start (default: ${DEFAULT-VALUE}).")
  String digestAfter;

  @Option(names = "--keep-running", description = "Keep running after the digest, until Ctrl-C.")
  boolean keepRunning;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var loaded = ConfigOption.load(config, spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return 2;
    }
    VedettaConfig c = withConsoleToken(loaded.get());
    if (c.app().demo() == null || c.app().mail().outbox() == null) {
      spec.commandLine().getErr().println("vedetta: " + config + " is not a demo configuration (it needs demo: and mail.outbox)");
      return 2;
    }
    Duration after = Durations.parse(digestAfter);
    deleteRecursively(c.dataDir());
    Path outbox = c.app().mail().outbox();
    Instant started = Instant.now();
    Instant due = started.plus(after);
    try (DemoSite site = DemoSite.start(config.resolve(c.app().demo().site()), c.app().demo().port());
        Service service = Service.start(c, Role.ALL,
            new Service.Options(Clock.systemUTC(), due, Duration.ofSeconds(1)))) {
      out.printf("Demo news site: %s/feed.xml%n", site.baseUrl());
      out.printf("Kafka: %s (embedded); data in %s%n", service.bootstrapServers(), c.dataDir());
      out.printf("Console: %s/live (token for changes: %s)%n", service.http().publicUri(), c.app().http().token());
      out.printf("The digest is due at %s; it will be written to %s%n",
          LocalTime.ofInstant(due, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS), outbox);
      out.flush();
      Path digest = Outbox.awaitNew(outbox, started, due.plus(Duration.ofMinutes(2)));
      if (digest == null) {
        spec.commandLine().getErr().println("vedetta: no digest arrived in " + outbox + "; see the log above");
        return 1;
      }
      out.printf("Digest written to %s (%.1f s after start)%n", digest,
          Duration.between(started, Instant.now()).toMillis() / 1000.0);
      out.printf("Subject: %s%n", Outbox.subject(digest));
      out.flush();
      if (keepRunning) {
        out.println("Still running; Ctrl-C stops it.");
        out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
      }
    }
    return 0;
  }

  /** The demo's console accepts changes: with a token of its own for this run when the config sets none. */
  private static VedettaConfig withConsoleToken(VedettaConfig c) {
    if (c.app().http().token() != null) {
      return c;
    }
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String token = "demo-" + HexFormat.of().formatHex(random);
    return c.withApp(c.app().withHttp(c.app().http().withToken(token)));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
