package org.vedetta.ingest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Publication dates as pages write them: ISO-8601 with or without offset or time (also with a space for the
 * {@code T} and an offset without a colon, {@code 2025-03-03 09:30:00+0100}), or RFC 1123.
 */
final class Dates {

  private Dates() {}

  /** The instant {@code text} names (times without an offset are taken as UTC), or {@code null}. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String raw = text.trim();
    String t = !raw.matches("\\d{4}-\\d{2}-\\d{2}.*") ? raw : raw
        .replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ ](\\d{2}:\\d{2})", "$1T$2")
        .replaceFirst("(T[\\d:.]+)([+-]\\d{2})(\\d{2})$", "$1$2:$3")
        .replaceFirst("(T[\\d:.]+)\\s*(UTC|GMT)$", "$1Z");
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(raw, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
