package org.vedetta.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.vedetta.model.Json;

/**
 * The JSON API's bodies: read strictly (a field the type does not have is refused: a typo must not pass
 * silently), written as every record is (snake_case, absent values left out).
 */
final class JsonExchange {

  private static final ObjectMapper BODY = Json.mapper().copy()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonExchange() {}

  /**
   * The request's body as {@code type}.
   *
   * @param what how the refusal names it ("not a watchlist: ...")
   * @throws BadRequestResponse (400) when it is empty or not one
   */
  static <T> T body(Context ctx, Class<T> type, String what) {
    try {
      T value = BODY.readValue(ctx.body(), type);
      if (value == null) {
        throw new BadRequestResponse("an empty body: expected " + what);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse("not " + what + ": " + e.getOriginalMessage());
    }
  }

  /** Answers with {@code value} as JSON. */
  static void json(Context ctx, Object value) {
    ctx.contentType("application/json").result(Json.writeString(value));
  }
}
