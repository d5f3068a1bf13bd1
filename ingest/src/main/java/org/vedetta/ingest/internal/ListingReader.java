package org.vedetta.ingest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article links of a listing page, resolved to absolute, http(s) only, without fragments, each URL once.
 * With a {@code link_selector}: each element it selects, if a link, else the first link inside it; a
 * selector that selects no link is an error, since it most likely means the site changed. Without one
 * ({@code listing: true}): the links {@link ArticleLinks} finds; none is an error too.
 */
public final class ListingReader implements ItemReader {

  private final String linkSelector;

  /** @param linkSelector the source's {@code link_selector}, or {@code null} to find article links automatically */
  public ListingReader(String linkSelector) {
    this.linkSelector = linkSelector;
  }

  @Override
  public List<Candidate> read(Fetched listing) throws DocumentException {
    Document page = Html.parse(listing);
    Map<String, FeedItem> byUrl = new LinkedHashMap<>();
    if (linkSelector == null) {
      ArticleLinks.find(page).forEach((url, text) -> byUrl.put(url, FeedItem.link(url, text)));
      if (byUrl.isEmpty()) {
        throw new DocumentException("found no article links on the listing page (same-site links with an "
            + "article-like path and a headline); set link_selector");
      }
      return byUrl.values().stream().map(Candidate::of).toList();
    }
    for (Element selected : page.select(linkSelector)) {
      Element anchor = selected.is("a[href]") ? selected : selected.selectFirst("a[href]");
      String url = anchor == null ? "" : anchor.absUrl("href");
      String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
      if (scheme.equals("http") || scheme.equals("https")) {
        try {
          String link = CanonicalUrl.withoutFragment(CanonicalUrl.parse(url)).toString();
          byUrl.putIfAbsent(link, FeedItem.link(link, anchor.text()));
        } catch (IllegalArgumentException e) {
          // a malformed href is not an article link
        }
      }
    }
    if (byUrl.isEmpty()) {
      throw new DocumentException("link_selector '" + linkSelector + "' selects no http(s) link on the page");
    }
    return byUrl.values().stream().map(Candidate::of).toList();
  }
}
