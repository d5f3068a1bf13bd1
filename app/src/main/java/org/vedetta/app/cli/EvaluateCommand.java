package org.vedetta.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vedetta.app.analyze.Baseline;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.eval.Agreement;
import org.vedetta.matcher.eval.Evaluation;
import org.vedetta.matcher.eval.LabelledCase;
import org.vedetta.matcher.eval.LabelledIds;
import org.vedetta.matcher.eval.RealCorpus;
import org.vedetta.matcher.eval.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vedetta evaluate}: the matcher scored on the real-news corpus (its frozen test part first, then its
 * development part) and on the invented set, per language and per event type.
 */
@Command(name = "evaluate", description = "Score the matcher on the labelled evaluation corpora.")
final class EvaluateCommand implements Callable<Integer> {

  /** Which corpora to score. */
  enum Corpus { REAL, INVENTED, ALL }

  @Spec
  CommandSpec spec;

  @Option(names = {"-k", "--knowledge"}, defaultValue = "config/knowledge",
      description = "Knowledge set directory (default: ${DEFAULT-VALUE}).")
  Path knowledge;

  @Option(names = "--corpus", defaultValue = "all",
      description = "real, invented or all (default: ${DEFAULT-VALUE}).")
  Corpus corpus;

  @Option(names = "--part", defaultValue = "all",
      description = "Part of the real corpus: test, dev or all (both, scored apart; default: ${DEFAULT-VALUE}).")
  RealCorpus.Part part;

  @Option(names = "--misses", description = "List every missed or unexpected item.")
  boolean misses;

  @Option(names = "--agreement",
      description = "Instead of scoring the matcher, show how far the real corpus's two labellings agree.")
  boolean agreement;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (agreement) {
      printAgreement(out, RealCorpus.load(knowledge.resolve("eval").resolve("real")));
      out.flush();
      return 0;
    }
    Matcher matcher = Baseline.matcher(knowledge);
    Evaluation evaluation = new Evaluation(matcher, LabelledIds.read(knowledge.resolve("eval").resolve("real")));
    Path real = knowledge.resolve("eval").resolve("real");
    if (corpus != Corpus.INVENTED && Files.isDirectory(real)) {
      RealCorpus set = RealCorpus.load(real);
      if (part != RealCorpus.Part.DEV) {
        print(out, "Real news, frozen test part", evaluation.run(set.labelled(RealCorpus.Part.TEST)), true);
      }
      if (part != RealCorpus.Part.TEST) {
        print(out, "Real news, development part", evaluation.run(set.labelled(RealCorpus.Part.DEV)), true);
      }
    }
    if (corpus != Corpus.REAL) {
      print(out, "Invented passages (written for the project)",
          evaluation.run(LabelledCase.readSet(knowledge.resolve("eval"))), false);
    }
    out.flush();
    return 0;
  }

  private static void printAgreement(PrintWriter out, RealCorpus set) {
    Agreement.Report r = Agreement.compare(set.labelled(RealCorpus.Part.ALL, "annotations/a"),
        set.labelled(RealCorpus.Part.ALL, "annotations/b"));
    out.printf("Two independent labellings of %d articles%n%n", r.articles());
    out.printf("%-40s %.3f%n", "mentions (F1 of one against the other)", r.mentionsF1());
    out.printf("%-40s %.3f   (%d claims read by both)%n", "claims (F1 of one against the other)", r.claimsF1(),
        r.pairedClaims());
    out.printf("%n%-40s %9s %9s %7s%n", "label", "compared", "agreement", "kappa");
    for (Agreement.Measure m : r.measures()) {
      out.printf("%-40s %9d %9.3f %7.3f%n", m.label(), m.compared(), m.observed(), m.kappa());
    }
  }

  private void print(PrintWriter out, String title, Evaluation.Report report, boolean real) {
    out.printf("%s: %d articles%n%n%-14s %9s %9s %9s   %s%n", title, report.articles(), "", "precision",
        "recall", "F1", "tp/fp/fn");
    Evaluation.Breakdown t = report.total();
    line(out, "mentions", t.mentions());
    line(out, "claims", t.claims());
    out.printf("%-14s %9s %9.3f %9s   %d of %d%n", "own news", "", t.ownNews().recall(), "",
        t.ownNews().truePositives(), t.ownNews().truePositives() + t.ownNews().falseNegatives());
    line(out, "developments", t.developments());
    out.printf("%-14s %9.3f   (share of right developments with the labelled verdict)%n", "verdicts",
        report.verdicts());
    if (real) {
      out.printf("%-14s %9d   (on %d off-topic articles)%n", "off-topic devs", report.offTopicDevelopments(),
          report.offTopicArticles());
    }
    table(out, "language", report.byLanguage(), true);
    table(out, "event", report.byEvent(), false);
    if (misses) {
      out.println();
      report.misses().forEach(m -> out.println("  " + m));
    }
    out.println();
  }

  private static void table(PrintWriter out, String what, Map<String, Evaluation.Breakdown> rows,
      boolean withMentions) {
    out.printf("%n%-22s %5s %13s %13s %9s %13s%n", "per " + what, withMentions ? "n" : "",
        withMentions ? "mentions P/R" : "", "claims P/R", "own news", "devs P/R");
    for (Map.Entry<String, Evaluation.Breakdown> e : rows.entrySet()) {
      Evaluation.Breakdown b = e.getValue();
      out.printf("%-22s %5s %13s %13s %9s %13s%n", e.getKey(), withMentions ? String.valueOf(b.articles()) : "",
          withMentions ? pr(b.mentions()) : "", pr(b.claims()), recall(b.ownNews()), pr(b.developments()));
    }
  }

  private static String pr(Score s) {
    return String.format("%.2f/%.2f", s.precision(), s.recall());
  }

  private static String recall(Score s) {
    int expected = s.truePositives() + s.falseNegatives();
    return expected == 0 ? "-" : String.format("%d/%d", s.truePositives(), expected);
  }

  private static void line(PrintWriter out, String name, Score s) {
    out.printf("%-14s %9s %9.3f %9.3f %9.3f   %d/%d/%d%n", name, "", s.precision(), s.recall(), s.f1(),
        s.truePositives(), s.falsePositives(), s.falseNegatives());
  }
}
