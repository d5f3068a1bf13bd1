package org.vedetta.ingest;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.vedetta.model.Article;

/** A sink that keeps what it accepts, and can refuse articles while a condition holds. */
final class RecordingSink implements ArticleSink {

  private final List<Article> accepted = new CopyOnWriteArrayList<>();
  private volatile Predicate<Article> refuse = article -> false;

  @Override
  public void publish(Article article) throws Exception {
    if (refuse.test(article)) {
      throw new IOException("broker unavailable");
    }
    accepted.add(article);
  }

  void refuseWhile(Predicate<Article> condition) {
    refuse = condition;
  }

  List<Article> articles() {
    return List.copyOf(accepted);
  }

  List<String> ids() {
    return accepted.stream().map(Article::id).toList();
  }

  List<String> titles() {
    return accepted.stream().map(Article::title).toList();
  }
}
