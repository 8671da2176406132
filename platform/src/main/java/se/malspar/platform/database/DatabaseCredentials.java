package se.malspar.platform.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The passwords of the embedded PostgreSQL's three roles (superuser, schema owner, application),
 * generated on first start into {@code <data-dir>/database-credentials.properties}, readable by
 * its owner only (0600). Hex, so they never need quoting in SQL.
 */
record DatabaseCredentials(String superuser, String owner, String app) {

    static final String FILE = "database-credentials.properties";

    static DatabaseCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                return new DatabaseCredentials(required(p, "postgres", file), required(p, EmbeddedDatabase.OWNER_ROLE, file),
                        required(p, EmbeddedDatabase.APP_ROLE, file));
            }
            DatabaseCredentials created = new DatabaseCredentials(generate(), generate(), generate());
            Properties p = new Properties();
            p.setProperty("postgres", created.superuser());
            p.setProperty(EmbeddedDatabase.OWNER_ROLE, created.owner());
            p.setProperty(EmbeddedDatabase.APP_ROLE, created.app());
            Path tmp = privateFile(dataDir.resolve(FILE + ".new"));
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Passwords of the embedded PostgreSQL roles (generated; keep this file private)");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }

    /** A new, empty file only its owner may read or write (on POSIX file systems). */
    static Path privateFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no password for " + key);
        }
        return value;
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[hidden]";
    }
}
