package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vedetta.model.Qualifier;

/**
 * Reads the figures of a folded sentence the way Italian, English and Russian write them: digit groups
 * ("10.000", "10,000", "10 000"), multipliers ("15 mila", "2.5 million", "12 тысяч"), number words
 * ("diecimila", "ten thousand"), ranges ("tra i 10.000 e i 12.000", "10,000–12,000", "от 10 до 12 тысяч"),
 * qualifiers ("circa", "up to", "oltre") and vague amounts ("migliaia", "thousands").
 */
public final class NumberReader {

  /** A figure found at {@code [start, end)} of the folded sentence. */
  public record Figure(int start, int end, long low, long high, Qualifier qualifier, boolean percent,
      boolean yearLike) {}

  private static final String DIGITS = "\\d{1,3}(?:[., ]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
  private static final String MULT = "mila|mille|thousands?|k|milioni|milione|millions?|mln|тысяч[а-я]*|тыс\\.?"
      + "|миллион[а-я]*|млн\\.?";
  private static final Pattern ATOM = Pattern.compile(
      "(?U)(?<![\\w.,])(?<digits>" + DIGITS + ")(?:\\s?(?<mult>" + MULT + ")(?![\\w]))?"
      + "|(?<![\\w])(?<words>[a-z]+[\\s-](?:thousand|hundred)|[a-z]+\\s?mila|mila|mille)(?![\\w])"
      + "|(?<![\\w])(?<vague>decine di migliaia|tens of thousands|centinaia di migliaia|hundreds of thousands"
      + "|migliaia|thousands|тысячи|тысяч|десятки тысяч|centinaia|hundreds|сотни)(?![\\w])");
  private static final Pattern PERCENT = Pattern.compile("\\G\\s?(?:%|per ?cento|percent|per cent|процент[а-я]*)");
  private static final Pattern RANGE_JOIN = Pattern.compile(
      "(?U)\\s?(?:-|/|to|a|e|e i|e le|and|до|и)\\s?");
  private static final Pattern RANGE_OPEN = Pattern.compile(
      "(?U)(?<![\\w])(?:tra|fra|between|from|da|от|entre)\\s(?:i\\s|le\\s|gli\\s)?$");
  private static final Pattern ABOUT = Pattern.compile(
      "(?U)(?<![\\w])(?:circa|about|around|approximately|roughly|some|quasi|nearly|almost|an estimated|estimated|stimati|"
      + "около|примерно|почти|порядка|environ|etwa|rund|alrededor de|unos|unas)\\s(?:i\\s|le\\s|gli\\s)?$");
  private static final Pattern UP_TO = Pattern.compile(
      "(?U)(?<![\\w])(?:fino a|fino al|fino ai|fino alle|up to|as many as|bis zu|jusqu'a|hasta|до)\\s$");
  private static final Pattern AT_LEAST = Pattern.compile(
      "(?U)(?<![\\w])(?:oltre|piu di|più di|more than|over|at least|almeno|не менее|более|свыше|mehr als|plus de|mas de|"
      + "over)\\s$");
  private static final Pattern MONTH_AFTER = Pattern.compile(
      "\\G\\s?(?:°|º|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
      + "dicembre|january|february|march|april|may|june|july|august|september|october|november|december|"
      + "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|anniversar)");
  private static final Pattern MONTH_BEFORE = Pattern.compile(
      "(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
      + "january|february|march|april|may|june|july|august|september|october|november|december|"
      + "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\\s$");

  private static final Map<String, Integer> SMALL = Map.ofEntries(
      Map.entry("un", 1), Map.entry("uno", 1), Map.entry("one", 1), Map.entry("a", 1), Map.entry("due", 2),
      Map.entry("two", 2), Map.entry("tre", 3), Map.entry("three", 3), Map.entry("quattro", 4),
      Map.entry("four", 4), Map.entry("cinque", 5), Map.entry("five", 5), Map.entry("sei", 6),
      Map.entry("six", 6), Map.entry("sette", 7), Map.entry("seven", 7), Map.entry("otto", 8),
      Map.entry("eight", 8), Map.entry("nove", 9), Map.entry("nine", 9), Map.entry("dieci", 10),
      Map.entry("ten", 10), Map.entry("undici", 11), Map.entry("eleven", 11), Map.entry("dodici", 12),
      Map.entry("twelve", 12), Map.entry("tredici", 13), Map.entry("thirteen", 13),
      Map.entry("quattordici", 14), Map.entry("fourteen", 14), Map.entry("quindici", 15),
      Map.entry("fifteen", 15), Map.entry("sedici", 16), Map.entry("sixteen", 16),
      Map.entry("diciassette", 17), Map.entry("seventeen", 17), Map.entry("diciotto", 18),
      Map.entry("eighteen", 18), Map.entry("diciannove", 19), Map.entry("nineteen", 19),
      Map.entry("venti", 20), Map.entry("twenty", 20), Map.entry("trenta", 30), Map.entry("thirty", 30),
      Map.entry("quaranta", 40), Map.entry("forty", 40), Map.entry("cinquanta", 50), Map.entry("fifty", 50),
      Map.entry("cento", 100), Map.entry("hundred", 100));

  private NumberReader() {}

  /** Every figure in the folded sentence, in order. */
  public static List<Figure> read(String folded) {
    List<Atom> atoms = new ArrayList<>();
    Matcher m = ATOM.matcher(folded);
    while (m.find()) {
      Atom atom = atom(m, folded);
      if (atom != null) {
        atoms.add(atom);
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      Atom a = atoms.get(i);
      String before = folded.substring(Math.max(0, a.start - 30), a.start);
      if (i + 1 < atoms.size() && !a.vague && !atoms.get(i + 1).vague) {
        Atom b = atoms.get(i + 1);
        String between = folded.substring(a.end, b.start);
        if (RANGE_JOIN.matcher(between).matches() && (RANGE_OPEN.matcher(before).find()
            || between.trim().equals("-") || between.trim().equals("to") || between.trim().equals("/"))) {
          long low = a.value;
          long high = b.value;
          // "10 to 12 thousand", "от 10 до 12 тысяч": the multiplier of the second applies to both.
          if (a.multiplier == 1 && b.multiplier > 1 && low * b.multiplier <= high) {
            low *= b.multiplier;
          }
          int start = RANGE_OPEN.matcher(before).find() ? a.start - lengthOf(RANGE_OPEN, before) : a.start;
          figures.add(new Figure(start, b.end, Math.min(low, high), Math.max(low, high), Qualifier.ABOUT,
              a.percent || b.percent, false));
          i++;
          continue;
        }
      }
      Qualifier q = a.vague ? Qualifier.VAGUE : Qualifier.EXACT;
      int start = a.start;
      long low = a.value;
      long high = a.vague ? a.high : a.value;
      if (!a.vague) {
        if (ABOUT.matcher(before).find()) {
          q = Qualifier.ABOUT;
          start -= lengthOf(ABOUT, before);
        } else if (UP_TO.matcher(before).find()) {
          q = Qualifier.UP_TO;
          start -= lengthOf(UP_TO, before);
          low = 0;
        } else if (AT_LEAST.matcher(before).find()) {
          q = Qualifier.AT_LEAST;
          start -= lengthOf(AT_LEAST, before);
          high = Long.MAX_VALUE / 4;
        }
      }
      figures.add(new Figure(start, a.end, low, high, q, a.percent, a.yearLike));
    }
    return figures;
  }

  private record Atom(int start, int end, long value, long high, long multiplier, boolean vague,
      boolean percent, boolean yearLike) {}

  private static Atom atom(Matcher m, String folded) {
    int end = m.end();
    if (m.group("vague") != null) {
      String v = m.group("vague");
      long low;
      long high;
      if (v.startsWith("decine") || v.startsWith("tens") || v.startsWith("десятки")) {
        low = 10_000;
        high = 99_999;
      } else if (v.startsWith("centinaia di") || v.startsWith("hundreds of")) {
        low = 100_000;
        high = 999_999;
      } else if (v.startsWith("centinaia") || v.equals("hundreds") || v.equals("сотни")) {
        low = 100;
        high = 999;
      } else {
        low = 1_000;
        high = 9_999;
      }
      return new Atom(m.start(), end, low, high, 1, true, false, false);
    }
    if (m.group("words") != null) {
      long value = words(m.group("words"));
      return value <= 0 ? null : new Atom(m.start(), end, value, value, 1, false, percentAt(folded, end),
          false);
    }
    String digits = m.group("digits");
    if (MONTH_AFTER.matcher(folded).region(end, folded.length()).lookingAt()) {
      return null;
    }
    String mult = m.group("mult");
    long multiplier = multiplier(mult);
    double base = parseDigits(digits);
    long value = Math.round(base * multiplier);
    boolean percent = percentAt(folded, end);
    if (percent) {
      Matcher pm = PERCENT.matcher(folded);
      pm.region(end, folded.length());
      if (pm.lookingAt()) {
        end = pm.end();
      }
    }
    boolean plainYear = mult == null && digits.matches("\\d{4}") && value >= 1900 && value <= 2100;
    boolean afterMonth = MONTH_BEFORE.matcher(folded.substring(Math.max(0, m.start() - 12), m.start())).find();
    return new Atom(m.start(), end, value, value, multiplier, false, percent, plainYear || afterMonth);
  }

  private static boolean percentAt(String folded, int end) {
    Matcher pm = PERCENT.matcher(folded);
    pm.region(end, folded.length());
    return pm.lookingAt();
  }

  private static long multiplier(String mult) {
    if (mult == null) {
      return 1;
    }
    if (mult.startsWith("mil") && !mult.equals("mila") && !mult.equals("mille") || mult.startsWith("милл")
        || mult.startsWith("млн")) {
      return 1_000_000;
    }
    return 1_000;
  }

  /** "10.000" and "10,000" group thousands; "2.5" and "1,5" are decimals. */
  static double parseDigits(String digits) {
    String d = digits.replace(" ", "");
    if (d.matches("\\d{1,3}([.,]\\d{3})+")) {
      return Double.parseDouble(d.replaceAll("[.,]", ""));
    }
    if (d.matches("\\d{1,3}([.,]\\d{3})+[.,]\\d+")) {
      int last = Math.max(d.lastIndexOf('.'), d.lastIndexOf(','));
      return Double.parseDouble(d.substring(0, last).replaceAll("[.,]", "") + "." + d.substring(last + 1));
    }
    return Double.parseDouble(d.replace(',', '.'));
  }

  /** "diecimila" = 10,000; "ten thousand" = 10,000; "quindici mila" = 15,000; "mille" alone = 1,000. */
  static long words(String text) {
    String t = text.trim();
    if (t.endsWith("mila") || t.endsWith("mille")) {
      String head = t.substring(0, t.length() - (t.endsWith("mila") ? 4 : 5)).trim();
      if (head.isEmpty()) {
        return 1_000;
      }
      long n = smallNumber(head);
      return n > 0 ? n * 1_000 : -1;
    }
    String[] parts = t.split("[\\s-]+");
    if (parts.length == 2 && (parts[1].equals("thousand") || parts[1].equals("hundred"))) {
      long n = smallNumber(parts[0]);
      return n > 0 ? n * (parts[1].equals("thousand") ? 1_000 : 100) : -1;
    }
    return -1;
  }

  /** "quindici" = 15, "venticinque" = 25, "twenty-five" handled by the caller's split. */
  private static long smallNumber(String word) {
    Integer direct = SMALL.get(word);
    if (direct != null) {
      return direct;
    }
    for (String tens : new String[] {"venti", "trenta", "quaranta", "cinquanta", "vent", "trent", "quarant",
        "cinquant"}) {
      if (word.startsWith(tens) && word.length() > tens.length()) {
        String unit = word.substring(tens.length());
        Integer u = SMALL.get(unit);
        Integer t = SMALL.get(tens.endsWith("i") || tens.endsWith("a") ? tens : tens + (tens.equals("vent")
            ? "i" : "a"));
        if (u != null && t != null && u < 10) {
          return t + u;
        }
      }
    }
    return -1;
  }

  private static int lengthOf(Pattern suffix, String before) {
    Matcher m = suffix.matcher(before);
    return m.find() ? before.length() - m.start() : 0;
  }
}
