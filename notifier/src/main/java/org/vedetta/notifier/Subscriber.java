package org.vedetta.notifier;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.text.ParseException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * Someone who receives mail; one entry of {@code subscribers.yml}.
 *
 * @param email             the bare address mail goes to, e.g. {@code ana@example.org}; unique
 * @param name              the name shown in the To header, or {@code null}
 * @param watchlists        ids of the {@link Watchlist}s followed; at least one
 * @param digestCron        when digests go out, as a Quartz cron expression (seconds first), read in
 *                          {@code timeZone}: {@code "0 0 7 * * ?"} is 07:00 every day
 * @param timeZone          the zone of {@code digestCron} and of the dates in mails; default UTC
 * @param immediateSeverity developments of at least this severity (1–5) are also mailed at once, and are then
 *                          not repeated in the digest; {@code null} (the default) means digests only
 * @param language          language of the mails, one of {@link #LANGUAGES}; default {@code en}
 * @param emptyDigest       also send the scheduled digest when nothing is new ("nothing new since ..."); default
 *                          false: an empty period sends nothing
 */
public record Subscriber(
    String email,
    String name,
    List<String> watchlists,
    String digestCron,
    ZoneId timeZone,
    Integer immediateSeverity,
    String language,
    boolean emptyDigest) implements Validated {

  /** The languages mails are written in (ISO 639-1). */
  public static final Set<String> LANGUAGES = Set.of("en", "it");

  static final String DEFAULT_LANGUAGE = "en";

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  public Subscriber {
    watchlists = Lists.copy(watchlists);
    timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
    language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
  }

  /** A subscriber who gets no mail when nothing is new. */
  public Subscriber(String email, String name, List<String> watchlists, String digestCron, ZoneId timeZone,
      Integer immediateSeverity, String language) {
    this(email, name, watchlists, digestCron, timeZone, immediateSeverity, language, false);
  }

  /** Whether a development of this severity is mailed at once. */
  public boolean wantsImmediately(int severity) {
    return immediateSeverity != null && severity >= immediateSeverity;
  }

  @Override
  public void validate(Problems problems) {
    if (problems.require(email, "email")) {
      checkAddress(email, problems);
    }
    problems.check(!watchlists.isEmpty(), "watchlists", "needs at least one watchlist id");
    problems.eachWith("watchlists", watchlists, (id, p) -> p.check(!id.isBlank(), "", "is empty"));
    if (problems.require(digestCron, "digest_cron")) {
      checkCron(digestCron, problems);
    }
    problems.check(immediateSeverity == null || immediateSeverity >= 1 && immediateSeverity <= 5,
        "immediate_severity", "must be between 1 and 5, or absent for digests only");
    if (!LANGUAGE.matcher(language).matches()) {
      problems.add("language", "'" + language + "' is not an ISO 639-1 language code, e.g. en");
    } else {
      problems.check(LANGUAGES.contains(language), "language", "mails are not written in '" + language
          + "' yet; choose one of " + String.join(", ", LANGUAGES.stream().sorted().toList()));
    }
  }

  private static void checkAddress(String email, Problems problems) {
    try {
      InternetAddress address = new InternetAddress(email, true);
      problems.check(address.getPersonal() == null && address.getAddress().equals(email.strip()), "email",
          "write the bare address, e.g. ana@example.org; the display name goes in 'name'");
    } catch (AddressException e) {
      problems.add("email", "'" + email + "' is not an email address: " + e.getMessage());
    }
  }

  private static void checkCron(String cron, Problems problems) {
    if (CronExpression.isValidExpression(cron)) {
      return;
    }
    String reason;
    try {
      CronExpression.validateExpression(cron);
      reason = "invalid";
    } catch (ParseException e) {
      reason = e.getMessage();
    }
    problems.add("digest_cron", "'" + cron + "' is not a Quartz cron expression (" + reason + "): write six or"
        + " seven fields, seconds first, e.g. \"0 0 7 * * ?\" for 07:00 every day or \"0 0 7 ? * MON-FRI\" for"
        + " weekdays");
  }
}
