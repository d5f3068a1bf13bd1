package org.vedetta.ingest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article links of a listing page: each element the {@code link_selector} selects, if a link, else the
 * first link inside it; resolved to absolute, http(s) only, without fragments, each URL once. A selector
 * that selects no link is an error, since it most likely means the site changed.
 */
public final class ListingReader implements ItemReader {

  private final String linkSelector;

  public ListingReader(String linkSelector) {
    this.linkSelector = linkSelector;
  }

  @Override
  public List<Candidate> read(Fetched listing) throws DocumentException {
    Document page = Html.parse(listing);
    Map<String, FeedItem> byUrl = new LinkedHashMap<>();
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
