package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vedetta.model.Qualifier;

/**
 * Reads the figures of a folded sentence the way the knowledge set's languages write them: digit groups
 * ("10.000", "10,000", "10 000"), multipliers ("15 mila", "2.5 million", "12 тысяч"), number words
 * ("diecimila", "ten thousand", "un millar"), Russian and Ukrainian number words in their cases and collective
 * numerals ("около шести тысяч", "тысячу саперов", "до тисячі", "дев'ятеро"), ranges ("tra i 10.000 e i 12.000",
 * "10,000–12,000", "от 10 до 12 тысяч"), qualifiers ("circa", "up to", "oltre") and vague amounts ("migliaia",
 * "thousands").
 */
public final class NumberReader {

  /** A figure found at {@code [start, end)} of the folded sentence. */
  public record Figure(int start, int end, long low, long high, Qualifier qualifier, boolean percent,
      boolean yearLike, boolean spelled) {

    /** A figure of digits. */
    public Figure(int start, int end, long low, long high, Qualifier qualifier, boolean percent, boolean yearLike) {
      this(start, end, low, high, qualifier, percent, yearLike, false);
    }

    /** The same figure read at {@code span}: where the words standing for it are ("the number of"). */
    public Figure at(int[] span) {
      return new Figure(span[0], span[1], low, high, qualifier, percent, false, false);
    }
  }

  private static final String DIGITS = "\\d{1,3}(?:[., ]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
  private static final String MULT = "mila|mille|thousands?|k|mil|tausend|milioni|milione|millions?|millones|mln"
      + "|тысяч[а-я]*|тыс\\.?|тисяч[а-яі]*|тис\\.?|миллион[а-я]*|мільйон[а-яі]*|млн\\.?";
  /**
   * Number words from two to twenty read on their own ("nine soldiers", "девяти бойцам"), with the Russian and
   * Ukrainian case forms newspapers use; words that are also common words of another language ("once", "sei",
   * "dos") are left out.
   */
  private static final Map<String, Integer> STANDALONE = standalone();
  /** Vague amounts, longest first where one starts another. */
  private static final List<String> VAGUE = List.of("decine di migliaia", "tens of thousands",
      "centinaia di migliaia", "hundreds of thousands", "migliaia", "thousands", "milliers", "tausende", "miles",
      "тысячи", "тысяч", "тисячі", "десятки тысяч", "десятки тисяч", "dizaines de milliers", "zehntausende",
      "decenas de miles", "centinaia", "hundreds", "centaines", "hunderte", "cientos", "сотни", "сотні");
  private static final Pattern ATOM = compile(
      "(?U)(?<![\\w.,])(?<!\\p{L}[-‑])(?<digits>" + DIGITS + ")(?:\\s?(?<mult>" + MULT + ")(?![\\w]))?"
      + "|(?<![\\w])(?<words>[a-z]+[\\s-](?:thousand|hundred|mille|mil|cents?)|[a-z]+\\s?(?:mila|tausend)|mila|mille"
      + "|[а-яіїє']+\\s(?:тысяч[аиу]?|тисяч[аіу]?)|тысячу|тисячу|[a-z]+\\smillar"
      // "около тысячи", "до тисячі": a thousand, not thousands, after a word of amount
      + "|(?<=(?:около|до|более|свыше|почти|порядка|понад|близько|майже|більше|щонайменше)\\s)(?:тысячи|тисячі))"
      + "(?![\\w])"
      + "|(?<![\\w'])(?<small>" + String.join("|", longestFirst(STANDALONE.keySet())) + ")(?![\\w'])"
      + "|(?<![\\w])(?<vague>" + String.join("|", VAGUE) + ")(?![\\w])");
  /** A percent sign or word after a figure, also joined by a hyphen ("100-процентную", "50-prozentige"). */
  private static final Pattern PERCENT = compile(
      "\\G[\\s-]?(?:%|per ?cento|percent|per cent|pour ?cent|por ?ciento|prozent[a-z]*|процент[а-я]*|відсот[а-яіїє]*)");
  private static final Pattern RANGE_JOIN = compile(
      "(?U)\\s?(?:-|/|to|a|e|e i|e le|and|et|und|y|bis|до|и|і)\\s?");
  private static final Pattern RANGE_OPEN = compile(
      "(?U)(?<![\\w])(?:tra|fra|between|from|da|от|від|entre|zwischen|de|von)\\s(?:i\\s|le\\s|gli\\s)?$");
  private static final Pattern ABOUT = compile(
      "(?U)(?<![\\w])(?:circa|about|around|approximately|roughly|some|quasi|nearly|almost|an estimated|estimated|stimati|"
      + "около|примерно|почти|порядка|приблизно|близько|майже|environ|pres de|quelque|presque|etwa|rund|ungefahr|"
      + "fast|alrededor de|cerca de|unos|unas|aproximadamente|casi|close to|vicin[oi] a|vicin[oi] ai|vicin[oi] alle|"
      + "knapp|nahezu|orientovno|ориентировочно|орієнтовно|cerca de los|cerca de las|pres d'environ)\\s"
      + "(?:i\\s|le\\s|gli\\s|los\\s|las\\s)?$");
  /** "up to", and a comparative denied ("no more than", "не более", "no excederá los"): the figure is a ceiling. */
  private static final Pattern UP_TO = compile(
      "(?U)(?<![\\w])(?:fino a|fino al|fino ai|fino alle|up to|as many as|bis zu|jusqu'a|hasta|до|аж до|"
      + "no more than|not more than|at most|will not exceed|would not exceed|not exceeding|no mas de|no mas de los|"
      + "como maximo|a lo sumo|no excedera|no excedera los|no superara|no superara los|non piu di|al massimo|"
      + "non superera|non superera i|pas plus de|au maximum|au plus|ne depassera pas|ne depasse pas|nicht mehr als|"
      + "hochstens|maximal|nicht uberschreiten|не более|не более чем|не больше|максимум|не превысит|не превышает|"
      + "не більше|не більш ніж|не більше ніж|щонайбільше|не перевищить|не перевищує)\\s$");
  private static final Pattern AT_LEAST = compile(
      "(?U)(?<![\\w])(?:oltre|piu di|more than|over|at least|almeno|не менее|более|свыше|понад|більше|щонайменше|"
      + "mehr als|uber|mindestens|plus de|au moins|mas de|al menos|superaria los|superaria|supera i|superare i|"
      + "superato i|superato le|superato quota|surpassed|topped|supera los|supero los|superado los|"
      + "exceeds|exceeded|exceeding|depasse|depassent|ubersteigt|превышает|превысила|превысило|превысил|превысили"
      + "|перевищує|перевищила|перевищило|перевищив|перевищили)\\s$");
  private static final Pattern MONTH_AFTER = compile(
      "\\G\\s?(?:°|º|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
      + "dicembre|january|february|march|april|may|june|july|august|september|october|november|december|"
      + "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|anniversar)");
  /** An ordinal suffix after digits: "528th", "23ª", "80º", "23e", "80-й": a rank, not a count. */
  private static final Pattern ORDINAL = compile(
      "\\G(?:st|nd|rd|th|ª|º|°|e|eme|er|re|-?(?:и|я|го|е|ем|ому|ои|ий|ого|ому|им|ої|ого))(?![\\w])");
  private static final Pattern MONTH_BEFORE = compile(
      "(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
      + "january|february|march|april|may|june|july|august|september|october|november|december|"
      + "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
      + "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)\\s$");

  /** Number words 1-20, 30, 40, 50 and 100 per language, in the order of {@link #SMALL_VALUES}. */
  private static final int[] SMALL_VALUES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
      30, 40, 50, 100};
  private static final Map<String, Integer> SMALL = smallNumbers(
      "un due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici "
          + "diciassette diciotto diciannove venti trenta quaranta cinquanta cento",
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          + "seventeen eighteen nineteen twenty thirty forty fifty hundred",
      "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
          + "dix-huit dix-neuf vingt trente quarante cinquante cent",
      "ein zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn sechzehn "
          + "siebzehn achtzehn neunzehn zwanzig dreissig vierzig funfzig hundert",
      "un dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete "
          + "dieciocho diecinueve veinte treinta cuarenta cincuenta cien",
      "одна две три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать четырнадцать "
          + "пятнадцать шестнадцать семнадцать восемнадцать девятнадцать двадцать тридцать сорок пятьдесят сто",
      "одна дві три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять тринадцять чотирнадцять "
          + "п'ятнадцять шістнадцять сімнадцять вісімнадцять дев'ятнадцять двадцять тридцять сорок п'ятдесят сто");

  private NumberReader() {}

  private static Map<String, Integer> standalone() {
    Map<String, Integer> words = new java.util.LinkedHashMap<>();
    String[] lists = {
        "due tre quattro cinque sette otto nove dieci undici dodici tredici quattordici quindici venti",
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty",
        "deux trois quatre cinq sept huit neuf dix onze douze treize quatorze quinze vingt",
        "zwei drei vier funf sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn zwanzig",
        "dos tres cuatro cinco seis siete ocho nueve diez doce trece catorce quince veinte",
        "два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать пятнадцать двадцать",
        "два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять п'ятнадцять двадцять"};
    int[][] values = {
        {2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20}, {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20},
        {2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20}, {2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20},
        {2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 20}, {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20},
        {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20}};
    for (int l = 0; l < lists.length; l++) {
      String[] list = lists[l].split(" ");
      for (int i = 0; i < list.length; i++) {
        words.putIfAbsent(FoldedText.foldLetters(list[i]), values[l][i]);
      }
    }
    // Russian and Ukrainian oblique cases ("двух", "девяти бойцам", "п'яти") and collective numerals.
    String[] cases = {"двух:2", "трех:3", "четырех:4", "пяти:5", "шести:6", "семи:7", "восьми:8", "девяти:9",
        "десяти:10", "двох:2", "трьох:3", "чотирьох:4", "п'яти:5", "дев'яти:9", "дві:2", "две:2",
        // Collective numerals, which count people: "девятеро бойцов", "дев'ятеро з них".
        "двое:2", "трое:3", "четверо:4", "пятеро:5", "шестеро:6", "семеро:7", "восьмеро:8", "девятеро:9",
        "десятеро:10", "двоих:2", "троих:3", "четверых:4", "пятерых:5", "двоє:2", "троє:3", "п'ятеро:5",
        "дев'ятеро:9", "шістьох:6", "сімох:7", "десятьох:10", "п'ятьох:5", "дев'ятьох:9",
        // Hundreds written as one word: "seicento", "seiscientos", "шестьсот", "шістсот".
        "duecento:200", "trecento:300", "quattrocento:400", "cinquecento:500", "seicento:600", "settecento:700",
        "ottocento:800", "novecento:900", "doscientos:200", "trescientos:300", "cuatrocientos:400",
        "quinientos:500", "seiscientos:600", "setecientos:700", "ochocientos:800", "novecientos:900",
        "zweihundert:200", "dreihundert:300", "vierhundert:400", "funfhundert:500", "sechshundert:600",
        "siebenhundert:700", "achthundert:800", "neunhundert:900", "двести:200", "триста:300",
        "четыреста:400", "пятьсот:500", "шестьсот:600", "семьсот:700", "восемьсот:800", "девятьсот:900",
        "двісті:200", "чотириста:400", "п'ятсот:500", "шістсот:600", "сімсот:700", "вісімсот:800",
        "дев'ятсот:900", "двухсот:200", "трехсот:300", "четырехсот:400", "пятисот:500", "шестисот:600",
        "семисот:700", "восьмисот:800", "девятисот:900", "двохсот:200", "трьохсот:300", "чотирьохсот:400",
        "п'ятисот:500", "шестисот:600", "семисот:700", "восьмисот:800", "дев'ятисот:900"};
    for (String c : cases) {
      String[] kv = c.split(":");
      words.putIfAbsent(FoldedText.foldLetters(kv[0]), Integer.parseInt(kv[1]));
    }
    // English tens and units joined by a hyphen: "Twenty-six Indian nationals".
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    String[] units = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    for (int t = 0; t < tens.length; t++) {
      for (int u = 0; u < units.length; u++) {
        words.putIfAbsent(tens[t] + "-" + units[u], 20 + 10 * t + u + 1);
      }
    }
    return Map.copyOf(words);
  }

  /** The words longest first, so that an alternation of them matches "twenty-six" before "twenty". */
  private static List<String> longestFirst(Collection<String> words) {
    return words.stream().sorted(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder())).toList();
  }

  /** Compiles a pattern written with the letters folding removes (й, ї, ё) as folded text has them. */
  private static Pattern compile(String regex) {
    return Pattern.compile(FoldedText.foldLetters(regex));
  }

  private static Map<String, Integer> smallNumbers(String... perLanguage) {
    Map<String, Integer> numbers = new java.util.HashMap<>(Map.of("uno", 1, "a", 1, "dix", 10, "mille", 1000));
    for (String words : perLanguage) {
      String[] list = words.split(" ");
      for (int i = 0; i < list.length; i++) {
        numbers.putIfAbsent(list[i], SMALL_VALUES[i]);
      }
    }
    return Map.copyOf(numbers);
  }

  /**
   * Every figure in the folded sentence, in order. A sentence is asked for its figures by several readers, so the
   * last sentence's are kept per thread.
   */
  public static List<Figure> read(String folded) {
    Read last = LAST.get();
    if (last != null && last.folded() == folded) {
      return last.figures();
    }
    List<Figure> figures = List.copyOf(readFresh(folded));
    LAST.set(new Read(folded, figures));
    return figures;
  }

  private record Read(String folded, List<Figure> figures) {}

  private static final ThreadLocal<Read> LAST = new ThreadLocal<>();

  private static List<Figure> readFresh(String folded) {
    List<Atom> atoms = new ArrayList<>();
    Matcher m = ATOM.matcher(folded).useTransparentBounds(true);
    int n = folded.length();
    int[] runs = wordRuns(folded);
    int resume = 0;
    for (int r = 0; r < runs.length; r += 2) {
      if (runs[r] < resume || !mayStartFigure(folded, runs, r)) {
        continue;
      }
      if (m.region(runs[r], n).lookingAt()) {
        Atom atom = atom(m, folded);
        if (atom != null) {
          atoms.add(atom);
          resume = m.end();
        } // else words that only look like a figure ("около тысячи"): the figure may start at the next word

      }
    }
    List<Figure> figures = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      Atom a = atoms.get(i);
      String before = folded.substring(Math.max(0, a.start - 30), a.start);
      if (i + 1 < atoms.size() && !a.vague && !atoms.get(i + 1).vague) {
        Atom b = atoms.get(i + 1);
        String between = folded.substring(a.end, b.start);
        if (between.trim().equals("-") && a.value > b.value && a.value < 100) {
          i++;
          continue; // a score ("3-1"), not a range
        }
        // "1 000 à 3 000 soldats", "10.000 a 12.000": "to" between two figures, the first the lower, is a range.
        boolean to = between.trim().equals("a") && a.value < b.value;
        if (RANGE_JOIN.matcher(between).matches() && (RANGE_OPEN.matcher(before).find() || to
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
      figures.add(new Figure(start, a.end, low, high, q, a.percent, a.yearLike, a.spelled));
    }
    return figures;
  }

  /**
   * Whether a figure may start at word {@code r} ({@code runs[r]}, {@code runs[r + 1]}): every way {@link #ATOM}
   * reads starts at the start of a word (the regular expression's {@code \\w}) that begins with a digit, is the
   * first word of a number word or vague amount, ends with "mila" or "tausend", or comes before a multiplier word.
   * Trying the expression only there gives what searching the whole sentence gives, at a fraction of the cost.
   */
  private static boolean mayStartFigure(String folded, int[] runs, int r) {
    if (Character.isDigit(folded.charAt(runs[r]))) {
      return true;
    }
    String word = folded.substring(runs[r], runs[r + 1]);
    if (FIRST_WORDS.contains(word) || word.endsWith("mila") || word.endsWith("tausend")) {
      return true;
    }
    if (r + 2 >= runs.length) {
      return false;
    }
    String next = folded.substring(runs[r + 2], runs[r + 3]);
    return MULTIPLIER_WORDS.contains(next) || next.startsWith(THOUSAND_RU) || next.startsWith(THOUSAND_UK);
  }

  /** The first words of the number words, vague amounts and multiplier words a figure can start with. */
  private static final Set<String> FIRST_WORDS = firstWords();
  private static final Set<String> MULTIPLIER_WORDS = Set.of("thousand", "hundred", "mille",
      "mil", "mila", "tausend", "millar", "cent", "cents");
  private static final String THOUSAND_RU = FoldedText.foldLetters("тысяч");
  private static final String THOUSAND_UK = FoldedText.foldLetters("тисяч");

  private static Set<String> firstWords() {
    Set<String> first = new HashSet<>(Set.of("mila", "mille", FoldedText.foldLetters("тысячу"),
        FoldedText.foldLetters("тисячу")));
    Stream.concat(STANDALONE.keySet().stream(), VAGUE.stream().map(FoldedText::foldLetters))
        .forEach(w -> {
          int[] runs = wordRuns(w);
          first.add(w.substring(runs[0], runs[1]));
        });
    return Set.copyOf(first);
  }

  /** The words of a text as the expressions' {@code (?U)\\w} sees them: {@code [start, end)} pairs in order. */
  private static int[] wordRuns(String text) {
    int[] runs = new int[16];
    int count = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      if (!isWordCharacter(c)) {
        i += Character.charCount(c);
        continue;
      }
      int j = i + Character.charCount(c);
      while (j < n && isWordCharacter(c = text.codePointAt(j))) {
        j += Character.charCount(c);
      }
      if (count + 2 > runs.length) {
        runs = Arrays.copyOf(runs, runs.length * 2);
      }
      runs[count++] = i;
      runs[count++] = j;
      i = j;
    }
    return Arrays.copyOf(runs, count);
  }

  /** {@code \\w} with {@link Pattern#UNICODE_CHARACTER_CLASS}: letters, marks, digits, connectors, joiners. */
  private static boolean isWordCharacter(int c) {
    if (Character.isAlphabetic(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.CONNECTOR_PUNCTUATION || c == 0x200C || c == 0x200D;
  }

  private record Atom(int start, int end, long value, long high, long multiplier, boolean vague,
      boolean percent, boolean yearLike, boolean spelled) {

    Atom(int start, int end, long value, long high, long multiplier, boolean vague, boolean percent,
        boolean yearLike) {
      this(start, end, value, high, multiplier, vague, percent, yearLike, false);
    }
  }

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
    if (m.group("small") != null) {
      int value = STANDALONE.get(m.group("small"));
      return new Atom(m.start(), end, value, value, 1, false, false, false, true);
    }
    if (m.group("words") != null) {
      long value = words(m.group("words"));
      return value <= 0 ? null : new Atom(m.start(), end, value, value, 1, false, percentAt(folded, end),
          false);
    }
    String digits = m.group("digits");
    if (MONTH_AFTER.matcher(folded).region(end, folded.length()).lookingAt()
        || ORDINAL.matcher(folded).region(end, folded.length()).lookingAt()) {
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
    java.util.regex.Matcher m = compile("(?U)^(.*?)[\\s-]?(mila|mille|mil|millar|tausend|thousand|hundred|cents?"
        + "|тысяч[аиу]?|тисяч[аіу]?)$").matcher(t);
    if (!m.matches()) {
      return -1;
    }
    String head = m.group(1).trim();
    long unit = m.group(2).equals("hundred") || m.group(2).startsWith("cent") ? 100 : 1_000;
    if (head.isEmpty()) {
      return m.group(2).equals("mil") ? -1 : unit;
    }
    long n = smallNumber(head);
    return n > 0 ? n * unit : -1;
  }

  /** "quindici" = 15, "venticinque" = 25, "twenty-five" handled by the caller's split. */
  private static long smallNumber(String word) {
    Integer direct = SMALL.get(word);
    if (direct == null) {
      direct = STANDALONE.get(word); // an oblique case: "шести тысяч", "п'яти тисяч"
    }
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
