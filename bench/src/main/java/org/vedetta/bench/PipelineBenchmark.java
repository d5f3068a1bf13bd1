package org.vedetta.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.vedetta.app.config.AppSettings;
import org.vedetta.app.config.DatabaseSettings;
import org.vedetta.app.config.HttpSettings;
import org.vedetta.app.config.KafkaSettings;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;
import org.vedetta.matcher.eval.LabelledArticle;
import org.vedetta.matcher.eval.RealCorpus;
import org.vedetta.model.Article;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.model.Topics;
import org.vedetta.notifier.MailSettings;

/**
 * The whole pipeline after ingest, on real parts in this process: the app's embedded Kafka broker (or a cluster,
 * {@code --bootstrap-servers}), H2 or PostgreSQL, and the matcher and notifier stages as the service runs them
 * ({@link Service}). Articles are the real-news corpus ({@code config/knowledge/eval/real}, 785 articles in seven
 * languages), published to {@code vedetta.articles} with an id of their own each time round.
 * <ol>
 *   <li><b>Latency</b>: the corpus once, paced at {@code --rate} articles/s, on a fresh database: for each article,
 *       the time from its record on {@code vedetta.articles} to its tagged record, and for each development to its
 *       record on {@code vedetta.developments} (both the brokers' record times), p50/p99;</li>
 *   <li><b>Throughput</b>: {@code --articles} more, published as fast as the broker takes them while the matchers
 *       read: each the first half of a corpus article's paragraphs followed by the second half of another's in the
 *       same language (about 5,600 pairs per language, so in 100,000 articles a pair comes back two or three times
 *       and is caught by the near-duplicate check, as a syndicated story is); articles/s until the matchers have
 *       committed the last, with {@code --matchers} matcher services (each one stage thread, so one core at most),
 *       the notifier following the developments.</li>
 * </ol>
 * Before both, {@code --warm-up} blended articles of their own warm the matchers up. Heap: the peak of this
 * process. Run from the repository root:
 * <pre>
 * mvn -B -q -o install -DskipTests
 * mvn -B -q -pl bench compile exec:java@pipeline -Dexec.args="--articles 100000 --database h2"
 * mvn -B -q -pl bench compile exec:java@pipeline -Dexec.args="--articles 100000 --database postgres --matchers 2"
 * </pre>
 */
public final class PipelineBenchmark {

  static final String USAGE = """
      Usage: PipelineBenchmark [--articles N] [--database h2|postgres] [--matchers K] [--rate R] [--partitions P]
                               [--bootstrap-servers HOSTS] [--postgres-url URL]
        --articles N           articles for the throughput run (default 100000)
        --database D           h2 (a file, the default) or postgres (a fresh schema)
        --matchers K           matcher services sharing the articles' partitions (default 1)
        --rate R               articles/s of the paced latency run (default 50)
        --warm-up W            articles matched before measuring (default 2000)
        --partitions P         partitions of each topic (default 3)
        --bootstrap-servers H  a Kafka cluster instead of the embedded broker
        --postgres-url URL     default jdbc:postgresql://127.0.0.1:5432/test (user postgres)""";

  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    Arguments a = Arguments.parseOrExit(x -> Arguments.parse(Set.of("--articles", "--database", "--matchers",
        "--rate", "--partitions", "--bootstrap-servers", "--postgres-url", "--knowledge", "--warm-up"), x), USAGE,
        args);
    int warmUp = a.number("--warm-up", 2_000, 0, 1_000_000);
    int articles = a.number("--articles", 100_000, 0, 10_000_000);
    String database = a.value("--database") == null ? "h2" : a.value("--database");
    int matchers = a.number("--matchers", 1, 1, 16);
    int rate = a.number("--rate", 50, 1, 100_000);
    int partitions = a.number("--partitions", 3, 1, 64);
    String bootstrap = a.value("--bootstrap-servers");
    String postgres = a.value("--postgres-url") == null ? "jdbc:postgresql://127.0.0.1:5432/test"
        : a.value("--postgres-url");
    Path knowledgeDir = KnowledgeDirectory.find(a.value("--knowledge") == null ? null : Path.of(a.value("--knowledge")));
    if (!database.equals("h2") && !database.equals("postgres")) {
      System.err.println("--database: h2 or postgres, not " + database);
      System.exit(2);
    }
    a.check();

    List<Article> corpus = corpus(knowledgeDir);
    Path work = Files.createTempDirectory("vedetta-pipeline-bench-");
    String schema = "vedetta_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    EmbeddedKafka embedded = bootstrap == null ? EmbeddedKafka.start(work.resolve("kafka"), 0) : null;
    String servers = bootstrap != null ? bootstrap : embedded.bootstrapServers();
    DatabaseSettings db = database.equals("h2")
        ? new DatabaseSettings("jdbc:h2:file:" + work.resolve("db").resolve("vedetta").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE", null, null, null)
        : new DatabaseSettings(createSchema(postgres, schema), "postgres", null, null);
    System.out.printf("%d corpus articles; Kafka %s (%d partitions); database %s; %d matcher(s); %d cores%n",
        corpus.size(), bootstrap == null ? "embedded" : bootstrap, partitions, database, matchers,
        Runtime.getRuntime().availableProcessors());
    KafkaClients clients = new KafkaClients(servers);
    clients.ensureTopics(partitions, Duration.ofSeconds(60));
    List<Service> services = new ArrayList<>();
    try (PeakHeap heap = PeakHeap.start(200);
        KafkaProducer<String, byte[]> producer = clients.producer("bench")) {
      VedettaConfig notifierConfig = config(knowledgeDir, work.resolve("notifier"), servers, partitions, db);
      services.add(Service.start(notifierConfig, Set.of(Role.NOTIFIER), options()));
      for (int m = 0; m < matchers; m++) {
        services.add(Service.start(config(knowledgeDir, work.resolve("matcher-" + m), servers, partitions, db),
            Set.of(Role.MATCHER), options()));
      }
      warmUp(clients, producer, corpus, warmUp);
      latency(clients, producer, corpus, rate);
      throughput(clients, producer, corpus, articles);
      System.out.printf("peak heap of this process (broker, %d matcher(s), notifier): %d MB%n", matchers,
          heap.peak() / (1024 * 1024));
    } finally {
      for (Service s : services) {
        s.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      if (database.equals("postgres")) {
        try (Connection c = DriverManager.getConnection(postgres, "postgres", "");
            Statement st = c.createStatement()) {
          st.execute("drop schema if exists " + schema + " cascade");
        }
      }
      Directories.delete(work);
    }
  }

  /**
   * Until the matchers hold their partitions and their code is compiled: {@code count} blended articles (of
   * their own, after the throughput run's) with every digit shifted, so that the figures they teach differ from
   * the corpus's and the latency run still has developments to time; not measured.
   */
  private static void warmUp(KafkaClients clients, KafkaProducer<String, byte[]> producer, List<Article> corpus,
      int count) throws Exception {
    for (int i = 0; i < count; i++) {
      Article blended = blend(corpus, Integer.MAX_VALUE / 2 + i);
      Article article = Article.of(blended.sourceId(), blended.url(), blended.title(), shiftDigits(blended.text()),
          blended.language(), blended.publishedAt(), blended.fetchedAt());
      producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), Json.write(article)));
    }
    producer.flush();
    awaitCommitted(clients, "vedetta-matcher", Topics.ARTICLES, Duration.ofMinutes(10));
    awaitCommitted(clients, "vedetta-notifier", Topics.DEVELOPMENTS, Duration.ofMinutes(10));
    System.out.printf("warmed up on %d articles%n", count);
  }

  private static String shiftDigits(String text) {
    StringBuilder shifted = new StringBuilder(text);
    for (int i = 0; i < shifted.length(); i++) {
      char c = shifted.charAt(i);
      if (c >= '0' && c <= '9') {
        shifted.setCharAt(i, (char) ('0' + (c - '0' + 3) % 10));
      }
    }
    return shifted.toString();
  }

  /** The corpus once at {@code rate} articles/s; latency to tagged and to developments. */
  private static void latency(KafkaClients clients, KafkaProducer<String, byte[]> producer, List<Article> corpus,
      int rate) throws Exception {
    Map<String, Long> published = new HashMap<>();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long next = System.nanoTime();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      Article article = copy(corpus.get(i), "latency-" + i);
      while (System.nanoTime() < next) {
        Thread.onSpinWait();
      }
      next += interval;
      sent.add(producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), Json.write(article))));
    }
    for (int i = 0; i < sent.size(); i++) {
      published.put(copy(corpus.get(i), "latency-" + i).id(), sent.get(i).get().timestamp());
    }
    awaitCommitted(clients, "vedetta-matcher", Topics.ARTICLES, Duration.ofMinutes(10));
    awaitCommitted(clients, "vedetta-notifier", Topics.DEVELOPMENTS, Duration.ofMinutes(10));
    List<Long> toTagged = new ArrayList<>();
    List<Long> toDevelopment = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> reader = clients.reader("bench-latency-" + UUID.randomUUID(),
        Duration.ofMillis(50))) {
      for (ConsumerRecord<String, byte[]> r : readAll(reader, Topics.TAGGED)) {
        Long at = published.get(r.key());
        if (at != null) {
          toTagged.add(r.timestamp() - at);
        }
      }
      for (ConsumerRecord<String, byte[]> r : readAll(reader, Topics.DEVELOPMENTS)) {
        Development d = Json.read(r.value(), Development.class);
        Long at = published.get(d.evidence().articleId());
        if (at != null) {
          toDevelopment.add(r.timestamp() - at);
        }
      }
    }
    System.out.printf("latency, %d articles at %d/s: to vedetta.tagged (%d) p50 %d ms p99 %d ms; "
        + "to vedetta.developments (%d) p50 %d ms p99 %d ms%n", corpus.size(), rate, toTagged.size(),
        percentile(toTagged, 50), percentile(toTagged, 99), toDevelopment.size(), percentile(toDevelopment, 50),
        percentile(toDevelopment, 99));
  }

  /** {@code count} articles published first, then matched: articles/s from the first commit to the last. */
  private static void throughput(KafkaClients clients, KafkaProducer<String, byte[]> producer,
      List<Article> corpus, int count) throws Exception {
    long before = committed(clients, "vedetta-matcher", Topics.ARTICLES);
    long cpuBefore = matcherCpuNanos();
    long publishStart = System.nanoTime();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Article article = blend(corpus, i);
      sent.add(producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), Json.write(article))));
      if (sent.size() == 10_000) {
        for (Future<RecordMetadata> f : sent) {
          f.get();
        }
        sent.clear();
      }
    }
    for (Future<RecordMetadata> f : sent) {
      f.get();
    }
    double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
    long start = System.nanoTime();
    long end = awaitCommitted(clients, "vedetta-matcher", Topics.ARTICLES, Duration.ofHours(2));
    double seconds = (end - start) / 1e9;
    long matched = committed(clients, "vedetta-matcher", Topics.ARTICLES) - before;
    double cpuSeconds = (matcherCpuNanos() - cpuBefore) / 1e9;
    System.out.printf("published %d articles in %.1f s (%.0f/s, while the matchers already read them)%n", count,
        publishSeconds, count / publishSeconds);
    System.out.printf("matcher threads: %.1f s of CPU for %d articles: %.0f articles per matcher-core second"
        + " (full analysis, near-duplicate check, novelty and the database's work on that thread)%n", cpuSeconds,
        matched, matched / Math.max(cpuSeconds, 1e-9));
    System.out.printf("throughput: %d articles matched in %.1f s after publishing ended: %.0f articles/s in all"
        + " (publishing included: %.0f articles/s)%n", matched, seconds, count / Math.max(seconds, 1e-9),
        count / (publishSeconds + seconds));
  }

  /** CPU time used so far by the matchers' stage threads ({@code vedetta-matcher}) of this process. */
  private static long matcherCpuNanos() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long total = 0;
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().equals("vedetta-matcher")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  /** Waits until {@code group} has committed every record of {@code topic}; returns {@link System#nanoTime}. */
  private static long awaitCommitted(KafkaClients clients, String group, String topic, Duration timeout) {
    Awaitility.await(group + " caught up with " + topic).atMost(timeout).pollInterval(Duration.ofMillis(100))
        .until(() -> clients.committedLag(group, topic) == 0);
    return System.nanoTime();
  }

  private static long committed(KafkaClients clients, String group, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", clients.bootstrapServers()))) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic)).mapToLong(e -> e.getValue().offset()).sum();
    }
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(KafkaConsumer<String, byte[]> reader, String topic) {
    List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    reader.assign(partitions);
    reader.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
      reader.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static List<Article> corpus(Path knowledgeDir) {
    List<Article> articles = new ArrayList<>();
    for (LabelledArticle l : RealCorpus.load(knowledgeDir.resolve("eval").resolve("real"))
        .labelled(RealCorpus.Part.ALL)) {
      articles.add(Article.of("bench", "https://bench.vedetta.invalid/" + l.id(), l.title(), l.text(), l.language(),
          l.published().atTime(8, 0).toInstant(ZoneOffset.UTC), l.published().atTime(9, 0).toInstant(ZoneOffset.UTC)));
    }
    return articles;
  }

  /**
   * Article {@code i} of the throughput run: the first half of one corpus article's paragraphs and the second half
   * of another's in the same language, under a URL of its own.
   */
  private static Article blend(List<Article> corpus, int i) {
    Article first = corpus.get(i % corpus.size());
    List<Article> sameLanguage = corpus.stream().filter(a -> a.language().equals(first.language())).toList();
    Article second = sameLanguage.get(Math.floorMod(i * 7919 + i / corpus.size() * 31, sameLanguage.size()));
    // ... each time round the corpus with another partner, so that pairs come back only after many rounds.
    List<String> a = List.of(first.text().split("\n+"));
    List<String> b = List.of(second.text().split("\n+"));
    String text = String.join("\n\n", a.subList(0, (a.size() + 1) / 2)) + "\n\n"
        + String.join("\n\n", b.subList(b.size() / 2, b.size()));
    return Article.of(first.sourceId(), first.url() + "/bulk-" + i, first.title(), text, first.language(),
        first.publishedAt(), Instant.now());
  }

  /** The article under a URL (so an id) of its own. */
  private static Article copy(Article a, String suffix) {
    return Article.of(a.sourceId(), a.url() + "/" + suffix, a.title(), a.text(), a.language(), a.publishedAt(),
        Instant.now());
  }

  private static VedettaConfig config(Path knowledgeDir, Path dataDir, String servers, int partitions,
      DatabaseSettings db) {
    VedettaConfig demo = VedettaConfig.load(knowledgeDir.getParent().resolve("demo"));
    AppSettings app = new AppSettings(dataDir.toString(), knowledgeDir.toString(),
        new KafkaSettings(servers, 0, partitions), db,
        new MailSettings(dataDir.resolve("outbox"), null, "bench@localhost"), null, null,
        HttpSettings.defaults().withPort(0));
    return new VedettaConfig(demo.dir(), app, List.of(), demo.watchlists(), demo.subscribers(), demo.knowledge());
  }

  private static String createSchema(String url, String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
      st.execute("create schema " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static Service.Options options() {
    return new Service.Options(Clock.systemUTC(), null, Duration.ofSeconds(1));
  }
}
