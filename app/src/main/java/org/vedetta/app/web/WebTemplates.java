package org.vedetta.app.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The Thymeleaf engine of the web pages: templates in {@code web/*.html} (HTML mode, so everything inserted is
 * escaped), fixed words from {@code web/<template>[_xx].properties} next to each template, through
 * {@code #{key}}.
 */
public final class WebTemplates {

  private final TemplateEngine engine = new TemplateEngine();

  public WebTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(WebTemplates.class.getClassLoader());
    resolver.setPrefix("web/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setResolvablePatterns(Set.of("*"));
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  /** Renders {@code web/<template>.html} in {@code locale} with {@code variables}. */
  public String render(String template, Locale locale, Map<String, Object> variables) {
    Context context = new Context(locale, variables);
    context.setVariable("lang", locale.getLanguage());
    return engine.process(template, context);
  }
}
