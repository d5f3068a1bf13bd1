package org.vedetta.model;

/**
 * A fact a development was compared with, as data, so a reader can say what changed in its own language.
 *
 * @param subject  entity id the fact is about
 * @param event    event type id
 * @param treaty   treaty id for treaty steps, else {@code null}
 * @param quantity the known figure, or {@code null}
 * @param asOf     {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or {@code null}
 */
public record KnownFact(String subject, String event, String treaty, Quantity quantity, String asOf) {}
