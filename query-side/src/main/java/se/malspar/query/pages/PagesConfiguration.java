package se.malspar.query.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * The pages speak Swedish whatever the browser asks for, and their few assets (one style sheet,
 * one script) are served by Målspår itself from {@code /assets/**}: nothing comes from outside.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/pages/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(SWEDISH);
    }
}
