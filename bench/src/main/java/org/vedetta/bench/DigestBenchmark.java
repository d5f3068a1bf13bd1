package org.vedetta.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Ids;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.Verdict;
import org.vedetta.notifier.DigestReceipt;
import org.vedetta.notifier.MailSettings;
import org.vedetta.notifier.Notifier;
import org.vedetta.notifier.Subscriber;
import org.vedetta.notifier.Watchlist;

/**
 * Measures what mailing digests costs the notifier: N subscribers (default 10,000) following one watchlist, K
 * developments (default 5) queued for every one of them through {@link Notifier#accept} (N×K queue rows), then
 * one {@link Notifier#sendDigests} that mails N digests of K items to an in-process GreenMail SMTP server on
 * 127.0.0.1. The queue is an H2 file database in a temporary directory behind a HikariCP pool, as the app's.
 * Only the public API of {@code vedetta-notifier} is used, and its scheduler is not started. Reported: wall
 * and CPU time of queueing and sending, digests/s, heap used after GC before and after, peak heap while sending
 * (sampled every 50 ms), and the heap GreenMail's stored messages take (they are purged after the check). The
 * run fails unless GreenMail received exactly N mails and a second {@code sendDigests()} sends nothing.
 *
 * <p>Run from the repository root, after installing the notifier:
 * <pre>
 * mvn -B -q -o -pl model,settings,notifier -am install -DskipTests
 * mvn -B -q -pl bench compile exec:java@digests -Dexec.args="--subscribers 10000 --items 5"
 * </pre>
 */
public final class DigestBenchmark {

  static final String USAGE = """
      Usage: DigestBenchmark [--subscribers N] [--items K]
        --subscribers N  subscribers, each mailed one digest (default 10000)
        --items K        developments queued for every subscriber, i.e. items per digest (default 5)""";

  /** How often the peak-heap sampler reads the heap while digests are sent. */
  static final long HEAP_SAMPLE_MILLIS = 50;

  static final int POOL_SIZE = 8;

  private static final Watchlist WATCHLIST = new Watchlist("russia-allies", "Russia's allies",
      List.of("north_korea", "iran", "belarus", "venezuela"), List.of("ru_ve_strategic_partnership_2025"), null,
      null, null);

  private DigestBenchmark() {}

  /**
   * Settings from the command line.
   *
   * @param subscribers subscribers, each mailed one digest
   * @param items       developments queued for every subscriber
   */
  record Options(int subscribers, int items) {

    private static final Set<String> NAMES = Set.of("--subscribers", "--items");

    /** @throws IllegalArgumentException naming every bad argument */
    static Options parse(String... args) {
      Arguments given = Arguments.parse(NAMES, args);
      int subscribers = given.number("--subscribers", 10_000, 1, 10_000_000);
      int items = given.number("--items", 5, 1, 1_000);
      given.check();
      return new Options(subscribers, items);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Arguments.parseOrExit(Options::parse, USAGE, args);
    run(options, System.out);
  }

  static void run(Options options, PrintStream out) throws Exception {
    int n = options.subscribers();
    int k = options.items();
    out.printf(Locale.ROOT, "Vedetta notifier digests; Java %s, %d cores, max heap %,d MB%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    out.printf(Locale.ROOT, "%,d subscribers × %,d developments; queue: H2 file database, HikariCP pool of %d; "
        + "mail: GreenMail SMTP on 127.0.0.1, in this process%n", n, k, POOL_SIZE);

    Path directory = Files.createTempDirectory("vedetta-digest-bench-");
    HikariDataSource pool = pool(directory);
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    try {
      greenMail.start();
      int port = greenMail.getSmtp().getPort();
      if (port <= 0) {
        throw new IllegalStateException("GreenMail did not report its SMTP port: " + port);
      }
      List<Subscriber> subscribers = subscribers(n);
      List<Development> developments = developments(k);
      long heapStart = Heap.usedAfterGc();

      long t0 = System.nanoTime();
      try (Notifier notifier = Notifier.builder()
          .watchlists(List.of(WATCHLIST))
          .subscribers(subscribers)
          .mail(MailSettings.smtp("127.0.0.1", port))
          .dataSource(pool)
          .build()) {
        long buildNanos = System.nanoTime() - t0;
        out.printf(Locale.ROOT, "notifier built in %,.0f ms (validation of %,d subscribers, Flyway); SMTP port %d%n",
            buildNanos / 1e6, n, port);

        // Queueing: K developments, each routed to all N subscribers and inserted once per subscriber.
        PhaseMeter queueStart = PhaseMeter.start();
        int queued = 0;
        for (Development development : developments) {
          queued += notifier.accept(development);
        }
        PhaseMeter.Phase queueing = queueStart.stop();
        check(queued == (long) n * k, "queued %,d rows, expected %,d × %,d = %,d", queued, n, k, (long) n * k);
        long heapQueued = Heap.usedAfterGc();

        // Sending: one digest per subscriber.
        PhaseMeter sendStart = PhaseMeter.start();
        List<DigestReceipt> receipts;
        long peak;
        try (PeakHeap sampler = PeakHeap.start(HEAP_SAMPLE_MILLIS)) {
          receipts = notifier.sendDigests();
          peak = sampler.peak();
        }
        PhaseMeter.Phase sending = sendStart.stop();
        long heapSent = Heap.usedAfterGc();

        check(receipts.size() == n, "sendDigests() returned %,d receipts, expected %,d", receipts.size(), n);
        long otherSize = receipts.stream().filter(r -> r.items() != k).count();
        check(otherSize == 0, "%,d digests did not carry %,d items", otherSize, k);
        Received received = received(greenMail);
        check(received.messages() == n, "GreenMail received %,d mails, expected %,d", received.messages(), n);
        check(received.recipients() == n, "GreenMail's %,d mails went to %,d distinct addresses, expected %,d",
            received.messages(), received.recipients(), n);

        greenMail.purgeEmailFromAllMailboxes();
        long heapPurged = Heap.usedAfterGc();

        long t1 = System.nanoTime();
        List<DigestReceipt> again = notifier.sendDigests();
        long againNanos = System.nanoTime() - t1;
        int receivedAgain = greenMail.getReceivedMessages().length;
        check(again.isEmpty() && receivedAgain == 0,
            "a second sendDigests() sent %,d digests (GreenMail received %,d more mails); expected none",
            again.size(), receivedAgain);

        notifier.close();
        pool.close(); // the last connection closes the H2 database and flushes its file
        long dbBytes = sizeOf(directory);
        print(out, options, queueing, sending, received, againNanos, heapStart, heapQueued, heapSent, heapPurged,
            peak, dbBytes);
      }
    } finally {
      pool.close();
      greenMail.stop();
      Directories.delete(directory);
    }
  }

  private static void print(PrintStream out, Options options, PhaseMeter.Phase queueing, PhaseMeter.Phase sending,
      Received received, long againNanos, long heapStart, long heapQueued, long heapSent, long heapPurged, long peak,
      long dbBytes) {
    int n = options.subscribers();
    long rows = (long) n * options.items();
    out.printf(Locale.ROOT, "%n| %-36s | %9s | %9s | %8s | %8s | %7s | %7s | %11s | %9s | %8s |%n", "phase",
        "wall ms", "per s", "CPU ms", "caller", "JIT", "GC", "GreenMail &", "CPU µs", "alloc MB");
    out.printf(Locale.ROOT, "| %-36s | %9s | %9s | %8s | %8s | %7s | %7s | %11s | %9s | %8s |%n", "", "", "", "",
        "ms", "ms", "ms", "other ms", "per unit", "caller");
    out.println("|--------------------------------------|----------:|----------:|---------:|---------:|--------:|"
        + "--------:|------------:|----------:|---------:|");
    row(out, String.format(Locale.ROOT, "queue: accept() %,d × %,d rows", options.items(), n), queueing, rows);
    row(out, String.format(Locale.ROOT, "send: sendDigests(), %,d digests", n), sending, n);
    out.printf(Locale.ROOT, "%nsending: %,.1f digests/s, %,.2f ms wall and %,.0f µs process CPU per digest "
            + "(%,.0f µs on the calling thread); mails %,.1f KB on average, %,.1f MB in all%n",
        n / (sending.wallNanos() / 1e9), sending.wallNanos() / 1e6 / n, sending.process() / 1e3 / n,
        sending.caller() / 1e3 / n, received.bytes() / 1024.0 / received.messages(), received.bytes() / 1e6);
    out.printf(Locale.ROOT, "queueing: %,.0f rows/s; second sendDigests(): nothing sent, %,.1f ms%n",
        rows / (queueing.wallNanos() / 1e9), againNanos / 1e6);
    out.printf(Locale.ROOT, "heap used after GC: %,.1f MB at start, %,.1f MB queued, %,.1f MB sent (GreenMail "
            + "holding %,d mails), %,.1f MB once GreenMail was purged (its store: %,.1f MB); peak while sending "
            + "%,.1f MB (sampled every %d ms); max heap %,d MB%n",
        heapStart / 1e6, heapQueued / 1e6, heapSent / 1e6, received.messages(), heapPurged / 1e6,
        (heapSent - heapPurged) / 1e6, peak / 1e6, HEAP_SAMPLE_MILLIS, Runtime.getRuntime().maxMemory() >> 20);
    out.printf(Locale.ROOT, "H2 files: %,.1f MB for %,d queue rows and %,d digests%n", dbBytes / 1e6, rows, n);
  }

  private static void row(PrintStream out, String label, PhaseMeter.Phase p, long units) {
    out.printf(Locale.ROOT, "| %-36s | %,9.0f | %,9.1f | %,8.0f | %,8.0f | %,7.0f | %,7.0f | %,11.0f | %,9.1f "
            + "| %,8.1f |%n", label, p.wallNanos() / 1e6, units / (p.wallNanos() / 1e9), p.process() / 1e6,
        p.caller() / 1e6, Math.max(0, p.jit()) / 1e6, Math.max(0, p.gc()) / 1e6, p.others() / 1e6,
        p.process() / 1e3 / units, p.allocated() / 1e6);
  }

  // ---- set-up ----

  /** {@code s00001@bench.example} …, one watchlist each, digests at 07:00, English and Italian in turn. */
  static List<Subscriber> subscribers(int n) {
    List<Subscriber> subscribers = new ArrayList<>(n);
    ZoneId rome = ZoneId.of("Europe/Rome");
    for (int i = 1; i <= n; i++) {
      String number = String.format(Locale.ROOT, "%05d", i);
      subscribers.add(new Subscriber("s" + number + "@bench.example", "Subscriber " + number,
          List.of(WATCHLIST.id()), "0 0 7 * * ?", rome, null, i % 2 == 1 ? "en" : "it"));
    }
    return subscribers;
  }

  /**
   * {@code k} distinct developments as the matcher emits them, all within {@link #WATCHLIST}: five kinds in turn
   * (troops, a ratification, casualties, arms, a leader meeting), each round with other figures and articles.
   */
  static List<Development> developments(int k) {
    Instant detected = Instant.parse("2025-11-03T08:15:00Z");
    List<Development> developments = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int round = i / 5;
      String suffix = round == 0 ? "" : "-" + round;
      Instant published = detected.minusSeconds(3_600L * (i + 1));
      Development d = switch (i % 5) {
        case 0 -> {
          long soldiers = 15_000 + 1_000L * round;
          Claim claim = new Claim("north_korea", "troop_deployment", "russia", null,
              new Quantity(soldiers, soldiers, "soldiers", Qualifier.ABOUT), null,
              String.format(Locale.ITALIAN, "Secondo l'intelligence sudcoreana, circa %,d soldati nordcoreani sono"
                  + " stati schierati nella regione di Kursk.", soldiers), 0, 104);
          Evidence evidence = new Evidence(Ids.of("https://www.ansa.it/nk-kursk" + suffix), "ansa",
              "https://www.ansa.it/nk-kursk" + suffix, "Corea del Nord, soldati a Kursk", published);
          yield development(claim, evidence, Verdict.NEW, 4, "North Korea — troop deployment: "
              + claim.quantity().describe(), null, detected);
        }
        case 1 -> {
          Claim claim = new Claim("venezuela", "treaty_ratified", "russia", "ru_ve_strategic_partnership_2025",
              null, LocalDate.of(2025, 10, 28).minusDays(round),
              "L'Assemblea nazionale del Venezuela ha ratificato il trattato di partenariato strategico con la"
                  + " Russia.", 0, 103);
          Evidence evidence = new Evidence(Ids.of("https://elpais.example/venezuela" + suffix), "el_pais",
              "https://elpais.example/venezuela-ratifica" + suffix, "Venezuela ratifica el tratado con Rusia",
              published);
          yield development(claim, evidence, Verdict.NEW, 3,
              "Venezuela — treaty ratified: strategic partnership with Russia", null, detected);
        }
        case 2 -> {
          long losses = 4_700 + 100L * round;
          Claim claim = new Claim("north_korea", "casualties", "russia", null,
              new Quantity(losses, losses, "soldiers", Qualifier.AT_LEAST), LocalDate.of(2025, 11, 1),
              String.format(Locale.ROOT, "At least %,d North Korean soldiers have been killed or wounded, Seoul's"
                  + " intelligence service said.", losses), 0, 102);
          Evidence evidence = new Evidence(Ids.of("https://www.bbc.example/nk-casualties" + suffix), "bbc",
              "https://www.bbc.example/nk-casualties" + suffix, "North Korean losses rise in Kursk", published);
          yield development(claim, evidence, Verdict.CHANGED, 4, "North Korea — casualties: "
              + claim.quantity().describe(), "about 1,000 soldiers, 2025-01", detected);
        }
        case 3 -> {
          long drones = 200 + 50L * round;
          Claim claim = new Claim("iran", "arms_supply", "russia", null,
              new Quantity(drones, drones, "drones", Qualifier.UP_TO), null,
              String.format(Locale.ROOT, "Iran has shipped up to %,d Shahed drones to Russia since the summer,"
                  + " according to European officials.", drones), 0, 96);
          Evidence evidence = new Evidence(Ids.of("https://www.reuters.example/iran-drones" + suffix), "reuters",
              "https://www.reuters.example/iran-drones" + suffix, "Iran steps up drone shipments to Russia",
              published);
          yield development(claim, evidence, Verdict.NEW, 3, "Iran — arms supply: "
              + claim.quantity().describe(), null, detected);
        }
        default -> {
          Claim claim = new Claim("belarus", "leader_meeting", "russia", null, null,
              LocalDate.of(2025, 11, 2).minusDays(round),
              "Alexander Lukashenko met Vladimir Putin in Minsk to discuss the Union State's defence.", 0, 88);
          Evidence evidence = new Evidence(Ids.of("https://belta.example/lukashenko-putin" + suffix), "belta",
              "https://belta.example/lukashenko-putin" + suffix, "Lukashenko and Putin meet in Minsk", published);
          yield development(claim, evidence, Verdict.NEW, 2, "Belarus — leader meeting: Lukashenko and Putin",
              null, detected);
        }
      };
      developments.add(d);
    }
    if (developments.stream().map(Development::id).distinct().count() != k) {
      throw new IllegalStateException("the " + k + " developments do not have distinct ids");
    }
    if (!developments.stream().allMatch(WATCHLIST::matches)) {
      throw new IllegalStateException("a development does not match the watchlist " + WATCHLIST.id());
    }
    return developments;
  }

  private static Development development(Claim claim, Evidence evidence, Verdict verdict, int severity,
      String headline, String known, Instant detected) {
    String value = claim.quantity() == null ? String.valueOf(claim.treaty()) + claim.date()
        : claim.quantity().describe();
    return new Development(Development.SCHEMA, Ids.of(claim.key(), value, evidence.articleId()), claim.key(),
        verdict, severity, headline, claim, evidence, verdict == Verdict.NEW ? List.of() : List.of("fact-1"), known,
        detected);
  }

  /** An H2 file database in {@code directory}, as the app opens its own, behind a pool of {@value #POOL_SIZE}. */
  private static HikariDataSource pool(Path directory) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("vedetta").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("digest-bench");
    return new HikariDataSource(config);
  }

  // ---- measuring ----

  /**
   * What GreenMail holds.
   *
   * @param messages   mails in all mailboxes
   * @param recipients distinct To addresses among them
   * @param bytes      their total size as GreenMail reports it
   */
  record Received(int messages, int recipients, long bytes) {}

  private static Received received(GreenMail greenMail) throws MessagingException {
    MimeMessage[] messages = greenMail.getReceivedMessages();
    Set<String> recipients = new HashSet<>();
    long bytes = 0;
    for (MimeMessage message : messages) {
      Address[] to = message.getAllRecipients();
      if (to != null) {
        for (Address address : to) {
          recipients.add(address.toString());
        }
      }
      bytes += Math.max(0, message.getSize());
    }
    return new Received(messages.length, recipients.size(), bytes);
  }

  // ---- helpers ----

  private static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(Locale.ROOT, format, args));
    }
  }

  private static long sizeOf(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
