package org.vedetta.app.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The console's guard on changes: a request that changes something carries {@code http.token}, as
 * {@code Authorization: Bearer <token>} or as the form field {@code token}. Without a configured token the
 * console only reads.
 */
public final class ConsoleToken {

  private final byte[] token;

  /** @param token the configured token, or {@code null} for a read-only console */
  public ConsoleToken(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether changes can be made at all. */
  public boolean enabled() {
    return token != null;
  }

  /** @throws ForbiddenResponse (403) unless the request carries the token */
  public void require(Context ctx) {
    if (token == null) {
      throw new ForbiddenResponse("this console only reads: set http.token in application.yml to allow changes");
    }
    if (!carriedBy(ctx)) {
      throw new ForbiddenResponse("wrong or missing token");
    }
  }

  /** Whether the request carries the token (never, when none is configured). */
  public boolean carriedBy(Context ctx) {
    if (token == null) {
      return false;
    }
    String header = ctx.header("Authorization");
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7) : ctx.formParam("token");
    return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }
}
