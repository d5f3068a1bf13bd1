package org.vedetta.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vedetta.app.analyze.CorrectionCases;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.kafka.TopicReplay;
import org.vedetta.model.Article;
import org.vedetta.model.Correction;
import org.vedetta.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vedetta corrections list|export}: analysts' judgements of developments, and the same as labelled cases of
 * the real-news corpus.
 */
@Command(name = "corrections", description = "List analysts' judgements of developments, or export them as"
    + " labelled cases of the real-news corpus.",
    subcommands = {CorrectionsCommand.ListCorrections.class, CorrectionsCommand.ExportCorrections.class})
final class CorrectionsCommand {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  /** How long reading a topic may take. */
  private static final Duration READ_DEADLINE = Duration.ofMinutes(2);
  /** An article is on the topic before its development: read that far back before the first one judged. */
  private static final Duration ARTICLES_BEFORE = Duration.ofDays(7);

  /** The options both subcommands take. */
  static final class Selection {

    @Mixin
    ServiceTopics topics;

    /** Each development's latest judgement, made since {@code --since}, oldest first. */
    List<Correction> read(KafkaClients clients) {
      Instant from = topics.from(Clock.systemUTC());
      Map<String, Correction> latest = new HashMap<>();
      new TopicReplay(clients, READ_DEADLINE).read(Topics.CORRECTIONS, Correction.class, Instant.EPOCH,
          Long.MAX_VALUE, c -> latest.merge(c.developmentId(), c,
              (a, b) -> b.correctedAt().isBefore(a.correctedAt()) ? a : b));
      return latest.values().stream().filter(c -> !c.correctedAt().isBefore(from))
          .sorted(Comparator.comparing(Correction::correctedAt)).toList();
    }
  }

  @Command(name = "list", description = "Show each development's latest judgement: when, by whom, right or wrong"
      + " and why, and the development.")
  static final class ListCorrections implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Selection selection;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<KafkaClients> clients = selection.topics.connect(spec.commandLine().getErr());
      if (clients.isEmpty()) {
        return 2;
      }
      List<Correction> corrections = selection.read(clients.get());
      String format = "%-20s %-16s %-6s %-14s %-16s %s%n";
      out.printf(format, "JUDGED AT", "BY", "", "REASON", "DEVELOPMENT", "HEADLINE");
      for (Correction c : corrections) {
        out.printf(format, TIME.format(c.correctedAt()), c.analyst(), c.decision().label(),
            c.reason() == null ? "" : c.reason().code(), c.developmentId(), c.development().headline());
      }
      long wrong = corrections.stream().filter(c -> c.decision() == Correction.Decision.WRONG).count();
      out.println(corrections.size() + " development(s) judged, " + wrong + " wrong");
      out.flush();
      return 0;
    }
  }

  @Command(name = "export", description = "Write each development's latest judgement as a labelled case"
      + " (articles/<lang>.yml, labels/<lang>.yml, as in config/knowledge/eval/real) into a folder, keeping the"
      + " cases already there.")
  static final class ExportCorrections implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Selection selection;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the cases.")
    Path out;

    @Override
    public Integer call() throws IOException {
      PrintWriter print = spec.commandLine().getOut();
      Optional<KafkaClients> clients = selection.topics.connect(spec.commandLine().getErr());
      if (clients.isEmpty()) {
        return 2;
      }
      List<Correction> corrections = selection.read(clients.get());
      Map<String, Article> articles = articles(clients.get(), corrections);
      List<CorrectionCases.Cases> cases = CorrectionCases.of(corrections,
          id -> Optional.ofNullable(articles.get(id)));
      int total = CorrectionCases.write(cases, out);
      long bare = corrections.size() - corrections.stream()
          .filter(c -> articles.containsKey(c.development().evidence().articleId())).count();
      print.println(corrections.size() + " case(s) exported to " + out + " (" + bare
          + " with the evidence sentence only: their article was no longer on " + Topics.ARTICLES + "); "
          + total + " case(s) there in all; label each one's mentions and other claims before it joins the"
          + " corpus");
      print.flush();
      return 0;
    }

    /** The articles of the judged developments that are still on the articles' topic. */
    private static Map<String, Article> articles(KafkaClients clients, List<Correction> corrections) {
      if (corrections.isEmpty()) {
        return Map.of();
      }
      Set<String> wanted = corrections.stream().map(c -> c.development().evidence().articleId())
          .collect(Collectors.toSet());
      Instant from = corrections.stream().map(c -> c.development().detectedAt()).min(Comparator.naturalOrder())
          .orElseThrow().minus(ARTICLES_BEFORE);
      Map<String, Article> found = new HashMap<>();
      new TopicReplay(clients, READ_DEADLINE).read(Topics.ARTICLES, Article.class, from, Long.MAX_VALUE, a -> {
        if (wanted.contains(a.id())) {
          found.put(a.id(), a);
        }
      });
      return found;
    }
  }
}
