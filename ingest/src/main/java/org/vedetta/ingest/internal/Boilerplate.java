package org.vedetta.ingest.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what is not the article from a page (a copy: the page is changed in place), in four passes.
 * <ol>
 *   <li><b>Tags</b> that never hold article text: scripts, styles, forms (unless one wraps the content, as some
 *       CMSs do), buttons, media and figures with their captions, {@code nav}, {@code aside}, {@code footer},
 *       a {@code header} outside {@code article} and {@code main}, the ARIA navigation, banner, content-info,
 *       complementary, search and dialog roles, hidden elements, {@code <h1>} (the headline is the title; the
 *       {@linkplain #headline headline} leaves an empty {@value #HEADLINE_MARK} mark) and {@code <time>}
 *       outside a paragraph.
 *   <li><b>Names</b>: elements whose class, id, component attribute ({@code data-component}, {@code data-testid}...)
 *       or custom element tag ({@code <pp-navigation>}) has a word ({@link #BOILERPLATE_WORDS}) naming cookie
 *       banners, share bars, comments, related stories and "read also" boxes, newsletters, ads, bylines, tags, menus,
 *       breadcrumbs, captions, or glued to a boilerplate stem ({@code jp-relatedposts}, {@code sharedaddy}); class
 *       names a CMS derives from the post's tags and categories ({@code tag-sponsoring}) do not count. A name whose
 *       only such words are layout words ({@link #LAYOUT_WORDS}: Blogger's {@code "widget Blog"} and
 *       {@code "date-outer"}) does not remove an element that holds most of the page's text; in the lenient pass (a
 *       page the strict one left nearly empty) no name does but one that says comments ({@link #COMMENT_WORDS}),
 *       and the page's text is counted without its comment sections (a long discussion under a short article).
 *   <li><b>Headings</b> that open a "read also" box or a comment section ("Leggi anche", "Read more",
 *       "Читайте также", "Comments", "Комментарии"...): the heading and, for a "read also" heading, its next
 *       sibling when that is a list of links; for a comment heading or one that opens what follows an article
 *       ("About the author", "Rate this article", "More from ..."), everything after it in its parent. And
 *       short blocks that start with such a phrase ({@code <p><b>Leggi anche:</b> <a>...</a></p>}).
 *   <li><b>Link-dense blocks</b>: lists, paragraphs and divisions whose text is at least half link text and
 *       that have less than {@value #LINK_BLOCK_MAX_OWN_TEXT} characters of their own; a list item so only when its
 *       list is link-dense too (one item of a changelog that is mostly its link is still an item).
 * </ol>
 * The passes never remove the headline's ancestors nor an {@code [itemprop=articleBody]} and its ancestors,
 * so a {@code <body class="with-sidebar">} cannot take the article with it.
 */
final class Boilerplate {

  static final int LINK_BLOCK_MAX_OWN_TEXT = 200;
  /** An element holding this share of the page's text outside links is never removed for its name. */
  static final double PAGE_SHARE = 0.5;
  /** The empty element left where the first {@code <h1>} was. */
  static final String HEADLINE_MARK = "vedetta-headline";
  /** Attributes besides class and id whose values name components in today's front-end frameworks. */
  private static final List<String> NAMING_ATTRIBUTES =
      List.of("data-component", "data-testid", "data-gu-name", "data-area", "data-role");

  private static final String TAGS = "script, style, noscript, iframe, template, svg, canvas, object, embed, video, "
      + "audio, picture, figure, figcaption, dialog, button, select, textarea, input, label, nav, aside, footer, "
      + "menu, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], "
      + "[role=dialog], [role=alertdialog], [hidden], [aria-hidden=true], [style~=(?i)display:\\s*none], "
      + "link, meta";

  /** Words of class and id values (split at spaces, {@code -}, {@code _} and camel case) that mark boilerplate. */
  static final Set<String> BOILERPLATE_WORDS = Set.of(
      "cookie", "cookies", "consent", "gdpr", "cmp", "privacy",
      "share", "sharing", "sharebar", "social", "socials", "sociallinks", "addthis", "sharethis",
      "comment", "comments", "commenti", "disqus", "respond", "replies",
      "related", "correlati", "correlate", "recommended", "recommendations", "readmore", "readalso", "leggianche",
      "seealso", "incut", "popular", "trending", "mostread", "outbrain", "taboola",
      "newsletter", "subscribe", "subscription", "signup", "paywall", "promo", "promotion",
      "ad", "ads", "adv", "advert", "advertisement", "adslot", "banner", "sponsor", "sponsored", "dfp", "gpt",
      "byline", "author", "authors", "autore", "firma", "dateline", "date", "timestamp", "kicker", "eyebrow", "meta",
      "tags", "keywords", "breadcrumb", "breadcrumbs", "menu", "navbar", "nav", "navigation", "sidebar",
      "footer", "widget", "modal", "popup", "overlay", "toolbar", "print",
      "caption", "credit", "credits", "didascalia", "gallery", "slideshow");

  /** Stems that mark boilerplate also glued to another word in a class or id. */
  static final List<String> BOILERPLATE_STEMS = List.of("related", "sidebar", "newsletter", "recommend", "cookie",
      "breadcrumb", "subscribe", "advert", "sponsor", "share", "social", "outbrain", "taboola");

  /** Boilerplate words that templates also use for the layout around the article: not removed when it is inside. */
  static final Set<String> LAYOUT_WORDS = Set.of("widget", "date", "meta", "timestamp", "print", "toolbar");
  /** The boilerplate words that name comment sections. */
  static final Set<String> COMMENT_WORDS = Set.of("comment", "comments", "commenti", "disqus", "respond", "replies");

  private static final Pattern WORD_SPLIT = Pattern.compile("[\\s_-]+|(?<=[a-z])(?=[A-Z])");
  private static final Pattern READ_ALSO = Pattern.compile("(?iu)^[^\\p{L}\\p{N}]*("
      + "leggi anche|leggi pure|potrebbe interessarti"
      + "|ti potrebbe interessare|approfondisci|read also|read more|also read|see also|related|more on this"
      + "|more from|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|lee también|leer más"
      + "|te puede interesar|ver también|más información|читайте также|читайте еще|читайте ещё|смотрите также|по теме"
      + "|читайте також|дивіться також|також читайте|новини по темі)(?![\\p{L}\\p{N}])");
  /**
   * A heading that is only the word "Comments" (with a count), or WordPress's "4 comments on ...", or an
   * invitation to comment; not a sub-heading such as "Comments from the minister".
   */
  private static final Pattern COMMENTS_HEADING = Pattern.compile("(?iu)^[^\\p{L}\\p{N}]*(\\d+\\s+)?("
      + "comments?|commenti|commentaires|kommentare|comentarios|комментарии|коментарі|обсуждение|обговорення)"
      + "(\\s*[(:]?\\s*\\d+\\s*\\)?)?[^\\p{L}\\p{N}]*$"
      + "|^\\d+\\s+(comments?|commenti|commentaires|kommentare|comentarios|комментари[йея]|коментар[іяів]+)"
      + "\\s+(on|su|sur|zu|a|к|до)\\s.*"
      + "|^(leave a (comment|reply)|lascia un commento|laisser un commentaire|join the conversation)\\W*$");

  /**
   * A heading that opens what follows an article rather than the article: the author's box, a rating or sharing
   * invitation, "more from" the section. The heading and what follows it in its block go.
   */
  private static final Pattern END_MATTER = Pattern.compile("(?iu)^[^\\p{L}\\p{N}]*("
      + "about the authors?|über den autor(in)?|zum autor|über die autorin|sull'autore|l'autore|a proposito dell'autore"
      + "|à propos de l'auteur|l'auteur|sobre el autor|sobre la autora|об авторе|про автора"
      + "|rate this (article|post|story)|was this (article|post|page) helpful|wie bewerten sie (diesen|den) (artikel|beitrag)"
      + "|war dieser (artikel|beitrag) hilfreich|share this (article|post|story)|diesen (artikel|beitrag) teilen"
      + "|condividi (questo )?articolo|partager (cet|l')article|compartir (este )?artículo|поделиться статьей"
      + "|more from [\\p{L} ]{1,30}|mehr aus (dem|der) [\\p{L} ]{1,30}|altro da [\\p{L} ]{1,30})[^\\p{L}\\p{N}]*$");

  private Boilerplate() {}

  /** Removes the boilerplate of {@code page}, whose headline is {@code title}. */
  static void remove(Document page, String title) {
    remove(page, title, false);
  }

  /**
   * As {@link #remove(Document, String)}; {@code lenient}ly, an element that holds most of the page's text is kept
   * whatever its name, unless it names comments: for a page whose layout is named like boilerplate
   * ({@code "p-body-main--withSidebar"}, {@code "sc-ad-container article-content"}), which the strict names leave
   * empty.
   */
  static void remove(Document page, String title, boolean lenient) {
    Element headline = headline(page, title);
    Set<Element> keep = protectedElements(page, headline);
    removeTags(page, keep, headline);
    removeByName(page, keep, lenient);
    removeByHeading(page, keep);
    removeLinkDense(page, keep);
  }

  /**
   * The {@code <h1>} that is the article's headline: the first like the title, else the first inside an
   * {@code article} or {@code main}, else the first (a site's logo is often an {@code <h1>} too).
   */
  static Element headline(Document page, String title) {
    Elements h1s = page.select("h1");
    return h1s.stream().filter(h -> PageExtractor.likeTitle(h.text(), title)).findFirst()
        .or(() -> h1s.stream().filter(h -> h.closest("article, main") != null).findFirst())
        .orElse(h1s.isEmpty() ? null : h1s.get(0));
  }

  private static Set<Element> protectedElements(Document page, Element h1) {
    Set<Element> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Element> anchors = new ArrayList<>(page.select("[itemprop=articleBody]"));
    if (h1 != null) {
      anchors.add(h1);
    }
    for (Element anchor : anchors) {
      keep.add(anchor);
      keep.addAll(anchor.parents());
    }
    if (page.body() != null) {
      keep.add(page.body());
    }
    return keep;
  }

  private static void removeTags(Document page, Set<Element> keep, Element headline) {
    for (Element e : page.select(TAGS)) {
      if (!keep.contains(e) && !e.is("[itemprop=articleBody]")) {
        e.remove();
      }
    }
    for (Element header : page.select("header")) {
      if (!keep.contains(header) && header.closest("article, main, [itemprop=articleBody]") == null) {
        header.remove();
      }
    }
    for (Element form : page.select("form")) {
      if (!keep.contains(form) && form.selectFirst("article, main") == null && form.select("p").size() < 3) {
        form.remove();
      }
    }
    if (headline != null && headline.parent() != null) {
      // The headline's place is kept, empty, so the extractor can find a standfirst between it and the body.
      headline.replaceWith(new Element(HEADLINE_MARK));
    }
    page.select("h1").remove();
    for (Element time : page.select("time")) {
      if (time.closest("p, li, blockquote, td") == null) {
        time.remove();
      }
    }
  }

  private static void removeByName(Document page, Set<Element> keep, boolean lenient) {
    Map<Element, Integer> text = new IdentityHashMap<>();
    int pageText = page.body() == null ? 0 : Html.textOutsideLinks(page.body(), text);
    if (lenient) {
      pageText -= commentText(page, text); // a long discussion does not make the article a minor part of the page
    }
    for (Element e : page.select("[class], [id]")) {
      if (keep.contains(e) || e.is("html, body, main, [itemprop=articleBody]")) {
        continue;
      }
      String names = e.className() + " " + e.id();
      if (hasBoilerplateWord(names) && !(keptForLayout(names, lenient) && holdsThePage(e, text, pageText))) {
        e.remove();
      }
    }
    // Custom elements name themselves in their tag: <pp-navigation>, <site-footer>, <cookie-consent>.
    for (Element e : page.body() == null ? List.<Element>of() : page.body().getAllElements()) {
      String tag = e.normalName();
      if (tag.indexOf('-') > 0 && e.parent() != null && !keep.contains(e) && hasBoilerplateWord(tag)
          && !(keptForLayout(tag, lenient) && holdsThePage(e, text, pageText))) {
        e.remove();
      }
    }
    for (String attribute : NAMING_ATTRIBUTES) {
      for (Element e : page.select("[" + attribute + "]")) {
        String names = e.attr(attribute);
        if (!keep.contains(e) && !e.is("html, body, main, [itemprop=articleBody]") && hasBoilerplateWord(names)
            && !(keptForLayout(names, lenient) && holdsThePage(e, text, pageText))) {
          e.remove();
        }
      }
    }
  }

  /**
   * Whether an element of this name that holds most of the page's text is the layout the article sits in: when its
   * boilerplate words are all {@link #LAYOUT_WORDS}; {@code lenient}ly, unless it names comments.
   */
  private static boolean keptForLayout(String names, boolean lenient) {
    return lenient ? !namesComments(names) : onlyLayoutWords(names);
  }

  /**
   * Whether the boilerplate words of a name are all words that templates also give to the layout around an article
   * ({@link #LAYOUT_WORDS}): Blogger puts every post in a {@code "widget Blog"} inside a {@code "date-outer"}.
   */
  static boolean onlyLayoutWords(String value) {
    for (String word : WORD_SPLIT.split(value.trim())) {
      String lower = word.toLowerCase(Locale.ROOT);
      if (BOILERPLATE_WORDS.contains(lower) && !LAYOUT_WORDS.contains(lower)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a name says comments: a comment section may hold more text than the article it follows, so holding most
   * of the page does not keep it.
   */
  static boolean namesComments(String value) {
    for (String word : WORD_SPLIT.split(value.trim())) {
      if (COMMENT_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The text outside links of the page's comment sections (elements named as comments, outermost only). */
  private static int commentText(Document page, Map<Element, Integer> text) {
    int total = 0;
    for (Element e : page.select("[class], [id]")) {
      if (namesComments(e.className() + " " + e.id())
          && e.parents().stream().noneMatch(p -> namesComments(p.className() + " " + p.id()))) {
        total += text.getOrDefault(e, 0);
      }
    }
    return total;
  }

  /** Whether an element holds most of the page's text outside links: then it is the layout the article sits in. */
  private static boolean holdsThePage(Element e, Map<Element, Integer> text, int pageText) {
    return pageText > 0 && text.getOrDefault(e, 0) >= PAGE_SHARE * pageText;
  }

  static boolean hasBoilerplateWord(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    for (String name : value.trim().split("\\s+")) {
      if (TAXONOMY.matcher(name).lookingAt()) {
        continue; // "tag-sponsoring", "category-news": the post's tags and categories, not what the element is
      }
      for (String word : WORD_SPLIT.split(name)) {
        if (!word.isEmpty() && boilerplate(word.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Class names that CMSs derive from a post's tags and categories (WordPress's {@code post_class}). */
  private static final Pattern TAXONOMY = Pattern.compile("(?i)(tag|category|post_tag|post-format|format)-");

  /** A boilerplate word, or one glued to a boilerplate stem ("relatedposts", "sharedaddy", "sidebarleft"). */
  private static boolean boilerplate(String word) {
    if (BOILERPLATE_WORDS.contains(word)) {
      return true;
    }
    for (String stem : BOILERPLATE_STEMS) {
      if (word.length() > stem.length() && (word.startsWith(stem) || word.endsWith(stem))) {
        return true;
      }
    }
    return false;
  }

  private static void removeByHeading(Document page, Set<Element> keep) {
    for (Element heading : page.select("h2, h3, h4, h5, h6, p > strong:only-child, div > strong:only-child")) {
      if (heading.parent() == null || keep.contains(heading)) {
        continue;
      }
      String text = heading.text();
      if ((COMMENTS_HEADING.matcher(text).find() || END_MATTER.matcher(text).find()) && text.length() < 60) {
        Element parent = heading.parent();
        List<Element> after = new ArrayList<>();
        for (Element sibling = heading.nextElementSibling(); sibling != null; sibling = sibling.nextElementSibling()) {
          after.add(sibling);
        }
        heading.remove();
        after.stream().filter(e -> !keep.contains(e)).forEach(Element::remove);
        if (parent != null && parent.text().isBlank() && !keep.contains(parent)) {
          parent.remove();
        }
      } else if (READ_ALSO.matcher(text).find() && text.length() < 60) {
        // Only a heading that introduces links: "Related developments" over a paragraph stays. A paragraph
        // holding nothing but a bold "Leggi anche" is the heading.
        Element parent0 = heading.parent();
        if (heading.is("strong") && parent0 != null && !keep.contains(parent0)
            && parent0.text().length() <= text.length() + 20) {
          heading = parent0;
        }
        Element next = heading.nextElementSibling();
        boolean links = next != null && !keep.contains(next) && linkDensity(next) >= 0.5;
        Element parent = heading.parent();
        boolean box = parent != null && parent.is("p, div, section") && !keep.contains(parent)
            && parent.text().length() < 300 && linkDensity(parent) >= 0.5;
        if (links) {
          next.remove();
        }
        if (box) {
          parent.remove();
        } else if (links) {
          heading.remove();
        }
      }
    }
    for (Element block : page.select("p, li, div, section")) {
      // The cheap test first: a "read also" block is short, and a long one need not be put into words.
      if (block.parent() != null && !keep.contains(block) && shorterThan(block, 300)
          && READ_ALSO.matcher(block.text()).find() && linkDensity(block) >= 0.3) {
        block.remove();
      }
    }
  }

  private static void removeLinkDense(Document page, Set<Element> keep) {
    Map<Element, int[]> lengths = new IdentityHashMap<>();
    for (Element block : page.select("ul, ol, dl, table, p, div, section, li")) {
      if (block.parent() == null || keep.contains(block)) {
        continue;
      }
      int[] counts = lengths.computeIfAbsent(block, Boilerplate::textAndLinkLengths);
      int own = counts[0] - counts[1];
      if (counts[0] > 0 && counts[1] * 2 >= counts[0] && own < LINK_BLOCK_MAX_OWN_TEXT
          && !(block.normalName().equals("li") && inTextList(block, lengths))) {
        block.remove();
      }
    }
  }

  /** Whether a list item stands in a list that is mostly text: one item that is mostly a link is still an item. */
  private static boolean inTextList(Element item, Map<Element, int[]> lengths) {
    Element list = item.parent();
    if (list == null || !list.is("ul, ol")) {
      return false;
    }
    int[] counts = lengths.computeIfAbsent(list, Boilerplate::textAndLinkLengths);
    return counts[0] > 0 && counts[1] * 2 < counts[0];
  }

  /** Whether the element's text is shorter than {@code limit} characters, stopping as soon as it is not. */
  private static boolean shorterThan(Element e, int limit) {
    int[] left = {limit};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          left[0] -= Html.normalisedLength(t.getWholeText());
        }
        return left[0] <= 0 ? FilterResult.STOP : FilterResult.CONTINUE;
      }
    }, e);
    return left[0] > 0;
  }

  static double linkDensity(Element e) {
    int[] counts = textAndLinkLengths(e);
    return counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
  }

  /** Characters of text (whitespace collapsed) under {@code e}, and of those inside links. */
  private static int[] textAndLinkLengths(Element e) {
    int[] counts = new int[2];
    collect(e, false, counts);
    return counts;
  }

  private static void collect(Node node, boolean inLink, int[] counts) {
    if (node instanceof TextNode text) {
      int n = Html.normalisedLength(text.getWholeText());
      counts[0] += n;
      if (inLink) {
        counts[1] += n;
      }
      return;
    }
    boolean link = inLink || node instanceof Element el && el.normalName().equals("a");
    for (Node child : node.childNodes()) {
      collect(child, link, counts);
    }
  }
}
