package se.malspar.platform.database;

import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The libraries the root pom leaves out (nothing uses them at run time; issue 16, a runnable jar
 * ≤ 100 MB) stay out of the class path that command-side, query-side and standalone inherit from
 * platform, and Hibernate runs without Byte Buddy. A dependency that brings one back fails here
 * rather than growing the jars unnoticed.
 */
class LeftOutLibrariesTest {

    /** One class of each left-out library, by name (loading it is what must fail). */
    private static final List<String> LEFT_OUT = List.of(
            "net.bytebuddy.ByteBuddy",                                 // byte-buddy (Hibernate proxies)
            "org.aspectj.weaver.Advice",                               // aspectjweaver (via spring-aspects)
            "org.springframework.beans.factory.aspectj.AnnotationBeanConfigurerAspect", // spring-aspects
            "com.thoughtworks.xstream.XStream",                        // xstream (Axon's default serializer)
            "org.apache.logging.log4j.LogManager",                     // log4j-api
            "org.apache.tomcat.websocket.server.WsSci",                // tomcat-embed-websocket
            "com.google.rpc.Status",                                   // proto-google-common-protos
            "com.google.gson.Gson",                                    // gson (gRPC's TXT service configs)
            "org.jboss.jandex.Index",                                  // jandex
            "com.sun.xml.txw2.TXW",                                    // txw2 (JAXB's schema writer)
            "com.fasterxml.jackson.dataformat.toml.TomlMapper",        // jackson-dataformat-toml (Flyway)
            "javax.annotation.Nonnull",                                // jsr305
            "com.google.errorprone.annotations.CanIgnoreReturnValue"); // error_prone_annotations

    @Test
    void librariesNothingUsesAtRunTimeAreNotOnTheClassPath() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(LEFT_OUT).filteredOn(name -> isPresent(name, loader)).as("left-out classes on the class path").isEmpty();
    }

    @Test
    void hibernateRunsWithTheNoneBytecodeProvider() {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().build();
        try {
            assertThat(registry.getService(BytecodeProvider.class))
                    .isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static boolean isPresent(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
