package org.vedetta.ingest.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identify stage: the one URL that names an article whatever link led to it. Lower-case scheme and
 * host, no default port, {@code /} for an empty path, no fragment, no tracking parameters; the other query
 * parameters keep their order. Tracking parameters are those that say how a reader arrived, never which
 * article: {@code utm_*} (Google Analytics), {@code fbclid} (Facebook), {@code gclid}, {@code gclsrc},
 * {@code dclid}, {@code gbraid}, {@code wbraid} (Google Ads), {@code msclkid} (Bing), {@code yclid}
 * (Yandex), {@code mc_cid}, {@code mc_eid} (Mailchimp), {@code _hsenc}, {@code _hsmi} (HubSpot),
 * {@code mkt_tok} (Marketo), {@code igshid} (Instagram), {@code twclid} (X), {@code _ga}, {@code _gl},
 * {@code ref}, {@code ref_src}, {@code ref_url}, {@code referrer}, {@code ito}, {@code cmpid},
 * {@code at_medium}, {@code at_campaign} and the other {@code at_*} (AT Internet), {@code ns_*}
 * (comScore), {@code sr_share}, {@code smid} (New York Times).
 */
public final class CanonicalUrl {

  /** Names of tracking parameters, matched without regard to case. */
  static final Pattern TRACKING = Pattern.compile("(?i)utm_.*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid"
      + "|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|igshid|twclid|_ga|_gl|ref|ref_src|ref_url|referrer|ito|cmpid|at_.*"
      + "|ns_.*|sr_share|smid");
  private static final String UNSAFE = " \"<>\\^`{|}";

  private CanonicalUrl() {}

  /** The canonical form of an absolute http(s) URL; throws {@link IllegalArgumentException} for anything else. */
  public static String of(String url) {
    URI uri = parse(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
    }
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    if (port >= 0 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
      out.append(':').append(port);
    }
    String path = uri.getRawPath();
    out.append(path == null || path.isEmpty() ? "/" : path);
    String query = withoutTracking(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  /**
   * Parses a URL as found in the wild: spaces, non-ASCII characters and other characters a {@link URI}
   * refuses are percent-encoded (UTF-8) first. Throws {@link IllegalArgumentException} when still invalid.
   */
  public static URI parse(String url) {
    String text = url.trim();
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      try {
        return new URI(encodeUnsafe(text));
      } catch (URISyntaxException again) {
        throw new IllegalArgumentException("invalid URL '" + url + "': " + again.getMessage(), again);
      }
    }
  }

  /** {@code uri} without its fragment. */
  public static URI withoutFragment(URI uri) {
    if (uri.getRawFragment() == null) {
      return uri;
    }
    String text = uri.toString();
    return URI.create(text.substring(0, text.indexOf('#')));
  }

  private static String withoutTracking(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : query.split("&")) {
      int eq = parameter.indexOf('=');
      String name = eq < 0 ? parameter : parameter.substring(0, eq);
      if (!parameter.isEmpty() && !TRACKING.matcher(name).matches()) {
        kept.add(parameter);
      }
    }
    return String.join("&", kept);
  }

  private static String encodeUnsafe(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp > 0x7e || cp < 0x21 || UNSAFE.indexOf(cp) >= 0) {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      } else {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
