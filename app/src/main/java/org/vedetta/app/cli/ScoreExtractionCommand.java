package org.vedetta.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vedetta.ingest.ExtractionScore;
import org.vedetta.ingest.MetadataScore;
import org.vedetta.ingest.SnippetScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vedetta score-extraction DIR}: how well main-text extraction reads a folder of pages with reference texts
 * ({@code NAME.html} and {@code NAME.expected.txt}): token precision, recall and F1 per page and macro-averaged; or
 * with {@code --snippets}, passages each page must and must not hold, as trafilatura's benchmark counts them.
 */
@Command(name = "score-extraction", description = "Score main-text extraction on a folder of pages with reference"
    + " texts (NAME.html and NAME.expected.txt): token precision, recall and F1 per page, and their macro average.")
final class ScoreExtractionCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A folder of NAME.html pages, each with NAME.expected.txt.")
  Path dir;

  @Option(names = "--snippets", paramLabel = "FILE", description = "Instead, score passages as trafilatura's"
      + " benchmark does: a JSON list of {\"file\", \"url\", \"with\": [...], \"without\": [...]} for pages of DIR.")
  Path snippets;

  @Option(names = "--metadata", description = "Instead, score title, author, language and date against each page's"
      + " NAME.metadata.json (readability's expected-metadata.json).")
  boolean metadata;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no such folder: " + dir);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (snippets != null) {
      SnippetScore.print(SnippetScore.score(snippets, dir), out);
    } else if (metadata) {
      MetadataScore.print(MetadataScore.score(dir), out);
    } else {
      ExtractionScore.print(ExtractionScore.score(dir), out);
    }
    out.flush();
    return 0;
  }
}
