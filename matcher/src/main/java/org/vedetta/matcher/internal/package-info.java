/**
 * The matcher's machinery: text folding, the alias automaton, sentence, number and date reading, claims,
 * novelty, learned facts and article fingerprints. Not for use outside the matcher: its entry points are
 * {@link org.vedetta.matcher.Matcher} and {@link org.vedetta.matcher.Mentions}.
 */
package org.vedetta.matcher.internal;
