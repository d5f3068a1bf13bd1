package org.vedetta.notifier.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.vedetta.notifier.DisplayNames;

/**
 * Renders a {@link DigestView} with the Thymeleaf templates {@code templates/digest.html} (HTML mode: everything
 * from an article is escaped) and {@code templates/digest.txt} (text mode). Their fixed words ({@code #{key}})
 * come from {@code i18n/digest[_xx].properties} in the view's language.
 */
public final class DigestTemplates {

  /** The rendered bodies of one mail. */
  public record Rendered(String subject, String text, String html) {}

  private final TemplateEngine engine = new TemplateEngine();

  public DigestTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    engine.setMessageResolver(new BundleMessages());
  }

  public Rendered render(DigestView view, Locale locale) {
    Context context = new Context(locale);
    context.setVariable("mail", view);
    context.setVariable("lang", locale.getLanguage());
    return new Rendered(view.subject(), engine.process("digest.txt", context), engine.process("digest.html", context));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DigestTemplates.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** {@code #{key(args)}} from the bundle of the context's language, through {@link Wording#message}. */
  private static final class BundleMessages implements IMessageResolver {
    private final Map<String, Wording> wordings = new ConcurrentHashMap<>();

    @Override
    public String getName() {
      return "vedetta-digest";
    }

    @Override
    public Integer getOrder() {
      return 1;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      Wording wording = wordings.computeIfAbsent(context.getLocale().getLanguage(),
          language -> new Wording(language, DisplayNames.fromIds()));
      return wording.message(key, parameters == null ? new Object[0] : parameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
        Object[] parameters) {
      return "??" + key + "??";
    }
  }
}
