package org.vedetta.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * The service's HTTP surface ({@code http:} in {@code application.yml}): the unsubscribe pages mails link to.
 *
 * @param bind      address to listen on; default {@value #DEFAULT_BIND}, loopback only. Put a TLS-terminating
 *                  proxy in front to reach it from outside.
 * @param port      TCP port; default {@value #DEFAULT_PORT}; 0 picks a free one
 * @param publicUrl how people reach it, the base of every link in mails, e.g.
 *                  {@code https://vedetta.example.org}; default {@code http://localhost:<port>}
 * @param token     the secret the console asks for before it changes anything (e.g. "poll now"); at least 16
 *                  characters; default none: the console only reads
 */
public record HttpSettings(String bind, Integer port, String publicUrl, String token) implements Validated {

  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8730;

  public HttpSettings {
    bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind.strip();
    port = port == null ? DEFAULT_PORT : port;
  }

  public static final int MIN_TOKEN_LENGTH = 16;

  public static HttpSettings defaults() {
    return new HttpSettings(null, null, null, null);
  }

  /** The same settings on another port (0 for any free one). */
  public HttpSettings withPort(int newPort) {
    return new HttpSettings(bind, newPort, publicUrl, token);
  }

  /** The same settings with a console token. */
  public HttpSettings withToken(String newToken) {
    return new HttpSettings(bind, port, publicUrl, newToken);
  }

  /** {@link #publicUrl}, or {@code http://localhost:<actualPort>} when it is not set; without a trailing slash. */
  public URI publicUri(int actualPort) {
    String base = publicUrl == null ? "http://localhost:" + actualPort : publicUrl.strip();
    return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  @Override
  public void validate(Problems problems) {
    problems.check(port >= 0 && port <= 65535, "port", "must be between 0 and 65535");
    problems.check(token == null || token.length() >= MIN_TOKEN_LENGTH, "token",
        "must be at least " + MIN_TOKEN_LENGTH + " characters (or absent: the console then only reads)");
    if (publicUrl != null) {
      try {
        URI uri = new URI(publicUrl.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        problems.check((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
            && uri.getQuery() == null && uri.getFragment() == null, "public_url",
            "'" + publicUrl + "' is not a base URL such as https://vedetta.example.org");
      } catch (URISyntaxException e) {
        problems.add("public_url", "'" + publicUrl + "' is not a URL: " + e.getMessage());
      }
    }
  }
}
