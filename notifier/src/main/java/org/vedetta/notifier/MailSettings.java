package org.vedetta.notifier;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * How mail leaves: exactly one of {@code outbox} (write each mail as an {@code .eml} file, the demo default) or
 * {@code smtp}.
 *
 * @param outbox directory the {@code .eml} files are written to; created when missing
 * @param smtp   the SMTP server to send through
 * @param from   the From address, optionally with a name ({@code "Vedetta <alerts@example.org>"}); default
 *               {@value #DEFAULT_FROM}. Its bare address also receives the unsubscribe requests.
 */
public record MailSettings(Path outbox, Smtp smtp, String from) implements Validated {

  public static final String DEFAULT_FROM = "vedetta@localhost";

  public MailSettings {
    from = from == null || from.isBlank() ? DEFAULT_FROM : from;
  }

  /** Mail written to {@code directory} instead of being sent. */
  public static MailSettings outbox(Path directory) {
    return new MailSettings(directory, null, null);
  }

  /** Mail sent through an SMTP server without authentication or TLS, e.g. a local relay or a test server. */
  public static MailSettings smtp(String host, int port) {
    return new MailSettings(null, new Smtp(host, port, null, null, false, false, null), null);
  }

  /**
   * An SMTP server. Absent values take their defaults, so no component is {@code null} but the login.
   *
   * @param host     host name or address
   * @param port     TCP port, 1–65535; default 25
   * @param username user to authenticate as, or {@code null} for no authentication
   * @param password its password; required with {@code username}
   * @param starttls upgrade the connection with STARTTLS and refuse to send without it (usually port 587);
   *                 default false
   * @param ssl      connect over TLS from the start (usually port 465); not together with {@code starttls};
   *                 default false
   * @param timeout  limit for connecting, reading and writing; default 30s
   */
  public record Smtp(
      String host, Integer port, String username, String password, Boolean starttls, Boolean ssl, Duration timeout)
      implements Validated {

    public static final int DEFAULT_PORT = 25;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Smtp {
      port = port == null ? DEFAULT_PORT : port;
      starttls = starttls != null && starttls;
      ssl = ssl != null && ssl;
      timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    @Override
    public void validate(Problems problems) {
      problems.require(host, "host");
      problems.check(port >= 1 && port <= 65535, "port", "must be between 1 and 65535");
      problems.check(username == null || password != null, "password", "is required with a username");
      problems.check(!(starttls && ssl), "ssl",
          "set either starttls (usually port 587) or ssl (usually port 465), not both");
      problems.check(!timeout.isNegative() && !timeout.isZero(), "timeout", "must be positive, e.g. 30s");
    }

    /** Where mail goes, for receipts and logs: {@code smtp://host:port}. */
    public String describe() {
      return (ssl ? "smtps://" : "smtp://") + host + ":" + port;
    }

    @Override
    public String toString() {
      return "Smtp[" + describe() + (username == null ? "" : ", username=" + username) + "]";
    }
  }

  @Override
  public void validate(Problems problems) {
    problems.check(outbox != null ^ smtp != null, "",
        outbox == null ? "set either 'outbox' (a directory) or 'smtp' (a server)"
            : "set either 'outbox' or 'smtp', not both");
    if (smtp != null) {
      smtp.validate(problems.at("smtp"));
    }
    try {
      new InternetAddress(from, true);
    } catch (AddressException e) {
      problems.add("from", "'" + from + "' is not an email address: " + e.getMessage());
    }
  }
}
