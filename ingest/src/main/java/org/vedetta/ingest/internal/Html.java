package org.vedetta.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Parses fetched HTML with jsoup. The text encoding is chosen by {@link Charsets} from the bytes, the
 * {@code Content-Type} charset and the page's {@code <meta charset>} (or {@code http-equiv} Content-Type), so a
 * UTF-8 page served as ISO-8859-1, or a Windows-1251 page served as UTF-8, still reads right.
 */
final class Html {

  private static final Pattern META_CHARSET = Pattern.compile(
      "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
  private static final int SNIFF_BYTES = 4096;

  private Html() {}

  static Document parse(Fetched page) {
    byte[] body = page.body();
    String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher meta = META_CHARSET.matcher(head);
    String html = Charsets.decode(body, Charsets.ofContentType(page.contentType()), meta.find() ? meta.group(1) : null);
    return Jsoup.parse(html, page.url().toString());
  }
}
