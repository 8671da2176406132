package se.malspar.bench;

import se.malspar.platform.database.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The physical limit of the write benchmark (issue 16), measured in the same run on the same
 * PostgreSQL: what the writes leave in the database per command (rows, write transactions, WAL
 * bytes), and a closed loop of "commands" that each insert that many single rows through plain
 * JDBC and commit durably, with the writes' concurrency, in a table of a {@code bench} schema
 * (dropped again) whose rows carry as many bytes as the average event's payload and metadata.
 */
final class JdbcInsertReference implements AutoCloseable {

    private final EmbeddedDatabase database;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final List<Connection> opened = new ArrayList<>();
    private final byte[] row;

    JdbcInsertReference(EmbeddedDatabase database) throws SQLException {
        this.database = database;
        try (Connection c = database.connectAsSuperuser(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("create table if not exists bench.insert_reference (id bigserial primary key, command bigint not null,"
                    + " payload bytea not null)");
            try (ResultSet r = s.executeQuery("select coalesce(avg(octet_length(payload) + octet_length(meta_data)), 500)::int"
                    + " from domain_event_entry")) {
                r.next();
                row = new byte[r.getInt(1)];
            }
        }
        for (int i = 0; i < row.length; i++) {
            row[i] = (byte) (i * 31 + 7);
        }
    }

    /** What the database holds and has written so far: rows in every table of the schema, assigned transaction ids, WAL. */
    record Position(long rows, long xid, long walBytes) {
        Delta minus(Position before, long commands) {
            return new Delta((rows - before.rows) / (double) commands, (xid - before.xid) / (double) commands,
                    (walBytes - before.walBytes) / (double) commands);
        }
    }

    record Delta(double rowsPerCommand, double transactionsPerCommand, double walBytesPerCommand) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f rows, %.2f write transactions, %.0f WAL bytes per command",
                    rowsPerCommand, transactionsPerCommand, walBytesPerCommand);
        }
    }

    Position position() throws SQLException {
        try (Connection c = database.connectAsSuperuser(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select quote_ident(table_name) from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            long rows = 0;
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("select count(*) from public." + table)) {
                    r.next();
                    rows += r.getLong(1);
                }
            }
            try (ResultSet r = s.executeQuery("select txid_snapshot_xmax(txid_current_snapshot()),"
                    + " pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
                r.next();
                return new Position(rows, r.getLong(1), r.getLong(2));
            }
        }
    }

    /** One "command": {@code inserts} single-row inserts in one transaction, committed (durably: synchronous_commit=on). */
    Load.Request command(int inserts) {
        return n -> {
            Connection c = connection();
            try (PreparedStatement insert = c.prepareStatement("insert into bench.insert_reference (command, payload) values (?, ?)")) {
                for (int i = 0; i < inserts; i++) {
                    insert.setLong(1, n);
                    insert.setBytes(2, row);
                    insert.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        };
    }

    int rowBytes() {
        return row.length;
    }

    private Connection connection() throws SQLException {
        Connection c = connections.get();
        if (c == null || c.isClosed()) {
            c = database.connectAsSuperuser();
            c.setAutoCommit(false);
            connections.set(c);
            synchronized (opened) {
                opened.add(c);
            }
        }
        return c;
    }

    /** Closes the connections of a finished loop (each loop has threads, and so connections, of its own). */
    void closeConnections() throws SQLException {
        synchronized (opened) {
            for (Connection c : opened) {
                c.close();
            }
            opened.clear();
        }
    }

    @Override
    public void close() throws SQLException {
        closeConnections();
        try (Connection c = database.connectAsSuperuser(); Statement s = c.createStatement()) {
            s.execute("drop schema bench cascade");
        }
    }
}
