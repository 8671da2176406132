package se.malspar.standalone.security;

import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The standalone application with basic login and the demo users, plus one test-only endpoint
 * that fails unexpectedly. Every basic-login security test uses exactly this annotation, so
 * they all share one cached context (and one embedded PostgreSQL).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MalsparApplicationTest(classes = {StandaloneApplication.class, DeliberatelyFailingEndpoint.class})
@interface SecurityTestApplication {
}
