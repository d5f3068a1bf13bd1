package org.vedetta.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into a settings record. Keys are snake_case; unknown keys are errors (a typo must not
 * be silently ignored); enum values are case-insensitive; absent numbers and booleans are 0 and false (records
 * state their defaults); durations read as {@link Durations}; a key given twice is an error. Every problem is
 * reported as a {@link Problem} naming the file, the line and the field, all of a file's unknown fields and
 * ill-typed values at once; records implementing {@link Validated} are checked after reading.
 */
public final class YamlSettings {

  private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a key given twice is an error, not "the last wins"
      .build())
      .registerModule(new JavaTimeModule())
      .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()))
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build())
      .registerModule(new JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

  private YamlSettings() {}

  /**
   * Writes a settings record as YAML that {@link #parse} reads back into an equal record: snake_case keys,
   * empty and absent values left out, strings quoted only where YAML needs it.
   */
  public static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as YAML", e);
    }
  }

  /** Reads and validates {@code file}; {@code displayName} is how errors name it (e.g. {@code config/sources.yml}). */
  public static <T> T read(Path file, String displayName, Class<T> type) {
    return read(file, displayName, type, (value, problems) -> { });
  }

  /**
   * Reads and validates {@code file}, then runs {@code check} too, for rules that need more than the file
   * itself (ids defined in another file). Its problems are reported with lines like the others.
   */
  public static <T> T read(Path file, String displayName, Class<T> type, BiConsumer<T, Problems> check) {
    return parse(readText(file, displayName), displayName, type, check);
  }

  /** The text of a settings file, or a problem saying why it cannot be had. */
  public static String readText(Path file, String displayName) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SettingsException(new Problem(displayName, 0, "", "file not found"));
    } catch (IOException e) {
      throw new SettingsException(new Problem(displayName, 0, "", "cannot be read: " + e.getMessage()));
    }
  }

  /** Reads and validates YAML text. */
  public static <T> T parse(String yaml, String displayName, Class<T> type) {
    return parse(yaml, displayName, type, (value, problems) -> { });
  }

  /** Reads and validates YAML text, then runs {@code check} too. */
  public static <T> T parse(String yaml, String displayName, Class<T> type, BiConsumer<T, Problems> check) {
    YamlLines lines = new YamlLines(yaml);
    Collected collected = new Collected(displayName, lines);
    T value;
    try {
      value = MAPPER.readerFor(type).withHandler(collected).readValue(yaml);
    } catch (JsonProcessingException e) {
      // A value left out for an earlier problem may fail the record's constructor: that problem says why.
      if (!(e instanceof ValueInstantiationException) || collected.problems.isEmpty()) {
        collected.problems.add(describe(e, displayName, lines));
      }
      throw new SettingsException(collected.inFileOrder());
    }
    if (!collected.problems.isEmpty()) {
      throw new SettingsException(collected.inFileOrder());
    }
    if (value == null) {
      throw new SettingsException(new Problem(displayName, 1, "", "is empty"));
    }
    Problems problems = new Problems();
    if (value instanceof Validated validated) {
      validated.validate(problems);
    }
    check.accept(value, problems);
    if (!problems.isEmpty()) {
      List<Problem> located = new ArrayList<>();
      for (Problems.Found f : problems.found()) {
        located.add(new Problem(displayName, lines.lineOf(f.field()), f.field(), f.message()));
      }
      throw new SettingsException(located);
    }
    return value;
  }

  private static Problem describe(JsonProcessingException e, String file, YamlLines lines) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read && read.getOriginalMessage() != null
          && read.getOriginalMessage().startsWith("Duplicate field")) {
        String key = read.getOriginalMessage().replaceFirst("^Duplicate field '(.*)'$", "$1");
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String path = field.isEmpty() ? key : field + "." + key;
        return new Problem(file, read.getLocation() == null ? line : read.getLocation().getLineNr(), path,
            "given twice (first on line " + lines.lineOf(path) + "): write each key once");
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        return new Problem(file, marked.getProblemMark().getLine() + 1, "",
            "is not valid YAML: " + marked.getProblem());
      }
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return new Problem(file, line, "", "is not valid YAML: " + e.getOriginalMessage());
    }
    String field = pathOf(mapping);
    if (!field.isEmpty()) {
      line = lines.lineOf(field);
    }
    String message;
    if (e instanceof UnrecognizedPropertyException unknown) {
      message = "unknown field; expected one of " + unknown.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
    } else if (e instanceof InvalidFormatException bad) {
      message = "invalid value '" + bad.getValue() + "'" + expected(bad.getTargetType());
    } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
      message = e.getCause().getMessage();
    } else {
      message = firstLine(e.getOriginalMessage());
    }
    return new Problem(file, line, field, message);
  }

  /**
   * Records each unknown field and ill-typed value and lets reading go on past it (the field skipped, the value
   * left out), so that one mistake does not hide the others of the file.
   */
  private static final class Collected extends DeserializationProblemHandler {
    private final String file;
    private final YamlLines lines;
    private final List<Problem> problems = new ArrayList<>();

    Collected(String file, YamlLines lines) {
      this.file = file;
      this.lines = lines;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      addAt(unknownFieldPath(ctxt, p, propertyName), "unknown field; expected one of "
          + deserializer.getKnownPropertyNames().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", ")));
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
        String failureMsg) {
      add(ctxt.getParser().getParsingContext(), targetType == Duration.class ? failureMsg
          : "invalid value '" + value + "'" + expected(targetType));
      return neutral(targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
        String failureMsg) {
      add(ctxt.getParser().getParsingContext(), "invalid value '" + value + "'" + expected(targetType));
      return neutral(targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
        JsonParser p, String failureMsg) throws IOException {
      add(fieldContext(p, p.getParsingContext().getParent() == null ? null
          : p.getParsingContext().getParent().getCurrentName()), "expected " + targetType.getRawClass().getSimpleName()
          + ", found "
          + (token == JsonToken.START_ARRAY ? "a list" : token == JsonToken.START_OBJECT ? "a mapping" : "a value"));
      p.skipChildren();
      return neutral(targetType.getRawClass());
    }

    List<Problem> inFileOrder() {
      return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }

    /**
     * The mapping context naming {@code field}, whose value the parser is in (a list or mapping value leaves the
     * parser a level or more below it), else the parser's own.
     */
    private static JsonStreamContext fieldContext(JsonParser p, String field) {
      for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
        if (c.inObject() && field != null && field.equals(c.getCurrentName())) {
          return c;
        }
      }
      return p.getParsingContext();
    }

    /**
     * Where an unknown field is. A record's properties are buffered before it is built, and the buffer's parser does
     * not know where it is: then the document's parser, at the end of the record's mapping, says which record.
     */
    private static String unknownFieldPath(DeserializationContext ctxt, JsonParser p, String propertyName) {
      JsonParser document = ctxt.getParser();
      if (document != p && document.currentToken() == JsonToken.END_OBJECT) {
        String record = pathOf(document.getParsingContext());
        return record.isEmpty() ? propertyName : record + "." + propertyName;
      }
      return pathOf(fieldContext(p, propertyName));
    }

    private void add(JsonStreamContext context, String message) {
      addAt(pathOf(context), message);
    }

    private void addAt(String field, String message) {
      problems.add(new Problem(file, lines.lineOf(field), field, message));
    }

    /** What a value left out reads as: nothing, or zero for a primitive. */
    private static Object neutral(Class<?> type) {
      return type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
    }

    /** {@code sources[1].poll_interval}, from the parser's position. */
    private static String pathOf(JsonStreamContext context) {
      List<String> segments = new ArrayList<>();
      for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
        if (c.inArray()) {
          segments.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
        } else if (c.getCurrentName() != null) {
          segments.add("." + c.getCurrentName());
        }
      }
      Collections.reverse(segments);
      String path = String.join("", segments);
      return path.startsWith(".") ? path.substring(1) : path;
    }
  }

  private static String expected(Class<?> type) {
    if (type != null && type.isEnum()) {
      return ": expected one of " + java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }
    return type == null ? "" : ": expected " + type.getSimpleName();
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return Durations.parse(text);
      } catch (IllegalArgumentException e) {
        return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, e.getMessage());
      }
    }
  }
}
