package se.malspar.platform.database;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application's settings are
 * final (after every initializer, before the context is built), so that initdb and the server's
 * start — seconds on a fresh data directory, and a separate process — overlap with Spring building
 * the context instead of coming before everything that needs the database (BENCHMARKS.md, cold
 * start). The {@code embeddedDatabase} bean takes the started server; should the context fail
 * before it asks for it, the server is stopped when the context is destroyed.
 * {@code malspar.embedded-postgres.early-start=false} starts it in the bean, as before.
 */
public class EarlyEmbeddedDatabase implements ApplicationListener<ApplicationPreparedEvent> {

    static final String BEAN = "malsparEarlyEmbeddedDatabase";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        Environment env = context.getEnvironment();
        // The same condition as EmbeddedPostgresAutoConfiguration's: no external server named.
        if (!env.getProperty("spring.datasource.url", "").isEmpty()
                || !env.getProperty("malspar.embedded-postgres.early-start", Boolean.class, true)
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)
                || beans.containsSingleton(BEAN)) {
            return;
        }
        Start start = new Start(env, context);
        beans.registerSingleton(BEAN, start);
        beans.registerDisposableBean(BEAN, start);
    }

    /** A server being started; {@link #take()} hands it over (once) to the bean that owns it from then on. */
    static final class Start implements DisposableBean {

        private final CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        Start(Environment env, ConfigurableApplicationContext context) {
            Thread starter = new Thread(() -> {
                try {
                    server.complete(EmbeddedPostgresAutoConfiguration.start(env, context));
                } catch (Throwable e) {
                    server.completeExceptionally(e);
                }
            }, "embedded-postgres-start");
            starter.setDaemon(true);
            starter.start();
        }

        EmbeddedDatabase take() {
            taken.set(true);
            try {
                return server.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }

        @Override
        public void destroy() {
            if (!taken.get()) {
                // Never handed over (the context failed first): nobody else will stop it.
                server.thenAccept(EmbeddedDatabase::close).exceptionally(e -> null).join();
            }
        }
    }
}
