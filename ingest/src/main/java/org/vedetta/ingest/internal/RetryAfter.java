package org.vedetta.ingest.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. A wait longer than
 * {@link #MAX} is cut to it, so a server cannot silence a source for weeks by mistake.
 */
final class RetryAfter {

  /** Longest wait a {@code Retry-After} can impose. */
  static final Duration MAX = Duration.ofHours(24);

  private RetryAfter() {}

  /**
   * The instant {@code header} names, seen at {@code now}; {@code null} when the header is absent, unreadable or
   * already past.
   */
  static Instant parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    Instant until;
    if (value.chars().allMatch(Character::isDigit)) {
      if (value.length() > 9) {
        until = now.plus(MAX);
      } else {
        until = now.plusSeconds(Long.parseLong(value));
      }
    } else {
      try {
        until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (!until.isAfter(now)) {
      return null;
    }
    Instant latest = now.plus(MAX);
    return until.isAfter(latest) ? latest : until;
  }
}
