package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

  private static final Charset CP1251 = Charset.forName("windows-1251");

  @Test
  void validUtf8WinsOverADeclaredSingleByteCharset() {
    byte[] utf8 = "Città".getBytes(StandardCharsets.UTF_8);

    assertThat(Charsets.decode(utf8, "iso-8859-1", "windows-1251")).isEqualTo("Città");
  }

  @Test
  void bytesThatAreNotUtf8TakeTheFirstDeclaredCharset() {
    byte[] cyrillic = "Минск".getBytes(CP1251);

    assertThat(Charsets.decode(cyrillic, null, "utf-8", "windows-1251")).isEqualTo("Минск");
    assertThat(Charsets.decode(cyrillic, "koi8-r", "windows-1251")).isNotEqualTo("Минск");
  }

  @Test
  void bytesDeclaredUtf8ThatAreNotAreWindows1252() {
    byte[] latin1 = "Sécurité".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(Charsets.decode(latin1, "utf-8")).isEqualTo("Sécurité");
    assertThat(Charsets.decode(latin1)).isEqualTo("Sécurité");
  }

  @Test
  void aByteOrderMarkWinsAndIsDropped() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'o', 'k'};

    assertThat(Charsets.decode(bom, "windows-1251")).isEqualTo("ok");
  }

  @Test
  void unknownOrMalformedCharsetNamesAreIgnored() {
    byte[] latin1 = "é".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(Charsets.decode(latin1, "no-such-charset", "\"bad name\"")).isEqualTo("é");
    assertThat(Charsets.ofContentType("text/html; charset=\"KOI8-R\"")).isEqualTo("KOI8-R");
    assertThat(Charsets.ofContentType("text/html")).isNull();
  }
}
