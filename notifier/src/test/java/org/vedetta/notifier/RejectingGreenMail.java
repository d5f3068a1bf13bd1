package org.vedetta.notifier;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A GreenMail SMTP server that answers {@code RCPT TO} for chosen addresses with a permanent failure, as a real
 * server does for an unknown mailbox:
 * {@code 550 5.1.1 <bad@example.org>: Recipient address rejected: User unknown}. Other addresses are accepted
 * and delivered as usual. Register it with {@code @RegisterExtension}: it starts on a free port before each test
 * and stops after it, forgetting the rejected addresses.
 */
public final class RejectingGreenMail extends GreenMail implements BeforeEachCallback, AfterEachCallback {

  private final Set<String> rejected = ConcurrentHashMap.newKeySet();

  public RejectingGreenMail() {
    super(ServerSetupTest.SMTP.dynamicPort());
  }

  /** From now on, {@code RCPT TO:<email>} is answered with a 550. */
  public void reject(String email) {
    rejected.add(email.toLowerCase(Locale.ROOT));
  }

  /** From now on, {@code email} is accepted again (the mailbox was fixed). */
  public void accept(String email) {
    rejected.remove(email.toLowerCase(Locale.ROOT));
  }

  /** The mail settings that send through this server. */
  public MailSettings settings() {
    return MailSettings.smtp("127.0.0.1", getSmtp().getPort());
  }

  /** The reply a rejected recipient gets. */
  public static String reply(String email) {
    return "550 5.1.1 <" + email + ">: Recipient address rejected: User unknown";
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
    return super.createServices(config, new RejectingManagers(managers));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop();
    rejected.clear();
  }

  /** The server's own managers (so received mail lands where {@link #getReceivedMessages} looks), but our SMTP one. */
  private final class RejectingManagers extends Managers {
    private final Managers delegate;
    private final SmtpManager smtp;

    RejectingManagers(Managers delegate) {
      this.delegate = delegate;
      this.smtp = new RejectingSmtpManager(delegate.getImapHostManager(), delegate.getUserManager());
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return delegate.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return delegate.getImapHostManager();
    }
  }

  private final class RejectingSmtpManager extends SmtpManager {
    RejectingSmtpManager(ImapHostManager imap, UserManager users) {
      super(imap, users);
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress address) {
      String email = address.getEmail();
      return rejected.contains(email.toLowerCase(Locale.ROOT)) ? reply(email) : super.checkRecipient(state, address);
    }
  }
}
