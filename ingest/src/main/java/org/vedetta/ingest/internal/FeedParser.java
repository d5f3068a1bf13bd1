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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /** A feed is read up to this many items: news feeds carry tens, and a feed of thousands costs seconds to read. */
  static final int MAX_ITEMS = 1_000;

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
  /** A prefixed element or attribute name: the prefix. */
  private static final Pattern PREFIXED_NAME = Pattern.compile("[<\\s/]([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*");
  private static final Pattern DECLARED_PREFIX = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
  private static final Pattern RSS_VERSION = Pattern.compile("\\sversion\\s*=\\s*[\"']([^\"']*)[\"']");
  /** The versions of an {@code <rss>} root that ROME reads as such. */
  private static final Set<String> READ_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
  /** The namespaces feeds most often use without declaring them. */
  private static final Map<String, String> KNOWN_NAMESPACES = Map.of(
      "dc", "http://purl.org/dc/elements/1.1/",
      "content", "http://purl.org/rss/1.0/modules/content/",
      "media", "http://search.yahoo.com/mrss/",
      "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "atom", "http://www.w3.org/2005/Atom",
      "slash", "http://purl.org/rss/1.0/modules/slash/",
      "wfw", "http://wellformedweb.org/CommentAPI/",
      "sy", "http://purl.org/rss/1.0/modules/syndication/",
      "georss", "http://www.georss.org/georss",
      "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

  /**
   * A parsed feed.
   *
   * @param title   the channel's or feed's title, plain text; may be empty
   * @param items   its entries in document order
   * @param repairs what had to be mended for it to read ("undeclared prefixes dc, media"), for the source's health
   */
  public record Parsed(String title, List<FeedItem> items, List<String> repairs) {
    public Parsed {
      title = title == null ? "" : title;
      items = List.copyOf(items);
      repairs = repairs == null ? List.of() : List.copyOf(repairs);
    }
  }

  @Override
  public List<Candidate> read(Fetched document) throws DocumentException {
    return readItems(document).candidates();
  }

  @Override
  public Items readItems(Fetched document) throws DocumentException {
    Parsed feed = parseFeed(document.body(), document.contentType(), document.url());
    return new Items(feed.items().stream().map(Candidate::of).toList(), feed.repairs());
  }

  /** The items of a feed; relative links are resolved against {@code base}. */
  public List<FeedItem> parse(byte[] body, String contentType, URI base) throws DocumentException {
    return parseFeed(body, contentType, base).items();
  }

  /** The title and items of a feed; relative links are resolved against {@code base}. */
  public Parsed parseFeed(byte[] body, String contentType, URI base) throws DocumentException {
    List<String> repairs = new ArrayList<>();
    String xml = mend(repair(decode(body, contentType)), repairs);
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
      if (items.size() == MAX_ITEMS) {
        repairs.add("only the first " + MAX_ITEMS + " of its " + feed.getEntries().size() + " items read");
        break;
      }
      items.add(item(entry, linkBase, language));
    }
    return new Parsed(feed.getTitle() == null ? "" : Jsoup.parse(feed.getTitle()).text(), items, repairs);
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

  /**
   * Feeds that readers such as feedparser read although they are not well formed or not to the letter of their
   * format: namespace prefixes used without a declaration ({@code dc:}, {@code media:}, {@code itunes:}) get one,
   * an {@code <rss>} of a version ROME does not know is read as 2.0, an {@code <rss>} without {@code <channel>} gets
   * one around its content. Each repair is named in {@code repairs}.
   */
  static String mend(String xml, List<String> repairs) {
    Matcher root = ROOT_START_TAG.matcher(xml);
    if (!root.find()) {
      return xml;
    }
    boolean rss = localName(root.group(1)).equals("rss");
    String tag = root.group();
    String content = xml.substring(root.end());
    Matcher version = RSS_VERSION.matcher(tag);
    if (rss && version.find() && !READ_RSS_VERSIONS.contains(version.group(1))) {
      // "0.90" on an <rss> root (0.90 proper is RDF) or a version nobody defined: read as 2.0, which holds them all.
      repairs.add("RSS version " + version.group(1) + " read as 2.0");
      tag = tag.substring(0, version.start(1)) + "2.0" + tag.substring(version.end(1));
    }
    Set<String> declared = new HashSet<>();
    DECLARED_PREFIX.matcher(xml).results().forEach(m -> declared.add(m.group(1)));
    Set<String> undeclared = new TreeSet<>();
    PREFIXED_NAME.matcher(xml).results().map(m -> m.group(1))
        .filter(p -> !declared.contains(p) && !p.equals("xml") && !p.equals("xmlns")).forEach(undeclared::add);
    if (!undeclared.isEmpty()) {
      StringBuilder declarations = new StringBuilder();
      for (String prefix : undeclared) {
        declarations.append(" xmlns:").append(prefix).append("=\"")
            .append(KNOWN_NAMESPACES.getOrDefault(prefix, "urn:vedetta:undeclared:" + prefix)).append('"');
      }
      int at = tag.length() - (tag.endsWith("/>") ? 2 : 1);
      tag = tag.substring(0, at) + declarations + tag.substring(at);
      repairs.add("undeclared namespace prefixes " + String.join(", ", undeclared));
    }
    int end = content.lastIndexOf("</rss>");
    if (rss && end >= 0 && !content.contains("<channel")) {
      content = "<channel>" + content.substring(0, end) + "</channel>" + content.substring(end);
      repairs.add("<rss> without <channel>");
    }
    return xml.substring(0, root.start()) + tag + content;
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
