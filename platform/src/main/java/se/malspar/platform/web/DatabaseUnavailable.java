package se.malspar.platform.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises, anywhere in a cause chain (Spring's, Hibernate's and Axon's wrappers included), an
 * error that says the database could not be reached or dropped the connection, as opposed to an
 * error in the request: such a request is answered 503 with {@code Retry-After}, never 500.
 */
final class DatabaseUnavailable {

    static final String RETRY_AFTER_SECONDS = "1";

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && (connectionLevel(sql.getSQLState()) || closedByThePool(sql))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != error && causes(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Hikari closes a pooled connection the moment the server drops it; a transaction that was
     * still using it then fails with this (no SQLSTATE).
     */
    private static boolean closedByThePool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server is shutting down, crashed
     * or cannot accept connections yet) and 53300 (too many connections).
     */
    private static boolean connectionLevel(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
