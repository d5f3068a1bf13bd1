package org.vedetta.notifier;

import com.icegreen.greenmail.base.GreenMailOperations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Notifiers for a test, closed after it. Register one per test class with
 * {@code @RegisterExtension final TestNotifiers notifiers = new TestNotifiers();}, preset a builder with
 * {@link #builder}, override what the test needs by calling the builder's setters again, and {@link #open} it.
 */
public final class TestNotifiers implements AfterEachCallback {

  private final List<Notifier> opened = new ArrayList<>();

  /**
   * A builder for the {@link Fixtures#NORTH_KOREA} watchlist, the subscribers, {@code mail}, a fresh
   * {@link Fixtures#memoryDatabase()}, {@code clock} and the {@link Fixtures#NAMES}.
   */
  public static Notifier.Builder builder(MailSettings mail, Clock clock, Subscriber... subscribers) {
    return builder(Fixtures.memoryDatabase(), mail, clock, subscribers);
  }

  /** As {@link #builder(MailSettings, Clock, Subscriber...)}, on {@code db} instead of a fresh database. */
  public static Notifier.Builder builder(DataSource db, MailSettings mail, Clock clock, Subscriber... subscribers) {
    return Notifier.builder()
        .watchlists(List.of(Fixtures.NORTH_KOREA))
        .subscribers(List.of(subscribers))
        .mail(mail)
        .dataSource(db)
        .clock(clock)
        .names(Fixtures.NAMES)
        .focus("russia");
  }

  /** Mail through the server's plain SMTP port on 127.0.0.1. */
  public static MailSettings smtp(GreenMailOperations server) {
    return MailSettings.smtp("127.0.0.1", server.getSmtp().getPort());
  }

  /** Builds the notifier; it is closed after the test. */
  public Notifier open(Notifier.Builder builder) {
    Notifier notifier = builder.build();
    opened.add(notifier);
    return notifier;
  }

  /** Closes every notifier opened, also when closing one of them fails. */
  @Override
  public void afterEach(ExtensionContext context) {
    RuntimeException failure = null;
    for (Notifier notifier : opened) {
      try {
        notifier.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
