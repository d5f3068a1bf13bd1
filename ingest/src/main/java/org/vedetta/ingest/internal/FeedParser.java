package org.vedetta.ingest.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Reads RSS (0.9x, 1.0/RDF, 2.0) and Atom with ROME and maps each mutable {@link SyndEntry} to a
 * {@link FeedItem} at once.
 *
 * <p>Feeds as served, not as specified: the encoding is chosen by {@link Charsets} from the bytes, the
 * {@code Content-Type} and the XML prolog (so a UTF-8 feed declaring ISO-8859-1, or the reverse, still reads
 * right); leading junk before the first tag, control characters that XML forbids, a stray {@code &} and HTML
 * entities XML does not define ({@code &nbsp;}, {@code &rsquo;}) are repaired before parsing. A DOCTYPE with
 * an internal subset is refused (ROME's default, kept explicitly), so no entity is ever declared or resolved;
 * a bare DOCTYPE naming an external DTD (RSS 0.91) is dropped unread. Anything else malformed is a
 * {@link DocumentException} for that source only.
 */
public final class FeedParser implements ItemReader {

  /** The first start tag that is not a prolog, comment, DOCTYPE or processing instruction. */
  private static final Pattern ROOT_START_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]*)[^>]*>");
  private static final Pattern XML_LANG = Pattern.compile("\\sxml:lang\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern PROLOG_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
  private static final Pattern EXTERNAL_DOCTYPE = Pattern.compile("<!DOCTYPE[^\\[>]*>");
  private static final Pattern ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");
  private static final Pattern STRAY_AMPERSAND =
      Pattern.compile("&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)");
  private static final Pattern FORBIDDEN_CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
  private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
  private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "rdf");

  /**
   * A parsed feed.
   *
   * @param title the channel's or feed's title, plain text; may be empty
   * @param items its entries in document order
   */
  public record Parsed(String title, List<FeedItem> items) {
    public Parsed {
      title = title == null ? "" : title;
      items = List.copyOf(items);
    }
  }

  @Override
  public List<Candidate> read(Fetched document) throws DocumentException {
    return parse(document.body(), document.contentType(), document.url()).stream().map(Candidate::of).toList();
  }

  /** The items of a feed; relative links are resolved against {@code base}. */
  public List<FeedItem> parse(byte[] body, String contentType, URI base) throws DocumentException {
    return parseFeed(body, contentType, base).items();
  }

  /** The title and items of a feed; relative links are resolved against {@code base}. */
  public Parsed parseFeed(byte[] body, String contentType, URI base) throws DocumentException {
    String xml = repair(decode(body, contentType));
    String root = rootName(xml);
    if (root == null) {
      throw new DocumentException("not a valid RSS or Atom feed: the document has no XML element");
    }
    if (!FEED_ROOTS.contains(localName(root))) {
      throw new DocumentException("not a valid RSS or Atom feed: the root element is <" + root
          + ">, not <rss>, <rdf:RDF> or <feed>");
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
    // Relative links resolve against the feed's URL; for a feed read from a file, against its channel link.
    URI linkBase = isHttp(base) ? base : channelLink(feed);
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      items.add(item(entry, linkBase, language));
    }
    return new Parsed(feed.getTitle() == null ? "" : Jsoup.parse(feed.getTitle()).text(), items);
  }

  /**
   * Whether {@code body} is an RSS, RDF or Atom document by its root element, whatever the
   * {@code Content-Type} says (servers send feeds as {@code text/html} and pages as {@code text/xml}).
   */
  public static boolean isFeed(byte[] body, String contentType) {
    int n = Math.min(body.length, 8192);
    byte[] head = Arrays.copyOf(body, n);
    String root = rootName(Charsets.decode(head, Charsets.ofContentType(contentType)));
    return root != null && FEED_ROOTS.contains(localName(root));
  }

  private static String rootName(String xml) {
    Matcher root = ROOT_START_TAG.matcher(COMMENT.matcher(xml).replaceAll(""));
    return root.find() ? root.group(1) : null;
  }

  private static String localName(String name) {
    return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
  }

  private static String decode(byte[] body, String contentType) {
    String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
        .replace("\u0000", "").replaceFirst("^\u00ef\u00bb\u00bf", "");
    Matcher prolog = PROLOG_ENCODING.matcher(head);
    return Charsets.decode(body, Charsets.ofContentType(contentType), prolog.find() ? prolog.group(1) : null);
  }

  /** What a browser would forgive and an XML parser does not. */
  static String repair(String xml) {
    int first = xml.indexOf('<');
    String text = first > 0 ? xml.substring(first) : xml;
    text = FORBIDDEN_CONTROLS.matcher(text).replaceAll("");
    text = EXTERNAL_DOCTYPE.matcher(text).replaceFirst("");
    text = STRAY_AMPERSAND.matcher(text).replaceAll("&amp;");
    return ENTITY.matcher(text).replaceAll(m -> {
      String name = m.group(1);
      if (XML_ENTITIES.contains(name) || !Entities.isNamedEntity(name)) {
        return Matcher.quoteReplacement(m.group());
      }
      return Entities.getByName(name).codePoints()
          .mapToObj(cp -> "&#" + cp + ";")
          .collect(Collectors.joining());
    });
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

  /** {@code link} made absolute against {@code base}; {@code null} unless that gives an http(s) URL. */
  private static String resolve(URI base, String link) {
    if (link == null) {
      return null;
    }
    try {
      URI resolved = base == null ? CanonicalUrl.parse(link) : base.resolve(CanonicalUrl.parse(link));
      return isHttp(resolved) ? resolved.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static URI channelLink(SyndFeed feed) {
    try {
      URI link = feed.getLink() == null ? null : CanonicalUrl.parse(feed.getLink());
      return isHttp(link) ? link : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
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
