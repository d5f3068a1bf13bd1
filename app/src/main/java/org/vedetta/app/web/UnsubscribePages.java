package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vedetta.notifier.Notifier;
import org.vedetta.notifier.Subscriber;

/**
 * Where an unsubscribe link leads ({@code /unsubscribe?token=...}).
 * <ul>
 *   <li>{@code GET} only asks for confirmation: link scanners and prefetchers that follow links in mails change
 *       nothing.</li>
 *   <li>{@code POST} unsubscribes: the page's button, or a mail client's one-click request (RFC 8058, body
 *       {@code List-Unsubscribe=One-Click}).</li>
 * </ul>
 * A token that is not genuine gets a 400 page and changes nothing. Pages speak the subscriber's language.
 */
public final class UnsubscribePages {

  /** The path mails link to. */
  public static final String PATH = "/unsubscribe";

  private final Notifier notifier;
  private final WebTemplates templates;

  public UnsubscribePages(Notifier notifier, WebTemplates templates) {
    this.notifier = notifier;
    this.templates = templates;
  }

  public void register(Javalin app) {
    app.get(PATH, this::confirm);
    app.post(PATH, this::unsubscribe);
  }

  private void confirm(Context ctx) {
    String token = ctx.queryParam("token");
    Optional<String> address = notifier.unsubscribeAddress(token);
    if (address.isEmpty()) {
      invalid(ctx);
      return;
    }
    page(ctx, "confirm", address.get(), token);
  }

  private void unsubscribe(Context ctx) {
    String token = ctx.queryParam("token");
    if (token == null) {
      token = ctx.formParam("token");
    }
    Optional<String> address = notifier.unsubscribe(token);
    if (address.isEmpty()) {
      invalid(ctx);
      return;
    }
    page(ctx, "done", address.get(), null);
  }

  private void invalid(Context ctx) {
    ctx.status(HttpStatus.BAD_REQUEST);
    Map<String, Object> variables = new HashMap<>();
    variables.put("state", "invalid");
    ctx.html(templates.render("unsubscribe", Locale.ENGLISH, variables));
  }

  private void page(Context ctx, String state, String address, String token) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("state", state);
    variables.put("address", address);
    variables.put("action", token == null ? null : PATH + "?token=" + token);
    ctx.html(templates.render("unsubscribe", localeOf(address), variables));
  }

  private Locale localeOf(String address) {
    return notifier.subscriber(address).map(Subscriber::language).map(Locale::forLanguageTag)
        .orElse(Locale.ENGLISH);
  }
}
