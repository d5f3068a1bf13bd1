package org.vedetta.app.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link FigureTimeline} laid out as an SVG chart, for the template to draw: time across, the figure up, one
 * colour per role (figures of different roles count different things), a range as a band, a baseline fact as a
 * square, a development as a circle, a development judged wrong crossed out and left off its line. A vague figure
 * ("thousands of") is not drawn: it would only stretch the scale.
 *
 * @param width  of the drawing, in px
 * @param height of the drawing, in px
 * @param plot   the plotting area
 * @param xTicks dates along the bottom
 * @param yTicks figures up the side
 * @param lines  one per role, through its figures not judged wrong
 * @param marks  one per figure
 * @param legend the roles with their colours
 */
public record FigureChart(int width, int height, Area plot, List<Tick> xTicks, List<Tick> yTicks, List<Line> lines,
    List<Mark> marks, List<Line> legend) {

  /** The plotting area. */
  public record Area(int left, int top, int right, int bottom) {
    public int width() {
      return right - left;
    }

    public int height() {
      return bottom - top;
    }
  }

  /** A labelled position along an axis. */
  public record Tick(double at, String label) {}

  /**
   * The line of one role.
   *
   * @param role   its role
   * @param color  its colour
   * @param points SVG polyline points, {@code x,y x,y}
   */
  public record Line(String role, String color, String points) {}

  /**
   * One figure.
   *
   * @param x      its date's position
   * @param y      its middle's position
   * @param top    the range's top ({@code y} for a single figure)
   * @param bottom the range's bottom
   * @param color  its role's colour
   * @param square whether it is a baseline fact
   * @param wrong  whether an analyst judged it wrong
   * @param label  what a pointer over it shows: date, figure, verdict, source, judgement
   * @param href   its development's page, or {@code null}
   */
  public record Mark(double x, double y, double top, double bottom, String color, boolean square, boolean wrong,
      String label, String href) {

    public boolean range() {
      return bottom - top > 1;
    }
  }

  static final int WIDTH = 900;
  static final int HEIGHT = 340;
  private static final Area PLOT = new Area(80, 20, WIDTH - 20, HEIGHT - 40);
  private static final List<String> COLORS = List.of("#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed",
      "#0891b2", "#be185d");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  /** Lays the timeline out; an empty timeline gives an empty chart. */
  public static FigureChart of(FigureTimeline timeline) {
    List<FigureTimeline.Point> points = timeline.points().stream().filter(p -> !p.vague()).toList();
    if (points.isEmpty()) {
      return new FigureChart(WIDTH, HEIGHT, PLOT, List.of(), List.of(), List.of(), List.of(), List.of());
    }
    long first = points.get(0).date().toEpochDay();
    long last = points.get(points.size() - 1).date().toEpochDay();
    long pad = Math.max(15, (last - first) / 20);
    long from = first - pad;
    long to = last + pad;
    long top = niceCeiling(points.stream().mapToLong(FigureTimeline.Point::high).max().orElse(1) * 11 / 10);

    Map<String, String> colors = new LinkedHashMap<>();
    points.forEach(p -> colors.computeIfAbsent(p.role(), r -> COLORS.get(colors.size() % COLORS.size())));
    List<Mark> marks = new ArrayList<>();
    Map<String, StringBuilder> lines = new LinkedHashMap<>();
    for (FigureTimeline.Point p : points) {
      double x = x(p.date().toEpochDay(), from, to);
      double y = y((p.low() + p.high()) / 2.0, top);
      marks.add(new Mark(x, y, y(p.high(), top), y(p.low(), top), colors.get(p.role()), p.developmentId() == null,
          p.wrong(), label(p), p.developmentId() == null ? null : "/developments/" + p.developmentId()));
      if (!p.wrong()) {
        lines.computeIfAbsent(p.role(), r -> new StringBuilder()).append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
    }
    List<Line> drawn = lines.entrySet().stream()
        .map(e -> new Line(e.getKey(), colors.get(e.getKey()), e.getValue().toString().strip())).toList();
    List<Line> legend = colors.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue(), "")).toList();
    return new FigureChart(WIDTH, HEIGHT, PLOT, xTicks(from, to), yTicks(top), drawn, marks, legend);
  }

  private static String label(FigureTimeline.Point p) {
    return p.dateText() + ": " + p.figure() + " — " + p.verdict() + " — " + p.source()
        + (p.judgementText().isEmpty() ? "" : " — " + p.judgementText());
  }

  private static double x(long day, long from, long to) {
    return PLOT.left() + (double) (day - from) / (to - from) * PLOT.width();
  }

  private static double y(double value, long top) {
    return PLOT.bottom() - value / top * PLOT.height();
  }

  /** About six dates, at month starts, across the span. */
  private static List<Tick> xTicks(long from, long to) {
    long months = Math.max(1, (to - from) / 30);
    long step = Math.max(1, Math.round(months / 6.0));
    List<Tick> ticks = new ArrayList<>();
    LocalDate start = LocalDate.ofEpochDay(from).withDayOfMonth(1).plusMonths(1);
    for (LocalDate d = start; d.toEpochDay() <= to; d = d.plusMonths(step)) {
      ticks.add(new Tick(x(d.toEpochDay(), from, to), MONTH.format(d)));
    }
    return ticks;
  }

  /** Five steps from 0 to {@code top}. */
  private static List<Tick> yTicks(long top) {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i <= 5; i++) {
      long value = top * i / 5;
      ticks.add(new Tick(y(value, top), String.format(Locale.ENGLISH, "%,d", value)));
    }
    return ticks;
  }

  /** The smallest of 1, 2, 2.5 or 5 times a power of ten that holds {@code value}, so the five ticks are round. */
  static long niceCeiling(long value) {
    long power = 1;
    while (power * 10 < Math.max(1, value)) {
      power *= 10;
    }
    for (long candidate : new long[] {power, 2 * power, power * 5 / 2, 5 * power}) {
      boolean fiveWholeSteps = candidate % 5 == 0 || candidate < 5;
      if (candidate >= value && fiveWholeSteps) {
        return candidate;
      }
    }
    return 10 * power;
  }
}
