package org.vedetta.ingest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes feeds and pages whose declared encoding may be wrong, as on the real web.
 *
 * <p>The rule, in order: a byte-order mark wins; else bytes that are valid UTF-8 and contain at least one
 * multi-byte sequence are UTF-8 whatever is declared (a legacy single-byte text is practically never valid
 * UTF-8 by accident, while a UTF-8 document mislabelled ISO-8859-1 is common); else the first declared
 * charset (the {@code Content-Type} header, then the document's own declaration) that is not UTF-8 and is
 * supported; else pure ASCII is UTF-8; else, bytes declared UTF-8 that are not, Windows-1252 (the superset of
 * ISO-8859-1 that browsers use for it).
 */
final class Charsets {

  private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s]+)");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Charsets() {}

  /** The text of {@code body}, given the declared charsets in order of authority (nulls allowed). */
  static String decode(byte[] body, String... declared) {
    Charset bom = bom(body);
    if (bom != null) {
      int skip = bom == StandardCharsets.UTF_8 ? 3 : bom.name().startsWith("UTF-32") ? 4 : 2;
      return new String(body, skip, body.length - skip, bom);
    }
    return new String(body, choose(body, declared));
  }

  /** The charset {@link #decode} would use for {@code body}. */
  static Charset choose(byte[] body, String... declared) {
    Charset bom = bom(body);
    if (bom != null) {
      return bom;
    }
    Charset wide = unmarkedWide(body);
    if (wide != null) {
      return wide;
    }
    boolean ascii = isAscii(body);
    if (!ascii && isUtf8(body)) {
      return StandardCharsets.UTF_8;
    }
    for (String name : declared) {
      Charset charset = supported(name);
      if (charset != null && !charset.equals(StandardCharsets.UTF_8)
          && !(charset.name().startsWith("UTF-16") && !looksUtf16(body))) {
        return charset;
      }
    }
    return ascii ? StandardCharsets.UTF_8 : WINDOWS_1252;
  }

  /** The charset a {@code Content-Type} header names, or {@code null}. */
  static String ofContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  /** A supported charset by name; ISO-8859-1 and US-ASCII mean Windows-1252, as in browsers. */
  static Charset supported(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      return WINDOWS_1252;
    }
    try {
      return Charset.isSupported(n) ? Charset.forName(n) : null;
    } catch (IllegalCharsetNameException e) {
      return null;
    }
  }

  /**
   * UTF-16 or UTF-32 without a byte order mark, told by where the zero bytes of the first characters fall (the XML
   * specification's appendix F): a document starts with {@code <} or white space, both of one byte in ASCII.
   */
  private static Charset unmarkedWide(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
      return Charset.forName("UTF-32BE");
    }
    if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      return Charset.forName("UTF-32LE");
    }
    if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
      return StandardCharsets.UTF_16BE;
    }
    if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static Charset bom(byte[] b) {
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
      return Charset.forName("UTF-32BE");
    }
    if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
      return Charset.forName("UTF-32LE");
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static boolean looksUtf16(byte[] b) {
    return b.length >= 2 && (b[0] == 0 || b[1] == 0);
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
