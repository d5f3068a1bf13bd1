package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;

class TargetGuardTest {

  private static final SourceSettings SOURCE = SourceSettings.rss("desk", "https://news.example/feed");

  /** Resolves every name to the address it is given, without DNS. */
  private static TargetGuard resolvingTo(String address) {
    return new TargetGuard(host -> new InetAddress[] {InetAddress.getByName(address)});
  }

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, loopback", "::1, loopback", "10.1.2.3, private", "172.16.0.1, private", "192.168.1.1, private",
      "fd00::1, unique-local", "100.64.0.1, carrier-grade NAT"})
  void refusesPrivateTargetsUnlessTheSourceAllowsThem(String address, String kind) {
    TargetGuard guard = resolvingTo(address);
    URI url = URI.create("https://news.example/feed");

    assertThatThrownBy(() -> guard.check(SOURCE, url))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.sourceId()).isEqualTo("desk");
        })
        .hasMessageContaining("refused: news.example resolves to")
        .hasMessageContaining("a " + kind + " address")
        .hasMessageContaining("allow_private: true");
    assertThatCode(() -> guard.check(SOURCE.withAllowPrivate(true), url)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource({
      "169.254.169.254, link-local", "fe80::1, link-local", "0.0.0.0, any-local", "0.1.2.3, this-network",
      "224.0.0.1, multicast", "ff02::1, multicast", "240.0.0.1, reserved", "255.255.255.255, reserved",
      "fd00:ec2::254, cloud metadata", "100.100.100.200, cloud metadata"})
  void refusesLinkLocalMulticastAndReservedTargetsEvenWithAllowPrivate(String address, String kind) throws Exception {
    TargetGuard guard = resolvingTo(address);
    String resolved = InetAddress.getByName(address).getHostAddress();

    for (SourceSettings source : new SourceSettings[] {SOURCE, SOURCE.withAllowPrivate(true)}) {
      assertThatThrownBy(() -> guard.check(source, URI.create("https://news.example/feed")))
          .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isFalse())
          .hasMessage("source 'desk': https://news.example/feed: refused: news.example resolves to " + resolved
              + ", a " + kind + " address, which is never fetched, not even with allow_private (not retriable)");
    }
  }

  @Test
  void anyAddressOfTheNameCounts() {
    TargetGuard guard = new TargetGuard(host -> new InetAddress[] {
        InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")});

    assertThatThrownBy(() -> guard.check(SOURCE, URI.create("https://news.example/feed")))
        .hasMessageContaining("resolves to 10.0.0.1, a private address");
  }

  @Test
  void allowsPublicTargets() {
    assertThatCode(() -> resolvingTo("93.184.216.34").check(SOURCE, URI.create("https://news.example/feed")))
        .doesNotThrowAnyException();
    assertThatCode(() -> resolvingTo("2606:2800:220:1::1").check(SOURCE, URI.create("https://news.example/feed")))
        .doesNotThrowAnyException();
  }

  @Test
  void allowPrivateOpensLoopbackButNotOtherSchemes() {
    TargetGuard guard = resolvingTo("127.0.0.1");
    SourceSettings local = SOURCE.withAllowPrivate(true);

    assertThatCode(() -> guard.check(local, URI.create("http://localhost:8080/feed"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> guard.check(local, URI.create("file:///etc/passwd")))
        .hasMessageContaining("only http and https URLs are fetched");
  }

  @Test
  void unknownHostIsRetriable() {
    TargetGuard guard = new TargetGuard(host -> {
      throw new UnknownHostException(host);
    });

    assertThatThrownBy(() -> guard.check(SOURCE, URI.create("https://gone.example/")))
        .isInstanceOfSatisfying(SourceFetchException.class,
            e -> assertThat(e.retriable()).isTrue())
        .hasMessageContaining("unknown host gone.example");
  }
}
