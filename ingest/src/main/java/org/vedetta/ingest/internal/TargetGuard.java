package org.vedetta.ingest.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;

/**
 * Decides whether a URL may be fetched, before any connection is made: http or https only, and only hosts
 * whose every address is public. Checked before the first request and before every redirect hop.
 *
 * <p>A source with {@code allow_private} may reach loopback, private (RFC 1918), unique-local and
 * carrier-grade NAT addresses (local demos, an intranet feed). Link-local (which holds the cloud metadata
 * service at 169.254.169.254), the cloud metadata services that live in private ranges ({@code fd00:ec2::254},
 * {@code 100.100.100.200}), any-local, "this network", multicast and reserved addresses are refused even then: nothing a news source serves lives there, and a redirect to them is the classic server-side request
 * forgery. The name is resolved here and again by the HTTP client when it connects, so a DNS answer that
 * changes in between (rebinding) is not caught; pinning the checked address needs a resolver hook that Java
 * 17's {@code HttpClient} lacks.
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
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new SourceFetchException(source.id(), url.toString(), 0, true, "unknown host " + host, e);
    }
    for (InetAddress address : addresses) {
      String kind = forbiddenKind(address);
      if (kind == null) {
        continue;
      }
      String where = "refused: " + host + " resolves to " + address.getHostAddress() + ", a " + kind + " address";
      if (neverAllowed(kind)) {
        throw refused(source, url, where + ", which is never fetched, not even with allow_private");
      }
      if (!source.allowPrivate()) {
        throw refused(source, url, where + "; set allow_private: true on the source to fetch it");
      }
    }
  }

  /** Kinds of {@link #forbiddenKind} that {@code allow_private} does not open. */
  static boolean neverAllowed(String kind) {
    return switch (kind) {
      case "loopback", "private", "unique-local", "carrier-grade NAT" -> false;
      default -> true;
    };
  }

  /**
   * Why {@code host}, when it is written as an address (or {@code localhost}), may not be fetched by a source with
   * or without {@code allowPrivate}; empty for names, which are resolved only when fetched. Lets a configuration
   * check refuse what the first poll would.
   */
  public static Optional<String> literalProblem(String host, boolean allowPrivate) {
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean address = IPV4.matcher(literal).matches() || literal.contains(":");
    if (!address && !literal.equalsIgnoreCase("localhost")) {
      return Optional.empty();
    }
    String kind;
    try {
      kind = forbiddenKind(InetAddress.getByName(literal)); // an address literal: no DNS lookup
    } catch (UnknownHostException e) {
      return Optional.of("'" + host + "' is not a valid address");
    }
    if (kind == null || (!neverAllowed(kind) && allowPrivate)) {
      return Optional.empty();
    }
    return Optional.of(host + " is a " + kind + " address" + (neverAllowed(kind)
        ? ", which is never fetched, not even with allow_private" : "; set allow_private: true to fetch it"));
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** Cloud metadata services at addresses of ranges that {@code allow_private} opens (AWS IPv6, Alibaba). */
  private static final Set<String> METADATA = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

  /** What makes {@code address} private, or {@code null} when it is public. */
  static String forbiddenKind(InetAddress address) {
    if (METADATA.contains(address.getHostAddress())) {
      return "cloud metadata";
    }
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
      if (first >= 240) {
        return "reserved";
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
