package se.malspar.query.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the web pages (wherever its feature package is), so that a page that
 * cannot be shown answers with a Swedish page ({@link PageErrors}) and never with the API's JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WebPage {
}
