package se.malspar.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts the SQL statements (and commits) every connection of this JVM sends to PostgreSQL while
 * {@link #counting} is on: a JDBC driver in front of PostgreSQL's, registered before the
 * application starts ({@code -Dbench.countStatements=true}). Only for a separate counting run: the
 * proxies cost CPU of their own, so the measured runs go without it.
 */
final class StatementCounter implements Driver {

    static volatile boolean counting;
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private final Driver delegate;

    private StatementCounter(Driver delegate) {
        this.delegate = delegate;
    }

    static void install() throws SQLException {
        Driver postgres = DriverManager.getDriver("jdbc:postgresql://localhost/x");
        DriverManager.deregisterDriver(postgres);
        DriverManager.registerDriver(new StatementCounter(postgres));
    }

    static void reset() {
        COUNTS.clear();
    }

    /** Thread kind and statement (whitespace collapsed, cut to 140 characters) → how many times it ran, most frequent first. */
    static Map<String, Long> counts() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        COUNTS.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
        return sorted;
    }

    private static void count(String sql, int times) {
        if (counting && times > 0) {
            // by kind of thread (digits dropped): request threads, processors, sealer …
            String key = "[" + Thread.currentThread().getName().replaceAll("[0-9]+", "#") + "] "
                    + sql.strip().replaceAll("\\s+", " ");
            COUNTS.computeIfAbsent(key.length() > 140 ? key.substring(0, 140) + "…" : key, k -> new LongAdder()).add(times);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = delegate.connect(url, info);
        return connection == null ? null : proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            switch (method.getName()) {
                case "commit" -> count("COMMIT", 1);
                case "rollback" -> count("ROLLBACK", 1);
                case "prepareStatement" -> result = statement(PreparedStatement.class, (Statement) result, (String) args[0]);
                case "prepareCall" -> result = statement(CallableStatement.class, (Statement) result, (String) args[0]);
                case "createStatement" -> result = statement(Statement.class, (Statement) result, null);
                default -> {
                }
            }
            return result;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, Statement statement, String sql) {
        AtomicInteger batched = new AtomicInteger();
        return proxy(type, type.cast(statement), (target, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched.incrementAndGet();
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                count(sql == null ? "(batch of plain statements)" : sql, batched.getAndSet(0));
            } else if (name.startsWith("execute")) {
                count(args != null && args.length > 0 && args[0] instanceof String text ? text : sql, 1);
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (p, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return handler.handle(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{type}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return delegate.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return delegate.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return delegate.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return delegate.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return delegate.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }
}
