package org.vedetta.ingest.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reads RSS and Atom with ROME and maps each mutable {@link SyndEntry} to a {@link FeedItem} at once.
 * DOCTYPEs are refused (ROME's default, kept explicitly), so no external entity is ever resolved; the
 * encoding is found by {@link XmlReader} from the {@code Content-Type}, the BOM and the XML prolog.
 */
public final class FeedParser implements ItemReader {

  /** The first start tag that is not a prolog, comment or processing instruction. */
  private static final Pattern ROOT_START_TAG = Pattern.compile("<[A-Za-z_][^>]*>");
  private static final Pattern XML_LANG = Pattern.compile("\\sxml:lang\\s*=\\s*[\"']([^\"']*)[\"']");

  @Override
  public List<Candidate> read(Fetched document) throws DocumentException {
    return parse(document.body(), document.contentType(), document.url()).stream().map(Candidate::of).toList();
  }

  /** The items of a feed; relative links are resolved against {@code base}. */
  public List<FeedItem> parse(byte[] body, String contentType, URI base) throws DocumentException {
    String xml;
    try (InputStream in = new ByteArrayInputStream(body);
        XmlReader reader = contentType == null ? new XmlReader(in, true) : new XmlReader(in, contentType, true)) {
      StringWriter text = new StringWriter();
      reader.transferTo(text);
      xml = text.toString();
    } catch (IOException e) {
      throw new DocumentException("not a valid RSS or Atom feed: " + firstLine(e.getMessage()), e);
    }
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    SyndFeed feed;
    try {
      feed = input.build(new StringReader(xml));
    } catch (FeedException | IllegalArgumentException e) {
      throw new DocumentException("not a valid RSS or Atom feed: " + firstLine(e.getMessage()), e);
    }
    String language = Languages.first(feed.getLanguage(), rootLanguage(xml));
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      items.add(item(entry, base, language));
    }
    return items;
  }

  /** The {@code xml:lang} of the root element (Atom's way to say it), which ROME does not map. */
  private static String rootLanguage(String xml) {
    Matcher root = ROOT_START_TAG.matcher(xml);
    if (!root.find()) {
      return null;
    }
    Matcher lang = XML_LANG.matcher(root.group());
    return lang.find() ? lang.group(1) : null;
  }

  private static FeedItem item(SyndEntry entry, URI base, String language) {
    String guid = blankToNull(entry.getUri());
    String link = resolve(base, blankToNull(entry.getLink()));
    if (link == null && guid != null && guid.matches("(?i)https?://.*")) {
      link = resolve(base, guid);
    }
    String title = entry.getTitle() == null ? "" : Jsoup.parse(entry.getTitle()).text();
    return new FeedItem(guid, link, title, text(entry), instant(entry.getPublishedDate(), entry.getUpdatedDate()),
        language);
  }

  /** The fullest text the entry carries: its content, else its description. */
  private static String text(SyndEntry entry) {
    StringBuilder html = new StringBuilder();
    for (SyndContent content : entry.getContents()) {
      String text = render(content);
      if (!text.isEmpty()) {
        html.append(html.length() == 0 ? "" : "\n\n").append(text);
      }
    }
    if (html.length() == 0 && entry.getDescription() != null) {
      html.append(render(entry.getDescription()));
    }
    return html.toString();
  }

  private static String render(SyndContent content) {
    String type = content.getType() == null ? "html" : content.getType().toLowerCase(Locale.ROOT);
    return type.equals("text") || type.equals("text/plain")
        ? TextBlocks.ofPlain(content.getValue())
        : TextBlocks.ofHtml(content.getValue());
  }

  private static String resolve(URI base, String link) {
    if (link == null) {
      return null;
    }
    try {
      URI resolved = base == null ? CanonicalUrl.parse(link) : base.resolve(CanonicalUrl.parse(link));
      return resolved.isAbsolute() ? resolved.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant instant(Date published, Date updated) {
    Date date = published != null ? published : updated;
    return date == null ? null : date.toInstant();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
