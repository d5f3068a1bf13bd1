package org.vedetta.matcher;

import java.util.List;
import java.util.Optional;
import org.vedetta.model.Development;
import org.vedetta.model.TaggedArticle;

/**
 * What the matcher made of one article.
 *
 * @param tagged       the tagged article, or empty when it mentions nothing tracked
 * @param assessments  every claim with its verdict, known ones included
 * @param developments the claims that are news, as developments to publish
 */
public record MatchResult(Optional<TaggedArticle> tagged, List<Assessment> assessments, List<Development> developments) {

  public MatchResult {
    assessments = List.copyOf(assessments);
    developments = List.copyOf(developments);
  }
}
