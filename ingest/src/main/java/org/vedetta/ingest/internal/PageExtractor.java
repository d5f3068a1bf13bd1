package org.vedetta.ingest.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The extract stage: title, author, date, language, canonical URL and main text of an article page.
 *
 * <p>Title, author, date and declared language are read by {@link PageMetadata}. The language, when neither
 * the page nor the hint says, is {@linkplain Languages#detect detected} from the title and text.
 *
 * <p>The main text: {@link Boilerplate} is removed first; then the text is what {@code body_selector} selects, else
 * {@code [itemprop=articleBody]}, else the block found by descending from {@code <body>} into the child that holds at
 * least {@value #DOMINANT_SHARE} of the text outside links, stopping at an {@code <article>} or where no child
 * dominates (so an article split into several blocks stays whole). When the block found does not hold the headline,
 * the blocks between the headline and it with at least {@value #LEAD_MIN_WORDS} words, mostly outside links, come
 * first: that is the standfirst. Last, paragraphs that are page furniture rather than text are dropped: a first one
 * repeating the title (or sharing most of its words), one that is the author's name, a byline ("By ...", "di ..."), a
 * photo credit, a copyright line, a sign-off ("Reporting by ..."), a lone "Advertisement" or "Share", an ad label
 * ("*Werbung. Dieser Beitrag..."), a call to follow the site ("Síguenos en Telegram...") or to sign up for its
 * newsletter, a subscription prompt; when a page carries its article twice (a print, app or script-free copy: at
 * least {@value #COPIED_MIN} paragraphs repeated), the second copy; and the headings the text ends with, whose
 * sections were boilerplate ("Mehr zum Thema", "Temas relacionados").
 *
 * <p>How well this works is measured by {@link org.vedetta.ingest.ExtractionScore} ({@code vedetta score-extraction}).
 */
public final class PageExtractor {

  /** The share of its parent's non-link text a child needs for the main text to be sought inside it. */
  static final double DOMINANT_SHARE = 0.8;
  static final int LEAD_MIN_WORDS = 12;
  /** Paragraphs at least this long count when looking for an article the page carries twice. */
  static final int REPEAT_MIN = 40;
  /** How many different paragraphs must repeat for the page to count as carrying its article twice. */
  static final int COPIED_MIN = 3;
  /** A main text shorter than this share of the page's text outside links, and than {@link #NEARLY_EMPTY_MAX}... */
  static final double NEARLY_EMPTY_SHARE = 0.2;
  /** ...characters, is sought again with the lenient boilerplate pass. */
  static final int NEARLY_EMPTY_MAX = 1_500;
  /** Share of common words (Jaccard) above which a first paragraph is the headline again. */
  static final double TITLE_LIKENESS = 0.6;
  /** A heading longer than this is a paragraph set as a heading. */
  static final int HEADING_MAX = 120;

  private static final Set<String> LEAD_BLOCKS = Set.of("p", "div", "h2", "h3", "section", "blockquote");

  private static final Pattern FURNITURE = Pattern.compile("(?iu)^("
      + "(©|\\(c\\)|copyright\\b).{0,120}"
      + "|.{0,40}riproduzione riservata.{0,40}|.{0,60}all rights reserved.{0,40}|.{0,60}все права защищены.{0,40}"
      + "|(photo|foto|фото|image|credit|credits|illustration|abbildung|abb\\.|bild|grafik|quelle|source|fonte|fuente"
      + "|источник|джерело)\\s*\\d*\\s*[:©].{0,100}"
      + "|[^\\p{L}]{0,3}(advertisement|advertising|pubblicità|annuncio|реклама|anzeige|werbung|publicité|publicidad"
      + "|sponsored|gesponsert)([^\\p{L}\\p{N}]*|\\s*[-–—:,.|*]\\s*.{0,150})"
      + "|(follow|síguenos|siguenos|seguici|suivez[- ]nous|folgen sie uns|folgt uns|folge uns|подписывайтесь"
      + "|підписуйтесь)\\b.{0,150}"
      + "\\b(telegram|instagram|facebook|twitter|whatsapp|youtube|tiktok|google news)\\b.{0,100}"
      + "|(?=.{0,130}$).*\\bnewsletter\\b.*\\b(sign up|subscribe|anmelden|abonnieren|iscriviti|inscrivez-vous"
      + "|abonnez-vous|suscríbete|suscribete|подпишитесь|підпишіться)\\b.*"
      + "|(?=.{0,130}$).*\\b(sign up|subscribe|anmelden|abonnieren|iscriviti|inscrivez-vous|abonnez-vous|suscríbete"
      + "|suscribete)\\b.*\\bnewsletter\\b.*"
      + "|(?=.{0,200}$).*\\b(please subscribe|subscribe to (read|continue|view)"
      + "|to (view|read|continue reading) the full (story|article)|already a subscriber)\\b.*"
      + "|(share|condividi|partager|teilen|compartir|поделиться|поділитися)( (this|on|su|sur|via) .{0,30})?"
      + "|((additional )?reporting|writing|editing|reporting and writing) by .{0,150}"
      + "|posted by .{0,80}"
      // A photo agency's credit ("AFP / MARCO BERTORELLO"), an affiliate-link notice, an editorial disclaimer.
      + "|(afp|ap|dpa|reuters|epa|ansa|getty images|imago|keystone|picture alliance|shutterstock|istock)\\s*/.{0,60}"
      + "|(?=.{0,250}$).*\\b(affiliate[- ]?links?|partnerlinks?|werbelinks?|provisions-links?|enlaces de afiliados"
      + "|liens affiliés|link di affiliazione)\\b.*"
      + "|(?=.{0,250}$).*\\b(do(es)? not necessarily reflect|not responsible for the opinions"
      + "|nicht notwendigerweise die|gibt die meinung des autors wieder|non riflettono necessariamente|ne reflètent? pas nécessairement"
      + "|no reflejan? necesariamente|не обязательно совпадает с|може не збігатися з)\\b.*"
      // The label of a box of links or of the author's note, alone on its line ("Mehr zum Thema:", "Read also").
      + "|(related (articles|stories|posts|news|content|topics)|read (also|more|next)|more (on this( topic)?|stories"
      + "|from [\\p{L} ]{1,30})|you may also like|recommended( for you)?|about the author|see also"
      + "|mehr zum thema|mehr themen"
      + "|weitere (artikel|beiträge|themen|informationen|infos)( zum thema| aus der kolumne)?"
      + "|schon gelesen|das könnte sie auch interessieren|über den autor|über die autorin|kommentierte artikel"
      + "|leggi anche|potrebbe interessarti|articoli correlati|ti potrebbe interessare|l'autore"
      + "|(à )?lire aussi|sur le même sujet|à propos de l'auteur|vous aimerez aussi"
      + "|lee también|te puede interesar|noticias relacionadas|sobre el autor|también te puede interesar"
      + "|читайте также|по теме|об авторе|читайте також|на тему|про автора)\\s*[:.?!…]?"
      + ")$");
  /** "By Jane Doe and John Roe", "di Mario Rossi", "Автор: Иван Петров": capitalised names only. */
  private static final String NAME = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}";
  private static final Pattern BYLINE = Pattern.compile(
      "^(?:[Bb]y|BY|[Dd]i|[Pp]ar|[Vv]on|[Pp]or|Автор:?|Від|Text:?)\\s+" + NAME
      + "(?:(?:,|\\s+and|\\s+e|\\s+et|\\s+und|\\s+y|\\s+и|\\s+та)\\s+" + NAME + ")*$");

  private final String bodySelector;

  /** @param bodySelector the source's {@code body_selector}, or {@code null} */
  public PageExtractor(String bodySelector) {
    this.bodySelector = bodySelector;
  }

  public ExtractedPage extract(Fetched page, String languageHint) {
    return extract(Html.parse(page), languageHint);
  }

  public ExtractedPage extract(Document page, String languageHint) {
    PageMetadata meta = PageMetadata.of(page);
    String text = mainText(page.clone(), meta.title, meta.author, false);
    if (nearlyEmpty(text, page)) {
      // A layout named like boilerplate ("main--withSidebar", "ad-container article-content") took the article
      // with it: again, keeping whatever holds most of the page unless it is named as comments.
      String lenient = mainText(page.clone(), meta.title, meta.author, true);
      if (lenient.length() > text.length()) {
        text = lenient;
      }
    }
    String language = Languages.first(meta.language, languageHint);
    if (language == null) {
      language = Languages.detect(meta.title + "\n\n" + text);
    }
    return new ExtractedPage(canonical(page), meta.title, meta.author, meta.publishedAt, language, text);
  }

  private static String canonical(Document page) {
    for (Element link : page.select("link[rel=canonical][href]")) {
      String href = link.absUrl("href");
      if (href.toLowerCase(Locale.ROOT).startsWith("http://") || href.toLowerCase(Locale.ROOT).startsWith("https://")) {
        return href;
      }
    }
    return null;
  }

  /**
   * Whether the main text found is a sliver of a page that has text: under {@value #NEARLY_EMPTY_SHARE} of its text
   * outside links, and under {@value #NEARLY_EMPTY_MAX} characters.
   */
  private static boolean nearlyEmpty(String text, Document page) {
    if (text.length() >= NEARLY_EMPTY_MAX || page.body() == null) {
      return false;
    }
    int pageText = Html.textOutsideLinks(page.body(), new IdentityHashMap<>());
    return text.length() < NEARLY_EMPTY_SHARE * pageText;
  }

  private String mainText(Document page, String title, String author, boolean lenient) {
    List<Element> selected = selected(page);
    Boilerplate.remove(page, title, lenient);
    List<Element> roots = selected != null ? selected : main(page);
    if (selected == null && !roots.isEmpty()) {
      roots = withLead(page, roots);
    }
    List<TextBlocks.Block> paragraphs = new ArrayList<>();
    List<TextBlocks.Block> blocks = TextBlocks.blocks(roots);
    Set<String> copied = copied(blocks.stream().map(TextBlocks.Block::text).toList());
    Set<String> seen = new HashSet<>();
    for (TextBlocks.Block block : blocks) {
      String paragraph = block.text();
      if (copied.contains(paragraph) && !seen.add(paragraph)) {
        continue; // the article again: a page carrying it twice (a print, app or noscript copy)
      }
      if (!FURNITURE.matcher(paragraph).matches() && !BYLINE.matcher(paragraph).matches()
          && !(paragraphs.isEmpty() && likeTitle(paragraph, title))
          && !(paragraph.length() <= 80 && author != null && sameText(paragraph, author))) {
        paragraphs.add(block);
      }
    }
    return String.join("\n\n", withoutTrailingHeadings(paragraphs));
  }

  /**
   * The paragraphs less the headings they end with: a heading with nothing after it introduced a section that was
   * boilerplate ("Mehr zum Thema" over related links, "Temas relacionados"). A text of headings only is kept whole.
   */
  static List<String> withoutTrailingHeadings(List<TextBlocks.Block> paragraphs) {
    int end = paragraphs.size();
    while (end > 0 && paragraphs.get(end - 1).heading() > 0
        && paragraphs.get(end - 1).text().length() <= HEADING_MAX) {
      end--;
    }
    return paragraphs.subList(0, end == 0 ? paragraphs.size() : end).stream().map(TextBlocks.Block::text).toList();
  }

  /**
   * The paragraphs a page carries twice because it carries its article twice: when at least
   * {@value #COPIED_MIN} different paragraphs of {@value #REPEAT_MIN} characters or more occur more than once, those
   * paragraphs; else none (a paragraph repeated on its own is the author's).
   */
  private static Set<String> copied(List<String> blocks) {
    Set<String> once = new HashSet<>();
    Set<String> again = new HashSet<>();
    for (String b : blocks) {
      if (b.length() >= REPEAT_MIN && !once.add(b)) {
        again.add(b);
      }
    }
    return again.size() >= COPIED_MIN ? again : Set.of();
  }

  /**
   * The main blocks preceded by the standfirst, when the descent went past it: the blocks after the headline
   * and before the main text that hold at least {@value #LEAD_MIN_WORDS} words, mostly outside links.
   */
  private static List<Element> withLead(Document page, List<Element> roots) {
    Element mark = page.selectFirst(Boilerplate.HEADLINE_MARK);
    Element main = roots.get(0);
    if (mark == null || main.parents().contains(mark) || mark.parents().contains(main)) {
      return roots;
    }
    List<Element> lead = new ArrayList<>();
    boolean after = false;
    for (Element e : page.body().getAllElements()) {
      if (e == mark) {
        after = true;
      } else if (e == main) {
        break;
      } else if (after && LEAD_BLOCKS.contains(e.normalName()) && !hasBlockChild(e)
          && lead.stream().noneMatch(l -> e.parents().contains(l))
          && e.text().split("\\s+").length >= LEAD_MIN_WORDS && Boilerplate.linkDensity(e) < 0.3) {
        lead.add(e);
      }
    }
    if (lead.isEmpty()) {
      return roots;
    }
    List<Element> all = new ArrayList<>(lead);
    all.addAll(roots);
    return all;
  }

  private static boolean hasBlockChild(Element e) {
    return e.children().stream().anyMatch(c -> LEAD_BLOCKS.contains(c.normalName()));
  }

  /** The same text as the title, or a heading sharing most of its words (a kicker and headline pair). */
  static boolean likeTitle(String paragraph, String title) {
    if (sameText(paragraph, title)) {
      return true;
    }
    Set<String> p = new HashSet<>(List.of(ContentKey.normalise(paragraph).split(" ")));
    Set<String> t = new HashSet<>(List.of(ContentKey.normalise(title).split(" ")));
    if (p.size() > 2 * t.size() + 2) {
      return false;
    }
    Set<String> common = new HashSet<>(p);
    common.retainAll(t);
    Set<String> union = new HashSet<>(p);
    union.addAll(t);
    return !union.isEmpty() && common.size() >= TITLE_LIKENESS * union.size();
  }

  /** What {@code body_selector} selects, outermost only; {@code null} when unset or when it selects nothing. */
  private List<Element> selected(Document page) {
    if (bodySelector == null) {
      return null;
    }
    List<Element> selected = outermost(page.select(bodySelector));
    if (selected.isEmpty()) {
      return null;
    }
    // Boilerplate inside the selected blocks still goes; the blocks themselves stay.
    selected.forEach(e -> e.attr("itemprop", "articleBody"));
    return selected;
  }

  private static List<Element> main(Document page) {
    List<Element> declared = outermost(page.select("[itemprop=articleBody]"));
    if (!declared.isEmpty()) {
      return declared;
    }
    if (page.body() == null) {
      return List.of();
    }
    Map<Element, Integer> weights = new IdentityHashMap<>();
    Html.textOutsideLinks(page.body(), weights);
    Element current = page.body();
    while (!current.normalName().equals("article")) {
      int total = weights.getOrDefault(current, 0);
      Element dominant = null;
      for (Element child : current.children()) {
        if (total > 0 && weights.getOrDefault(child, 0) >= DOMINANT_SHARE * total) {
          dominant = child;
        }
      }
      if (dominant == null) {
        break;
      }
      current = dominant;
    }
    return List.of(current);
  }

  static boolean sameText(String a, String b) {
    return b != null && ContentKey.normalise(a).equals(ContentKey.normalise(b));
  }

  /** The selected elements that are not inside another selected element, in document order. */
  private static List<Element> outermost(Elements selected) {
    List<Element> out = new ArrayList<>();
    for (Element e : selected) {
      boolean nested = e.parents().stream().anyMatch(selected::contains);
      if (!nested) {
        out.add(e);
      }
    }
    return out;
  }
}
