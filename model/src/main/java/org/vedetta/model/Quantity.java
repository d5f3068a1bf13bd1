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
   * Human form in English: "about 1,500 soldiers", "10,000–12,000 soldiers", "up to 40 percent", and with its role
   * "6,000 more soldiers", "about 300 soldiers killed".
   */
  public String describe() {
    String span = low == high ? String.format("%,d", low) : String.format("%,d–%,d", low, high);
    String prefix = switch (qualifier) {
      case EXACT -> "";
      case ABOUT -> low == high ? "about " : "";
      case UP_TO -> "up to ";
      case AT_LEAST -> "at least ";
      case VAGUE -> "some ";
    };
    if (qualifier == Qualifier.UP_TO || qualifier == Qualifier.AT_LEAST) {
      span = String.format("%,d", qualifier == Qualifier.UP_TO ? high : low);
    }
    if (qualifier == Qualifier.VAGUE) {
      span = "thousands of";
      prefix = "";
    }
    String amount = prefix + span;
    String what = unit == null ? "" : " " + unit;
    if (role == null || role.equals("total")) {
      return amount + what;
    }
    return switch (role) {
      case "increment" -> amount + " more" + what;
      case "contingent" -> amount + what + " (a contingent)";
      case "losses" -> amount + what + " killed or wounded";
      default -> amount + what + " " + role;
    };
  }
}
