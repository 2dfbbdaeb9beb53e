package dev.migrate.validators.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throw-away PostgreSQL server on loopback for tests and benchmarks. PostgreSQL refuses to
 * run as root, so under root the server runs as {@code nobody} through {@code runuser}, in a data
 * directory that user owns. Password authentication over TCP, as a real deployment would use.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String PASSWORD = "pg-test-" + Long.toHexString(System.nanoTime());
    private final Path dir;
    private final Path bin;
    private final int port;
    private final List<String> asUser;

    private PostgresServer(Path dir, Path bin, int port, List<String> asUser) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asUser = asUser;
    }

    /** The directory holding initdb/pg_ctl, from PATH or the Debian layout; empty when PostgreSQL is absent. */
    public static Optional<Path> binaries() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb")) && Files.isExecutable(Path.of(p, "pg_ctl"))) {
                return Optional.of(Path.of(p));
            }
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static PostgresServer shared;

    /**
     * The one server of this JVM that the PostgreSQL tests share, started on first use and stopped when the JVM
     * exits: each test class keeps to databases of its own ({@link PostgresDatabases}), so starting a server per class
     * (initdb, start, stop: seconds each on a loaded machine) buys no isolation that the databases do not give.
     */
    public static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            PostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException | InterruptedException e) {
                    // the JVM is exiting and nothing is left to tell: the server's /tmp directory stays behind
                }
            }, "stop shared PostgreSQL"));
            shared = server;
        }
        return shared;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL binaries not found"));
        boolean root = "root".equals(System.getProperty("user.name"));
        // Under root the directory must be reachable by nobody: /tmp is world-traversable, JUnit's @TempDir is not.
        Path dir = Files.createTempDirectory(root ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir")),
                "migrate-pg-");
        Path pw = Files.writeString(dir.resolve("pw"), PASSWORD + "\n", StandardCharsets.UTF_8);
        List<String> asUser = root ? List.of("runuser", "-u", "nobody", "--") : List.of();
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            GroupPrincipal group = users.lookupPrincipalByGroupName("nogroup");
            for (Path p : List.of(dir, pw)) {
                Files.setOwner(p, users.lookupPrincipalByName("nobody"));
                Files.getFileAttributeView(p, PosixFileAttributeView.class).setGroup(group);
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(dir, bin, port, asUser);
        server.run("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "-E", "UTF8", "--no-locale",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + pw);
        server.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off", "start");
        return server;
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(asUser);
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(tool + ".out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(tool + " failed: " + Files.readString(dir.resolve(tool + ".out"))
                    + (Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : ""));
        }
    }

    /** The server's log: what it logged, and every statement when a database sets {@code log_statement}. */
    public Path log() {
        return dir.resolve("log");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void execute(String database, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", PASSWORD);
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
