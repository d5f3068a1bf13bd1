package org.vedetta.app.pipeline;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.kafka.TopicProcessor;
import org.vedetta.app.kafka.PreviewSlot;
import org.vedetta.app.kafka.TopicReplay;
import org.vedetta.app.knowledge.KnowledgeEditor;
import org.vedetta.app.knowledge.KnowledgePreview;
import org.vedetta.app.live.CorrectionDesk;
import org.vedetta.app.live.CorrectionLog;
import org.vedetta.app.live.DevelopmentFeed;
import org.vedetta.app.live.FigureHistory;
import org.vedetta.app.ops.HealthChecks;
import org.vedetta.app.ops.Metrics;
import org.vedetta.app.ops.OpsPages;
import org.vedetta.app.ops.SourcesSummary;
import org.vedetta.app.web.ConsoleToken;
import org.vedetta.app.web.HttpSurface;
import org.vedetta.app.watchlists.WatchlistEditor;
import org.vedetta.app.watchlists.WatchlistPreview;
import org.vedetta.app.web.KnowledgeApi;
import org.vedetta.app.web.KnowledgeEditPage;
import org.vedetta.app.web.KnowledgePage;
import org.vedetta.app.web.CorrectionApi;
import org.vedetta.app.web.DevelopmentPage;
import org.vedetta.app.web.FiguresPage;
import org.vedetta.app.web.LivePage;
import org.vedetta.app.web.SchemaPages;
import org.vedetta.app.web.SourcesPage;
import org.vedetta.app.web.UnsubscribePages;
import org.vedetta.app.web.WatchlistApi;
import org.vedetta.app.web.WatchlistPages;
import org.vedetta.app.web.WebTemplates;
import org.vedetta.database.Durability;
import org.vedetta.ingest.Ingest;
import org.vedetta.matcher.MatchResult;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Article;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.model.TaggedArticle;
import org.vedetta.model.Topics;
import org.vedetta.notifier.MailStatus;
import org.vedetta.notifier.Notifier;

/**
 * A running Vedetta process: the embedded broker when configured, the topics, the database, and the roles
 * asked for, wired to their topics. Closing stops everything in reverse order.
 */
public final class Service implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Service.class);

  /**
   * Options that differ between the service, the demo and tests.
   *
   * @param clock         clock for every stage
   * @param firstDigestAt an extra one-shot digest for every subscriber at this time (the demo), or null
   * @param retryBackoff  first pause before a failed record is tried again
   * @param reloadInterval how often watchlists.yml and subscribers.yml are looked at for changes
   */
  public record Options(Clock clock, Instant firstDigestAt, Duration retryBackoff, Duration reloadInterval) {
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(2);

    public Options(Clock clock, Instant firstDigestAt, Duration retryBackoff) {
      this(clock, firstDigestAt, retryBackoff, DEFAULT_RELOAD_INTERVAL);
    }

    public static Options defaults() {
      return new Options(Clock.systemUTC(), null, Duration.ofSeconds(1));
    }
  }

  /** How far back the live view starts, and how many developments it keeps. */
  private static final Duration LIVE_HISTORY = Duration.ofDays(7);
  private static final int LIVE_KEPT = 500;
  /** The longest a watchlist preview reads. */
  private static final Duration PREVIEW_DEADLINE = Duration.ofSeconds(30);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<TopicProcessor<?>> processors = new ArrayList<>();
  private String bootstrapServers;
  private Ingest ingest;
  private Matcher matcher;
  private Notifier notifier;
  private HttpSurface http;
  private Metrics metrics;
  private ConfigReloader reloader;

  private Service() {}

  /** Starts the roles of {@code config}; on failure, whatever had started is stopped again. */
  public static Service start(VedettaConfig config, Set<Role> roles, Options options) {
    Service service = new Service();
    try {
      service.startRoles(config, roles, options);
      return service;
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  private void startRoles(VedettaConfig config, Set<Role> roles, Options options) {
    if (config.app().kafka().embedded()) {
      EmbeddedKafka broker = EmbeddedKafka.start(config.dataDir().resolve("kafka"), config.app().kafka().port());
      resources.push(broker);
      broker.advertise(brokerAddressFile(config));
      bootstrapServers = broker.bootstrapServers();
    } else {
      bootstrapServers = config.app().kafka().bootstrapServers();
    }
    KafkaClients clients = new KafkaClients(bootstrapServers);
    clients.ensureTopics(config.app().kafka().partitions(), Duration.ofSeconds(60));

    HikariDataSource dataSource = Database.open(config.app().database(), config.dataDir());
    resources.push(dataSource);
    Durability durability = Durability.of(dataSource);
    KafkaProducer<String, byte[]> producer = clients.producer("vedetta-" + ProcessHandle.current().pid());
    resources.push(producer);

    http = HttpSurface.start(config.app().http());
    resources.push(http);
    WebTemplates templates = new WebTemplates();
    ConsoleToken token = new ConsoleToken(config.app().http().token());
    metrics = new Metrics();
    if (roles.contains(Role.NOTIFIER)) {
      KnowledgeSet knowledge = config.knowledge();
      notifier = Notifier.builder()
          .watchlists(config.watchlists())
          .subscribers(config.subscribers())
          .mail(config.app().mail())
          .dataSource(dataSource)
          .clock(options.clock())
          .firstDigestAt(options.firstDigestAt())
          .names(knowledge::nameOf)
          .focus(knowledge.focus())
          .unsubscribeUrl(http.publicUri(UnsubscribePages.PATH))
          .figuresLink(d -> d.claim().quantity() == null ? null
              : http.publicUri(FiguresPage.href(d.claimKey())).toString())
          .listener(metrics.deliveries())
          .build();
      resources.push(notifier);
      new UnsubscribePages(notifier, templates).register(http.app());
      Notifier mailing = notifier;
      metrics.followMailQueue(() -> mailing.status().stream().mapToLong(MailStatus::pending).sum());
      notifier.start();
      process(new TopicProcessor<>("notifier", clients, Topics.DEVELOPMENTS, Development.class, d -> {
        notifier.accept(d);
        return List.of();
      }, producer, options.clock(), options.retryBackoff(), durability));
      process(new TopicProcessor<>("notifier-outlets", clients, Topics.TAGGED, TaggedArticle.class, t -> {
        notifier.corroborate(t);
        return List.of();
      }, producer, options.clock(), options.retryBackoff(), durability));
      process(new TopicProcessor<>("notifier-corrections", clients, Topics.CORRECTIONS, Correction.class, c -> {
        notifier.correct(c);
        return List.of();
      }, producer, options.clock(), options.retryBackoff(), durability));
      reloader = ConfigReloader.start(config.dir(), notifier, options.reloadInterval());
      resources.push(reloader);
    }
    if (roles.contains(Role.MATCHER)) {
      // On PostgreSQL the matcher writes through a pool of its own that waits for the disk once per batch.
      DataSource matcherData = dataSource;
      Durability matcherDurability = durability;
      if (Database.batchesNeedOwnPool(config.app().database())) {
        HikariDataSource batches = Database.openForBatches(config.app().database(), config.dataDir());
        resources.push(batches);
        matcherData = batches;
        matcherDurability = Durability.ofAsyncCommits(batches);
      }
      DataSource learned = matcherData;
      Function<KnowledgeSet, Matcher> build = knowledge -> Matcher.builder().knowledge(knowledge)
          .dataSource(learned).clock(options.clock()).build();
      matcher = build.apply(config.knowledge());
      AtomicReference<Matcher> matching = new AtomicReference<>(matcher);
      // Knowledge edits (in the console or by hand) reach the matcher without a restart.
      resources.push(KnowledgeReloader.start(config.knowledgeDir(), config.knowledgeDisplayDir(), matching, build,
          options.reloadInterval()));
      process(new TopicProcessor<>("matcher", clients, Topics.ARTICLES, Article.class, article -> {
        MatchResult result = matching.get().match(article);
        metrics.matched(result);
        return records(result);
      }, producer, options.clock(), options.retryBackoff(), matcherDurability));
      process(new TopicProcessor<>("matcher-corrections", clients, Topics.CORRECTIONS, Correction.class, c -> {
        int retracted = matching.get().correct(c);
        LOG.info("development {} judged {} by {}: {} learned fact(s) retracted", c.developmentId(),
            c.decision().label(), c.analyst(), retracted);
        return List.of();
      }, producer, options.clock(), options.retryBackoff(), matcherDurability));
    }
    if (roles.contains(Role.INGEST)) {
      ingest = Ingest.builder()
          .sources(config.sources())
          .settings(config.app().ingest())
          .sink(article -> producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), Json.write(article)))
              .get())
          .dataSource(dataSource)
          .clock(options.clock())
          .onPoll(metrics::polled)
          .build();
      resources.push(ingest);
      new SourcesPage(ingest, config.sources(), templates, token, options.clock()).register(http.app());
      ingest.start();
    }
    registerConsole(config, clients, producer, options, templates, token);
    Map<String, Supplier<Optional<String>>> checks = new LinkedHashMap<>();
    if (notifier != null) {
      checks.put("mail", notifier::checkMail);
    }
    checks.put("stages", this::stoppedStage);
    Map<String, Supplier<String>> notes = new LinkedHashMap<>();
    if (ingest != null) {
      Ingest polling = ingest;
      notes.put("sources", () -> SourcesSummary.of(polling.health().values()));
    }
    if (!processors.isEmpty()) {
      notes.put("consumers", this::consumers);
    }
    HealthChecks health = new HealthChecks(bootstrapServers, dataSource, checks, notes, options.clock());
    resources.push(health);
    new OpsPages(health, metrics).register(http.app());
    new SchemaPages().register(http.app());
    LOG.info("Vedetta running: roles {}, Kafka {}, {} sources, {} subscribers", roles, bootstrapServers,
        config.sources().size(), config.subscribers().size());
  }

  /** The watchlist editor with its preview, and the live view; a save is applied at once when this process notifies. */
  private void registerConsole(VedettaConfig config, KafkaClients clients, KafkaProducer<String, byte[]> producer,
      Options options, WebTemplates templates, ConsoleToken token) {
    ConfigReloader applier = reloader;
    WatchlistEditor editor = new WatchlistEditor(config.dir(), applier == null ? () -> { } : applier::check);
    PreviewSlot previews = new PreviewSlot();
    WatchlistPreview preview = new WatchlistPreview(new TopicReplay(clients, PREVIEW_DEADLINE), options.clock(),
        previews);
    new WatchlistPages(editor, preview, config.knowledge(), templates, token).register(http.app());
    DevelopmentFeed feed = DevelopmentFeed.start(clients, LIVE_HISTORY, LIVE_KEPT, options.clock());
    resources.push(feed);
    CorrectionLog corrections = CorrectionLog.start(clients);
    resources.push(corrections);
    CorrectionDesk desk = new CorrectionDesk(feed, corrections, producer, options.clock());
    new DevelopmentPage(desk, config.knowledge(), templates, token).register(http.app());
    new CorrectionApi(desk, corrections, token).register(http.app());
    FigureHistory history = FigureHistory.start(clients);
    resources.push(history);
    FiguresPage figures = new FiguresPage(config.knowledge(), history, corrections, templates);
    figures.register(http.app());
    new KnowledgePage(config.knowledge(), matcher, figures, templates).register(http.app());
    KnowledgeEditor knowledgeEditor = new KnowledgeEditor(config.knowledgeDir(), config.knowledgeDisplayDir());
    KnowledgePreview knowledgePreview = new KnowledgePreview(new TopicReplay(clients, PREVIEW_DEADLINE),
        options.clock(), previews);
    new KnowledgeEditPage(knowledgeEditor, knowledgePreview, templates, token).register(http.app());
    new KnowledgeApi(knowledgeEditor, knowledgePreview, token).register(http.app());
    LivePage live = new LivePage(feed, corrections, editor, config.knowledge(), templates);
    resources.push(live);
    live.register(http.app());
    new WatchlistApi(editor, preview, feed, live, token).register(http.app());
  }

  private static List<ProducerRecord<String, byte[]>> records(MatchResult result) {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    result.tagged().ifPresent(t -> out.add(new ProducerRecord<>(Topics.TAGGED, t.articleId(), Json.write(t))));
    for (Development d : result.developments()) {
      out.add(new ProducerRecord<>(Topics.DEVELOPMENTS, d.claimKey(), Json.write(d)));
    }
    return out;
  }

  /**
   * A stage that stopped, one that waits out a failure that may pass (the database unreachable), or one that a
   * record has held for over {@link TopicProcessor#STUCK_AFTER}.
   */
  private Optional<String> stoppedStage() {
    return processors.stream().filter(p -> p.failure() != null).findFirst()
        .map(p -> "stage '" + p.stageName() + "' stopped: " + p.failure())
        .or(() -> processors.stream().map(TopicProcessor::paused).flatMap(Optional::stream).findFirst())
        .or(() -> processors.stream().map(p -> p.stuck(TopicProcessor.STUCK_AFTER)).flatMap(Optional::stream)
            .findFirst());
  }

  /** Each stage's consumer lag and the records it dead-lettered since start, e.g. {@code matcher: lag 0, 0 dead-lettered}. */
  private String consumers() {
    return processors.stream()
        .map(p -> p.stageName() + ": lag " + p.lag() + ", " + p.deadLettered() + " dead-lettered")
        .collect(Collectors.joining("; "));
  }

  private void process(TopicProcessor<?> processor) {
    metrics.follow(processor);
    processors.add(processor);
    resources.push(processor);
    processor.start();
  }

  /** Where a running service's embedded broker gives its address, for commands run beside it. */
  public static Path brokerAddressFile(VedettaConfig config) {
    return config.dataDir().resolve("kafka.address");
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The ingest role, or null when this process does not run it. */
  public Ingest ingest() {
    return ingest;
  }

  /** The notifier role, or null when this process does not run it. */
  public Notifier notifier() {
    return notifier;
  }

  /** The HTTP surface. */
  public HttpSurface http() {
    return http;
  }

  /** Records dead-lettered by this process's stages. */
  public long deadLettered() {
    return processors.stream().mapToLong(TopicProcessor::deadLettered).sum();
  }

  @Override
  public void close() {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("while stopping {}: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
