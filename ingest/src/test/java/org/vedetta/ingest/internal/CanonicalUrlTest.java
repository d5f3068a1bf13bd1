package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

  @Test
  void dropsFragmentAndTrackingAndLowersSchemeAndHost() {
    assertThat(CanonicalUrl.of(
        "HTTPS://News.Example/World/Story?id=7&utm_source=rss&fbclid=abc&UTM_Medium=x&gclid=1#top"))
        .isEqualTo("https://news.example/World/Story?id=7");
  }

  @Test
  void keepsOtherParametersInOrder() {
    assertThat(CanonicalUrl.of("http://a.example/s?b=2&utm_campaign=c&a=1")).isEqualTo("http://a.example/s?b=2&a=1");
  }

  @Test
  void dropsDefaultPortsAndAddsARootPath() {
    assertThat(CanonicalUrl.of("https://a.example:443")).isEqualTo("https://a.example/");
    assertThat(CanonicalUrl.of("http://a.example:80/x")).isEqualTo("http://a.example/x");
    assertThat(CanonicalUrl.of("http://127.0.0.1:8080/x?")).isEqualTo("http://127.0.0.1:8080/x");
  }

  @Test
  void encodesWhatAUriRefuses() {
    assertThat(CanonicalUrl.of("https://a.example/città del sole"))
        .isEqualTo("https://a.example/citt%C3%A0%20del%20sole");
  }

  @Test
  void refusesWhatIsNotHttp() {
    assertThatThrownBy(() -> CanonicalUrl.of("mailto:desk@a.example")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalUrl.of("/relative")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dropsTheCommonTrackingParametersOfMailersAdsAndReferrers() {
    assertThat(CanonicalUrl.of("https://a.example/s?id=7&mc_cid=1&mc_eid=2&ref=home&ref_src=twsrc&msclkid=3&yclid=4"
        + "&_hsenc=5&igshid=6&at_medium=rss&ns_campaign=x&smid=tw-share&dclid=7&page=2"))
        .isEqualTo("https://a.example/s?id=7&page=2");
  }

  @Test
  void keepsParametersThatOnlyLookLikeTracking() {
    assertThat(CanonicalUrl.of("https://a.example/s?reference=1&utmost=2&refresh=3"))
        .isEqualTo("https://a.example/s?reference=1&utmost=2&refresh=3");
  }
}
