package org.vedetta.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Parses fetched HTML with jsoup: charset from {@code Content-Type}, else the page's BOM or meta tag. */
final class Html {

  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

  private Html() {}

  static Document parse(Fetched page) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(page.body()), charsetOf(page.contentType()), page.url().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("reading bytes in memory cannot fail", e);
    }
  }

  /** The supported charset a {@code Content-Type} names, or {@code null} to let jsoup detect it. */
  static String charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    try {
      return Charset.isSupported(name) ? name : null;
    } catch (IllegalCharsetNameException e) {
      return null;
    }
  }
}
