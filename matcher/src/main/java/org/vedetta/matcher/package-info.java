/**
 * The matcher stage: {@link org.vedetta.matcher.Matcher} reads an article's mentions and claims and tells new
 * developments from known facts; {@link org.vedetta.matcher.Mentions} finds mentions alone. The knowledge set
 * is in {@link org.vedetta.matcher.knowledge}, the evaluation on a labelled set in {@link org.vedetta.matcher.eval}.
 */
package org.vedetta.matcher;
