package org.vedetta.matcher.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date a folded sentence states, absolute ("28 aprile 2025", "June 2024", "nel 2024") or relative
 * to the article's publication date ("lo scorso anno", "last month", "oggi", "a settembre").
 */
public final class DateReader {

  /** How precisely a date was stated. */
  public enum Precision { DAY, MONTH, YEAR }

  /**
   * A stated date: {@code date} is the first day of the stated period.
   *
   * @param untilNext for a day, month or weekday named without its year or week ("in December", "on 5 December", "on
   *                  Friday"), which is read as the latest such up to publication: how much later the next one is
   *                  (what a plan means); {@code null} for a date stated in full or counted back ("last month")
   */
  public record StatedDate(LocalDate date, Precision precision, Period untilNext) {

    public StatedDate(LocalDate date, Precision precision) {
      this(date, precision, null);
    }

    /**
     * The date as a plan states it: a day, month or weekday named alone that is over by publication is the next
     * one ("will visit India on 5-6 December", written in November, is this December, not the last).
     */
    public StatedDate ahead(LocalDate published) {
      return untilNext != null && lastDay().isBefore(published)
          ? new StatedDate(date.plus(untilNext), precision, null) : this;
    }

    /** The last day of the stated period. */
    public LocalDate lastDay() {
      return switch (precision) {
        case DAY -> date;
        case MONTH -> YearMonth.from(date).atEndOfMonth();
        case YEAR -> date.withDayOfYear(date.lengthOfYear());
      };
    }
  }

  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

  /** Month names as folded text writes them (accents removed), in every covered language. */
  private static final Map<String, Integer> MONTHS = months(
      "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
      "january february march april may june july august september october november december",
      "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
      "januar februar marz april mai juni juli august september oktober november dezember",
      "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
      "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
      "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
      // "в декабре", "у грудні": the month itself, in the case that tells when
      "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
      "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні");

  private static final String MONTH = "(" + String.join("|", MONTHS.keySet().stream()
      .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) + ")";

  /**
   * Month names with their abbreviations ("5 sep", "Oct. 26", "12 févr."), read only next to a day: alone, "mar" or
   * "dec" are other words.
   */
  private static final Map<String, Integer> DAY_MONTHS = withAbbreviations(MONTHS,
      "gen feb mar apr mag giu lug ago set ott nov dic",
      "jan feb mar apr may jun jul aug sep oct nov dec",
      "janv fevr mars avr mai juin juil aout sept oct nov dec",
      "jan feb marz apr mai jun jul aug sept okt nov dez",
      "ene feb mar abr may jun jul ago sept oct nov dic");

  /** Words one of which a sentence holds when it writes a day and a month. */
  private static final Set<String> DAY_MONTH_CUES = lastWords(DAY_MONTHS.keySet());

  private static final String DAY_MONTH_NAME = "(" + String.join("|", DAY_MONTHS.keySet().stream()
      .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) + ")\\.?";

  private static final Pattern DAY_MONTH = Pattern.compile(
      "(?U)(?<!\\d)(\\d{1,2})\\.?\\s(?:de\\s)?" + DAY_MONTH_NAME
      + "(?:\\s(?:del\\s|of\\s|de\\s)?(\\d{4}))?(?!\\w)");
  private static final Pattern MONTH_DAY = Pattern.compile(
      "(?U)(?<!\\w)" + DAY_MONTH_NAME + "\\s(\\d{1,2})(?:,?\\s(\\d{4}))?(?![\\w.,]?\\d)");
  private static final Pattern MONTH_YEAR = Pattern.compile(
      "(?U)(?<!\\w)" + MONTH + "\\s(?:del\\s|of\\s|de\\s)?(\\d{4})(?!\\w)");
  private static final Pattern MONTH_ONLY = Pattern.compile(
      "(?U)(?:(?<!\\w)(?:a|ad|in|di|nel|nell'|lo scorso|last|this|a fine|at the end of|в|en|im|au|mois d'|de|у"
      + "|fin|ende|a finales de|a principios de|a mediados de|debut|anfang|mitte|inizio|early|late|mid|конце|начале"
      + "|середине|кінці|початку|середині|наприкінці)[\\s-]?)" + MONTH
      + "(?!\\s\\d)(?!\\w)");
  /** The words before a bare year that make it a date ("nel 2024", "since 2022"). */
  private static final List<String> YEAR_WORDS = List.of("nel", "del", "in", "dal", "since", "from", "by", "entro",
      "в", "у", "il", "en", "im", "au", "seit", "depuis", "desde", "jahr", "year", "de", "di", "of", "von", "з", "des",
      "ab", "с", "fine", "inizio", "fin", "debut", "late", "early", "ende", "anfang", "mitte", "finales",
      "principios", "конце", "начале", "середине", "кінці", "початку", "середині");
  private static final Pattern YEAR = Pattern.compile(
      "(?U)(?<!\\w)(?:" + String.join("|", YEAR_WORDS)
      + ")\\s(?:l'anno\\s)?((?:19|20)\\d{2})(?![\\w.,]?\\d)");
  /** The words before a range of years ("between 2005 and 2013"), dated by its first year. */
  private static final List<String> RANGE_WORDS = List.of("between", "entre", "zwischen", "tra", "fra", "между",
      "між");
  private static final Pattern YEAR_RANGE = Pattern.compile(
      "(?U)(?<!\\w)(?:" + String.join("|", RANGE_WORDS)
      + ")\\s((?:19|20)\\d{2})\\s(?:and|y|et|und|e|и|і|й)\\s(?:19|20)\\d{2}(?![\\w.,]?\\d)");
  private static final List<String> LAST_YEAR = List.of("lo scorso anno", "l'anno scorso", "anno scorso",
      "last year", "dell'anno scorso", "в прошлом году", "l'annee derniere", "l'an dernier", "letztes jahr",
      "im vergangenen jahr", "vergangenes jahr", "el ano pasado", "минулого року", "торік", "в минулому році");
  private static final List<String> THIS_YEAR = List.of("quest'anno", "this year", "in questo anno", "в этом году",
      "cette annee", "dieses jahr", "este ano", "цього року");
  private static final List<String> LAST_MONTH = List.of("il mese scorso", "lo scorso mese", "last month",
      "в прошлом месяце", "le mois dernier", "letzten monat", "im vergangenen monat", "el mes pasado",
      "минулого місяця");
  private static final List<String> TODAY = List.of("oggi", "today", "сегодня", "aujourd'hui", "heute", "hoy",
      "сьогодні");
  /** Weekday names, Monday first, per language (folded). */
  private static final Map<String, Integer> WEEKDAYS = months(
      "lunedi martedi mercoledi giovedi venerdi sabato domenica",
      "monday tuesday wednesday thursday friday saturday sunday",
      "lundi mardi mercredi jeudi vendredi samedi dimanche",
      "montag dienstag mittwoch donnerstag freitag samstag sonntag",
      "lunes martes miercoles jueves viernes sabado domingo",
      "понедельник вторник среду четверг пятницу субботу воскресенье",
      "понеділок вівторок середу четвер п'ятницю суботу неділю");
  private static final Pattern WEEKDAY = Pattern.compile("(?U)(?<!\\w)(" + String.join("|", WEEKDAYS.keySet())
      + ")(?!\\w)");
  private static final List<String> YESTERDAY = List.of("ieri", "yesterday", "вчера", "gestern", "ayer", "вчора");

  private DateReader() {}

  private static Map<String, Integer> months(String... perLanguage) {
    Map<String, Integer> months = new java.util.HashMap<>();
    for (String names : perLanguage) {
      String[] list = names.split(" ");
      for (int i = 0; i < list.length; i++) {
        months.put(list[i], i + 1);
      }
    }
    return Map.copyOf(months);
  }

  private static Map<String, Integer> withAbbreviations(Map<String, Integer> names, String... perLanguage) {
    Map<String, Integer> all = new java.util.HashMap<>(names);
    all.putAll(months(perLanguage));
    return Map.copyOf(all);
  }

  /** Whether a text (not folded) starts with a month's name: "April 2025" after "am 28." continues the sentence. */
  static boolean startsWithMonth(String text) {
    String word = FoldedText.fold(text.strip()).split("[^\\p{L}]", 2)[0];
    return MONTHS.containsKey(word);
  }

  /** Whether {@code [start, end)} of a folded sentence is the day of a date ("28" in "28 aprile", "April 28"). */
  public static boolean isDayOfDate(String folded, int start, int end) {
    if ((cued(folded).readings() & DAY_MONTH_CUED) == 0) {
      return false;
    }
    return isGroup(DAY_MONTH.matcher(folded), 1, start, end) || isGroup(MONTH_DAY.matcher(folded), 2, start, end);
  }

  private static boolean isGroup(Matcher m, int group, int start, int end) {
    while (m.find()) {
      if (m.start(group) <= start && end <= m.end(group) + 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first date the sentence states (the leftmost), resolved against the publication date. A way of writing a
   * date is tried only when the sentence has what it needs (a digit, or one of its words), which spares most
   * sentences most patterns.
   */
  public static Optional<StatedDate> read(String folded, LocalDate published) {
    StatedDate best = null;
    int bestStart = Integer.MAX_VALUE;
    int n = folded.length();
    int firstDigit = firstDigit(folded);
    Cued cued = null;
    for (int r = 0; r < READINGS.size(); r++) {
      Reading reading = READINGS.get(r);
      if (reading.digit() && firstDigit < 0) {
        continue;
      }
      // No match starts before its reading's lead ahead of the sentence's first cue or digit: search from there.
      int from = reading.digit() ? Math.max(0, firstDigit - reading.digitLead()) : 0;
      if (reading.cues() != null) {
        if (cued == null) {
          cued = cued(folded);
        }
        if ((cued.readings() & 1L << r) == 0) {
          continue;
        }
        if (reading.cueLead() >= 0) {
          from = Math.max(from, cued.first()[r] - reading.cueLead());
        }
      }
      if (from >= bestStart) {
        continue;
      }
      Matcher m = reading.pattern().matcher(folded).useTransparentBounds(true).region(from, n);
      while (m.find() && m.start() < bestStart) {
        StatedDate date = reading.read().apply(m, published);
        if (date != null) {
          best = date;
          bestStart = m.start();
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Where the sentence's first digit is, or -1 when it has none. */
  private static int firstDigit(String folded) {
    for (int i = 0; i < folded.length(); i++) {
      if (Character.isDigit(folded.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A way of writing a date: its pattern, whether a sentence must hold a digit for it to match, the words one of
   * which it must hold (the last word of each of its phrases, or of the words around its digits), or {@code null}
   * when any will do, and how a match becomes a date (null when it is not one). {@code cueLead} is how far ahead
   * of its cue word a match can start (-1: unbounded), {@code digitLead} how far ahead of its first digit.
   */
  private record Reading(Pattern pattern, boolean digit, Set<String> cues, int cueLead, int digitLead,
      BiFunction<Matcher, LocalDate, StatedDate> read) {

    /**
     * A date written with digits next to one of {@code words}, which a match starts at most {@code wordLead}
     * characters ahead of (-1: anywhere), and its first digit at most {@code digitLead} ahead.
     */
    static Reading digits(Pattern pattern, Collection<String> words, int wordLead, int digitLead,
        BiFunction<Matcher, LocalDate, StatedDate> read) {
      return new Reading(pattern, true, lastWords(words), cueLead(words, wordLead), digitLead, read);
    }

    /** A date written as one of {@code phrases}, as whole words. */
    static Reading phrases(List<String> phrases, BiFunction<Matcher, LocalDate, StatedDate> read) {
      return words(Pattern.compile("(?U)(?<!\\w)(?:" + String.join("|", phrases) + ")(?!\\w)"), phrases, 0,
          read);
    }

    /** A date {@code pattern} finds only where one of the phrases is, at most {@code phraseLead} ahead of it. */
    static Reading words(Pattern pattern, Collection<String> phrases, int phraseLead,
        BiFunction<Matcher, LocalDate, StatedDate> read) {
      return new Reading(pattern, false, lastWords(phrases), cueLead(phrases, phraseLead), -1, read);
    }

    /** How far ahead of a phrase's last word a match starts, at most: {@code lead} plus where that word starts. */
    private static int cueLead(Collection<String> phrases, int lead) {
      return lead < 0 ? -1 : lead + phrases.stream().mapToInt(DateReader::lastWordStart).max().orElse(0);
    }
  }

  /** Where a phrase's last word (run of letters) starts in it. */
  private static int lastWordStart(String phrase) {
    int end = phrase.length();
    while (end > 0 && !Character.isLetter(phrase.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetter(phrase.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /** The longest of the words. */
  private static int longest(Collection<String> words) {
    return words.stream().mapToInt(String::length).max().orElse(0);
  }

  /** The last word of each phrase: a sentence holding none of them holds none of the phrases. */
  private static Set<String> lastWords(Collection<String> phrases) {
    Set<String> cues = new HashSet<>();
    for (String phrase : phrases) {
      String[] words = NOT_LETTERS.split(phrase);
      cues.add(words[words.length - 1]);
    }
    return Set.copyOf(cues);
  }

  /**
   * Which readings the sentence has a cue word for (bit {@code r} for reading {@code r}, {@link #DAY_MONTH_CUED} for
   * a day written with its month) and where the first cue of each is: its words (runs of letters) looked up once
   * each. The last sentence's answer is kept per thread, as it is asked again.
   */
  private static Cued cued(String folded) {
    Cued last = LAST_CUED.get();
    if (last != null && last.folded() == folded) {
      return last;
    }
    long readings = 0;
    int[] first = new int[READINGS.size()];
    int n = folded.length();
    int i = 0;
    while (i < n) {
      int c = folded.codePointAt(i);
      if (!Character.isLetter(c)) {
        i += Character.charCount(c);
        continue;
      }
      int j = i + Character.charCount(c);
      while (j < n && Character.isLetter(c = folded.codePointAt(j))) {
        j += Character.charCount(c);
      }
      long cues = CUES.getOrDefault(folded.substring(i, j), 0L) & ~readings;
      readings |= cues;
      for (long bits = cues & ~DAY_MONTH_CUED; bits != 0; bits &= bits - 1) {
        first[Long.numberOfTrailingZeros(bits)] = i;
      }
      i = j;
    }
    Cued cued = new Cued(folded, readings, first);
    LAST_CUED.set(cued);
    return cued;
  }

  /** @param first per reading with a cue in the sentence, where its first cue starts */
  private record Cued(String folded, long readings, int[] first) {}

  private static final ThreadLocal<Cued> LAST_CUED = new ThreadLocal<>();

  private static final List<Reading> READINGS = List.of(
      Reading.digits(DAY_MONTH, DAY_MONTHS.keySet(), 7, 0, (m, p) -> day(Integer.parseInt(m.group(1)), DAY_MONTHS.get(m.group(2)), m.group(3),
          p)),
      Reading.digits(MONTH_DAY, DAY_MONTHS.keySet(), 0, longest(DAY_MONTHS.keySet()) + 2, (m, p) -> day(Integer.parseInt(m.group(2)), DAY_MONTHS.get(m.group(1)), m.group(3),
          p)),
      Reading.digits(MONTH_YEAR, MONTHS.keySet(), 0, longest(MONTHS.keySet()) + 5, (m, p) ->
          new StatedDate(LocalDate.of(Integer.parseInt(m.group(2)), MONTHS.get(m.group(1)), 1), Precision.MONTH)),
      Reading.phrases(LAST_YEAR, (m, p) -> new StatedDate(LocalDate.of(p.getYear() - 1, 1, 1), Precision.YEAR)),
      Reading.phrases(LAST_MONTH, (m, p) -> new StatedDate(p.minusMonths(1).withDayOfMonth(1), Precision.MONTH)),
      Reading.phrases(YESTERDAY, (m, p) -> new StatedDate(p.minusDays(1), Precision.DAY)),
      Reading.phrases(TODAY, (m, p) -> new StatedDate(p, Precision.DAY)),
      // "on Monday": the latest such day up to publication.
      Reading.words(WEEKDAY, WEEKDAYS.keySet(), 0, (m, p) -> new StatedDate(
          p.minusDays((p.getDayOfWeek().getValue() - WEEKDAYS.get(m.group(1)) + 7) % 7), Precision.DAY,
          Period.ofWeeks(1))),
      Reading.words(MONTH_ONLY, MONTHS.keySet(), -1, (m, p) -> new StatedDate(
          LocalDate.of(yearOf(MONTHS.get(m.group(1)), p), MONTHS.get(m.group(1)), 1), Precision.MONTH,
          Period.ofYears(1))),
      Reading.digits(YEAR_RANGE, RANGE_WORDS, 0, longest(RANGE_WORDS) + 8, (m, p) ->
          new StatedDate(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), Precision.YEAR)),
      Reading.digits(YEAR, YEAR_WORDS, 0, longest(YEAR_WORDS) + 8, (m, p) -> new StatedDate(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1),
          Precision.YEAR)),
      Reading.phrases(THIS_YEAR, (m, p) -> new StatedDate(LocalDate.of(p.getYear(), 1, 1), Precision.YEAR)));

  /** The bit of {@link #cued} that says a sentence may write a day with its month. */
  private static final long DAY_MONTH_CUED = 1L << 63;

  /** Per cue word, the readings that need one of their cues (bit {@code r} for reading {@code r}). */
  private static final Map<String, Long> CUES = cues();

  private static Map<String, Long> cues() {
    Map<String, Long> cues = new java.util.HashMap<>();
    for (int r = 0; r < READINGS.size(); r++) {
      Set<String> words = READINGS.get(r).cues();
      if (words != null) {
        long bit = 1L << r;
        words.forEach(w -> cues.merge(w, bit, (a, b) -> a | b));
      }
    }
    DAY_MONTH_CUES.forEach(w -> cues.merge(w, DAY_MONTH_CUED, (a, b) -> a | b));
    return Map.copyOf(cues);
  }

  private static StatedDate day(int day, int month, String year, LocalDate published) {
    int y = year != null ? Integer.parseInt(year) : yearOf(month, published);
    return day >= 1 && day <= YearMonth.of(y, month).lengthOfMonth()
        ? new StatedDate(LocalDate.of(y, month, day), Precision.DAY, year != null ? null : Period.ofYears(1)) : null;
  }

  /** A month named without a year is the latest such month not after publication. */
  private static int yearOf(int month, LocalDate published) {
    return month <= published.getMonthValue() ? published.getYear() : published.getYear() - 1;
  }
}
