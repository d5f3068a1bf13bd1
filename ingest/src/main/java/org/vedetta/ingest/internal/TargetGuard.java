package org.vedetta.ingest.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;

/**
 * Decides whether a URL may be fetched: http or https only, and unless the source sets
 * {@code allow_private}, only hosts whose every address is public (not loopback, private, unique-local,
 * link-local, carrier-grade NAT, any-local or multicast). Checked before the first request and every
 * redirect hop.
 */
public final class TargetGuard {

  /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} outside tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;

  public TargetGuard() {
    this(InetAddress::getAllByName);
  }

  public TargetGuard(Resolver resolver) {
    this.resolver = resolver;
  }

  /** Returns normally when {@code url} may be fetched for {@code source}; throws a non-retriable error otherwise. */
  public void check(SourceSettings source, URI url) throws SourceFetchException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refused(source, url, "only http and https URLs are fetched");
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      throw refused(source, url, "the URL has no host");
    }
    if (source.allowPrivate()) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new SourceFetchException(source.id(), url.toString(), 0, true, "unknown host " + host, e);
    }
    for (InetAddress address : addresses) {
      String kind = forbiddenKind(address);
      if (kind != null) {
        throw refused(source, url, "refused: " + host + " resolves to " + address.getHostAddress() + ", a " + kind
            + " address; set allow_private: true on the source to fetch it");
      }
    }
  }

  /** What makes {@code address} private, or {@code null} when it is public. */
  static String forbiddenKind(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isAnyLocalAddress()) {
      return "any-local";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "this-network";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "carrier-grade NAT";
      }
    } else if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "unique-local";
    }
    return null;
  }

  private static SourceFetchException refused(SourceSettings source, URI url, String detail) {
    return new SourceFetchException(source.id(), url.toString(), 0, false, detail, null);
  }
}
