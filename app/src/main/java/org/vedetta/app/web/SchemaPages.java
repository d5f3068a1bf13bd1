package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The topics' contract for dashboard authors: {@code GET /schemas/asyncapi.yaml} (AsyncAPI 3.0) and the JSON Schema
 * of each topic it refers to ({@code /schemas/development.schema.json}, ...), as the model module ships them.
 */
public final class SchemaPages {

  /** A file of the schemas folder: lower-case words, no path. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(schema\\.json|yaml)");

  public void register(Javalin app) {
    app.get("/schemas/{name}", this::serve);
  }

  private void serve(Context ctx) {
    String name = ctx.pathParam("name");
    if (!NAME.matcher(name).matches()) {
      ctx.status(HttpStatus.NOT_FOUND).result("no such schema");
      return;
    }
    try (InputStream in = SchemaPages.class.getResourceAsStream("/schemas/" + name)) {
      if (in == null) {
        ctx.status(HttpStatus.NOT_FOUND).result("no such schema");
        return;
      }
      ctx.contentType(name.endsWith(".yaml") ? "application/yaml; charset=utf-8"
          : "application/schema+json; charset=utf-8").result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
