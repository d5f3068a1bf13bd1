package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.function.Function;
import org.vedetta.model.Development;
import java.time.Instant;
import org.vedetta.notifier.DisplayNames;

/**
 * Turns a {@link Digest} into the mail its subscriber reads: lays it out in their language ({@link DigestView}),
 * renders the templates, and composes the MIME message with its unsubscribe link.
 */
public final class MailComposer {

  private final DigestTemplates templates;
  private final DigestMessages messages;
  private final DisplayNames names;
  private final String focus;
  private final Corroborations corroborations;
  private final Unsubscribes unsubscribes;
  private final URI unsubscribeUrl;
  private final Function<Development, String> figuresLink;

  /**
   * @param focus          the state headlines leave unnamed as counterparty; {@code null} names every one
   * @param unsubscribeUrl the public address of the unsubscribe page, e.g. {@code https://vedetta.example/unsubscribe};
   *                       {@code null} when the service has none (mails then carry no unsubscribe link)
   */
  public MailComposer(DigestMessages messages, DisplayNames names, String focus, Corroborations corroborations,
      Unsubscribes unsubscribes, URI unsubscribeUrl, Function<Development, String> figuresLink) {
    this.templates = new DigestTemplates();
    this.messages = messages;
    this.names = names;
    this.focus = focus;
    this.corroborations = corroborations;
    this.unsubscribes = unsubscribes;
    this.unsubscribeUrl = unsubscribeUrl;
    this.figuresLink = figuresLink;
  }

  /**
   * @param router the subscriptions now, for the watchlists each development matched
   * @param since  when the subscriber's previous digest went out; shown by a mail without developments
   */
  public MimeMessage compose(Digest digest, Router router, Session session, Instant since) throws MessagingException {
    Wording wording = new Wording(digest.subscriber().language(), names, focus);
    String link = unsubscribeLink(digest.subscriber().email());
    DigestView view = DigestView.of(digest, wording, d -> router.reasons(digest.subscriber(), d),
        corroborations.otherOutlets(digest.items()), figuresLink, link, since);
    return messages.compose(session, digest, templates.render(view, wording.locale()), link);
  }

  /** The link that unsubscribes {@code email}, or {@code null} when there is no public address. */
  public String unsubscribeLink(String email) {
    if (unsubscribeUrl == null) {
      return null;
    }
    return unsubscribeUrl + (unsubscribeUrl.getRawQuery() == null ? "?" : "&") + "token=" + unsubscribes.token(email);
  }
}
