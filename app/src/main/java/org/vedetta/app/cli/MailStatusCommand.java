package org.vedetta.app.cli;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.pipeline.Database;
import org.vedetta.notifier.MailStatus;
import org.vedetta.notifier.Notifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vedetta mail-status}: where mail stands per address (pending items, last mail, next digest, failures,
 * refusals, unsubscribes), and {@code --release} for an address parked after a refusal.
 */
@Command(name = "mail-status", description = "Show pending mail, failures and unsubscribes per address.")
final class MailStatusCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Spec
  CommandSpec spec;

  @Option(names = {"-c", "--config"}, defaultValue = "config", description = "Config directory (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--release", paramLabel = "EMAIL",
      description = "Forget the failures of EMAIL (e.g. after fixing an address the server refused), so its mail is tried again.")
  String release;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var loaded = ConfigOption.load(config, err);
    if (loaded.isEmpty()) {
      return 2;
    }
    VedettaConfig c = loaded.get();
    try (HikariDataSource db = Database.open(c.app().database(), c.dataDir());
        Notifier notifier = Notifier.builder().watchlists(c.watchlists()).subscribers(c.subscribers())
            .mail(c.app().mail()).dataSource(db).build()) {
      if (release != null) {
        boolean released = notifier.release(release);
        out.println(released ? release + " released: its mail will be tried again"
            : release + " had no failures to release");
      }
      print(out, notifier.status());
      out.flush();
      return 0;
    } catch (HikariPool.PoolInitializationException e) {
      err.println("vedetta: cannot open the database: " + rootMessage(e));
      err.println("  (the embedded H2 database can be read only while the service is stopped;"
          + " with PostgreSQL this works at any time)");
      err.flush();
      return 1;
    }
  }

  private static void print(PrintWriter out, List<MailStatus> status) {
    String format = "%-32s %-10s %7s  %-20s %-20s %s%n";
    out.printf(format, "ADDRESS", "SUBSCRIBED", "PENDING", "LAST MAIL", "NEXT DIGEST", "STATE");
    for (MailStatus s : status) {
      out.printf(format, s.email(), s.subscribed() ? "yes" : "no", s.pending(), time(s.lastSent()),
          time(s.nextDigest()), state(s));
    }
  }

  private static String state(MailStatus s) {
    if (s.unsubscribedAt() != null) {
      return "unsubscribed " + time(s.unsubscribedAt());
    }
    String state = s.rejected() ? "REFUSED by the server, parked: " + s.lastError()
        : s.failures() > 0 ? s.failures() + " failed, next try " + time(s.nextAttempt()) + ": " + s.lastError()
        : "ok";
    return s.repeats() > 0 ? state + " (" + s.repeats() + " mail(s) may have repeated an earlier one)" : state;
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
