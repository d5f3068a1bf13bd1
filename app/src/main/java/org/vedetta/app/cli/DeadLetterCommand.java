package org.vedetta.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.vedetta.app.kafka.DeadLetters;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.model.DeadLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vedetta deadletter list|replay}: the records stages could not process, and their replay to the topic they
 * came from (each once).
 */
@Command(name = "deadletter", description = "List dead letters, or publish them again to their topic.",
    subcommands = {DeadLetterCommand.ListLetters.class, DeadLetterCommand.ReplayLetters.class})
final class DeadLetterCommand {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** The options both subcommands take. */
  static final class Selection {

    @Mixin
    ServiceTopics topics;

    @Option(names = "--stage", paramLabel = "STAGE",
        description = "Only letters of this stage (matcher, notifier, notifier-outlets).")
    String stage;

    Predicate<DeadLetter> filter(Clock clock) {
      Instant from = topics.from(clock);
      return d -> (stage == null || stage.equals(d.stage())) && !d.failedAt().isBefore(from);
    }
  }

  @Command(name = "list", description = "Show each dead letter: when, which stage, the original record, the error,"
      + " and whether it was replayed.")
  static final class ListLetters implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Selection selection;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Predicate<DeadLetter> filter = selection.filter(Clock.systemUTC());
      Optional<KafkaClients> clients = selection.topics.connect(spec.commandLine().getErr());
      if (clients.isEmpty()) {
        return 2;
      }
      List<DeadLetters.Letter> letters = new DeadLetters(clients.get(), Clock.systemUTC()).list(filter);
      String format = "%-23s %-16s %-32s %-30s %s%n";
      out.printf(format, "FAILED AT", "STAGE", "ORIGINAL", "REPLAYED", "ERROR");
      for (DeadLetters.Letter l : letters) {
        out.printf(format, TIME.format(l.letter().failedAt()), l.letter().stage(), l.original(),
            l.replay() == null ? "no" : TIME.format(l.replay().replayedAt()), l.letter().error());
      }
      long waiting = letters.stream().filter(l -> l.replay() == null).count();
      out.println(letters.size() + " dead letter(s), " + waiting + " not replayed");
      out.flush();
      return 0;
    }
  }

  @Command(name = "replay", description = "Publish each selected dead letter not yet replayed to its original"
      + " topic, with its key, once.")
  static final class ReplayLetters implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Selection selection;

    @Override
    public Integer call() throws InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      Predicate<DeadLetter> filter = selection.filter(Clock.systemUTC());
      Optional<KafkaClients> clients = selection.topics.connect(spec.commandLine().getErr());
      if (clients.isEmpty()) {
        return 2;
      }
      DeadLetters letters = new DeadLetters(clients.get(), Clock.systemUTC());
      try (KafkaProducer<String, byte[]> producer = clients.get().producer("vedetta-deadletter-replay")) {
        List<DeadLetters.Letter> replayed = letters.replay(filter, producer);
        for (DeadLetters.Letter l : replayed) {
          out.println("replayed " + l.original() + " (" + l.letter().stage() + ") as " + l.letter().topic() + "-"
              + l.replay().replayPartition() + "@" + l.replay().replayOffset());
        }
        out.println(replayed.size() + " dead letter(s) replayed");
      }
      out.flush();
      return 0;
    }
  }
}
