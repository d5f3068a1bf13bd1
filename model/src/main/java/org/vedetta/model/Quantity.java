package org.vedetta.model;

/**
 * A stated amount: an exact value has {@code low == high}, a range or a vague amount spans both.
 *
 * @param low       smallest value the statement allows
 * @param high      largest value the statement allows
 * @param unit      what is counted ({@code soldiers}, {@code percent}, ...)
 * @param qualifier how exactly it was stated
 * @param role      what the figure counts, as the knowledge set's event types name it: {@code total},
 *                  {@code increment}, {@code contingent} (troops); {@code killed}, {@code wounded},
 *                  {@code missing}, {@code captured}, {@code losses} (casualties); {@code null} when the event
 *                  type has no roles. Figures of different roles are never compared with each other.
 */
public record Quantity(long low, long high, String unit, Qualifier qualifier, String role) {

  public Quantity {
    if (low > high) {
      throw new IllegalArgumentException("low " + low + " > high " + high);
    }
  }

  /** A figure without a role. */
  public Quantity(long low, long high, String unit, Qualifier qualifier) {
    this(low, high, unit, qualifier, null);
  }

  /** The same figure in another role. */
  public Quantity withRole(String role) {
    return new Quantity(low, high, unit, qualifier, role);
  }

  public static Quantity exact(long value, String unit) {
    return new Quantity(value, value, unit, Qualifier.EXACT);
  }

  /**
   * Human form in English: "about 1,500 soldiers", "10,000–12,000 soldiers", "up to 40 percent"; a figure with a role
   * names it in brackets ("6,000 soldiers (increment)"), as {@link #describe(String)} words it better.
   */
  public String describe() {
    String unitWords = unit == null ? "" : " " + unit;
    return amount() + unitWords + (role == null ? "" : " (" + role + ")");
  }

  /**
   * Human form with the wording of the figure's role: {@code pattern} holds {@code {amount}} and {@code {unit}}
   * ("{amount} more {unit}" gives "6,000 more soldiers").
   */
  public String describe(String pattern) {
    return pattern.replace("{amount}", amount()).replace("{unit}", unit == null ? "" : unit).strip();
  }

  /** The amount alone: "about 1,500", "10,000–12,000", "up to 40", "thousands of". */
  public String amount() {
    String span = low == high ? grouped(low) : grouped(low) + "–" + grouped(high);
    String prefix = switch (qualifier) {
      case EXACT -> "";
      case ABOUT -> low == high ? "about " : "";
      case UP_TO -> "up to ";
      case AT_LEAST -> "at least ";
      case VAGUE -> "some ";
    };
    if (qualifier == Qualifier.UP_TO || qualifier == Qualifier.AT_LEAST) {
      span = grouped(qualifier == Qualifier.UP_TO ? high : low);
    }
    if (qualifier == Qualifier.VAGUE) {
      span = "thousands of";
      prefix = "";
    }
    return prefix + span;
  }

  /** "15,000": digits in groups of three, as English writes them (the same on every machine, whatever its locale). */
  static String grouped(long value) {
    String digits = Long.toString(Math.abs(value));
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (value < 0) {
      out.append('-');
    }
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }
}
