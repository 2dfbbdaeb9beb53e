package dev.migrate.validators.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.JobResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-place comparison claims to work on PostgreSQL 11 and 12 (no {@code trim_scale}, no soft casts). No such server
 * can be installed here (Debian's archive carries one PostgreSQL, 15), so every statement the validator sends while
 * comparing tables that take every reading (keys split into segments, samples, flags, intervals, numbers, moments and
 * JSON read from text, unbounded numerics, a tolerance, a dataset without key) is taken from the server's own
 * statement log, and each function it calls must be one the PostgreSQL 11 manual documents
 * ({@code postgresql-11-functions.txt}, written from that manual).
 */
class PostgresOldestVersionFunctionsTest {
    private static final int ROWS = 3000;
    private static PostgresPair pg;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresPair.start();
        String rows = " FROM generate_series(1, " + ROWS + ") g";
        pg.legacy("CREATE TABLE everything AS SELECT g AS id, 'name ' || g AS label, (g % 7)::text AS qty, "
                + "(g / 4.0)::numeric AS amount, CASE WHEN g % 2 = 0 THEN 'Y' ELSE 'N' END AS active, "
                + "(g % 30) || ' days' AS wait, '2024-03-01T02:30:00+01:00' AS at, "
                + "('{\"n\": ' || g || ', \"tags\": [\"a\"]}')::json AS body, g * 0.5::float8 AS ratio,"
                + "(g % 12 || ' hours')::interval AS span" + rows,
                "ALTER TABLE everything ADD PRIMARY KEY (id)");
        pg.current("CREATE TABLE everything AS SELECT g AS id, 'name ' || g AS label, (g % 7)::int8 AS qty, "
                + "(g / 4.0)::numeric(20, 6) AS amount, g % 2 = 0 AS active, ((g % 30) || ' days')::interval AS wait, "
                + "'2024-03-01 01:30:00Z'::timestamptz AS at, ('{\"tags\": [\"a\"], \"n\": ' || g || '}')::jsonb AS body, "
                + "g * 0.5::float8 + CASE WHEN g = 5 THEN 0.001 ELSE 0 END AS ratio, (g % 12 || ' hours')::interval AS span"
                + rows,
                "ALTER TABLE everything ADD PRIMARY KEY (id)",
                // a few rows differ, missing or extra, spread so that segments split down to key hashes
                "UPDATE everything SET label = 'renamed' WHERE id IN (17, 1500, 2999)",
                "DELETE FROM everything WHERE id = 800", "INSERT INTO everything (id, label) VALUES (" + (ROWS + 1)
                        + ", 'new')");
        pg.logStatements(); // from here on: only the validator's sessions
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void everyFunctionTheComparisonCallsIsDocumentedForPostgresql11() throws Exception {
        String keyed = pg.inPlace("everything", "everything").replace("key: id}",
                "key: id, tolerances: {ratio: {absolute: 0.01}}}");
        JobResult job = pg.run(keyed);
        assertThat(job.checks()).isNotEmpty();
        pg.run(pg.inPlace("everything", "everything").replace(", key: id}", "}"));
        pg.dryRun(keyed);

        List<String> statements = statements(pg.loggedSince());
        // the statements were logged: the check below is not vacuous
        assertThat(statements).anySatisfy(s -> assertThat(s).contains("md5("));
        assertThat(statements).anySatisfy(s -> assertThat(s).contains("::interval"));
        Set<String> called = new TreeSet<>();
        statements.forEach(s -> called.addAll(functions(s)));
        Set<String> documented = documented();
        assertThat(called).as("functions sent to PostgreSQL that its 11 manual does not document (in: %s)", called)
                .allMatch(documented::contains);
    }

    /** The check finds a function newer than PostgreSQL 11, and no function in a string or in SQL's own syntax. */
    @Test
    void aFunctionNewerThanTheOldestServerIsFound() throws IOException {
        assertThat(functions("SELECT trim_scale(x::numeric(10, 2)), CAST(y AS varchar(3)) FROM t "
                + "WHERE (a, b) IN ((1, 2)) AND z ~ 'gcd(' AND count(*) FILTER (WHERE q) > 0"))
                .containsExactlyInAnyOrder("trim_scale", "count");
        assertThat(documented()).contains("regexp_replace", "md5").doesNotContain("trim_scale", "gcd", "date_bin");
    }

    /** SQL words and type names that stand before a parenthesis without being a function call. */
    private static final Set<String> SYNTAX = Set.of("select", "from", "where", "and", "or", "not", "in", "exists",
            "values", "as", "on", "using", "over", "filter", "within", "any", "all", "some", "case", "when", "then",
            "else", "end", "cast", "row", "array", "collate", "by", "is", "distinct", "join", "lateral", "limit",
            "numeric", "decimal", "bit", "varchar", "char", "character", "varying", "timestamp", "time", "interval",
            "float", "precision", "into", "table", "set", "with", "union", "except", "intersect");

    private static final Pattern CALL = Pattern.compile("(?<![\\w.\"])([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    static Set<String> functions(String sql) {
        // string literals hold patterns (regexp_replace's), not calls; quoted names are no functions
        String code = sql.replaceAll("'(?:[^']|'')*'", "''").replaceAll("\"(?:[^\"]|\"\")*\"", "\"\"");
        Set<String> out = new TreeSet<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!SYNTAX.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The statements of the log: a server line that logs one ({@code statement:} for the simple protocol,
     * {@code execute <name>:} for the extended one the driver uses) and the lines that continue it. The driver's own
     * catalogue queries (types, metadata) follow the server version the driver finds, so only the validator's are kept.
     */
    static List<String> statements(String log) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        Pattern start = Pattern.compile("LOG:  (?:statement|execute [^:]*): (.*)");
        for (String line : log.split("\n")) {
            boolean serverLine = line.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*");
            if (serverLine) {
                if (current != null) {
                    out.add(current.toString());
                    current = null;
                }
                Matcher m = start.matcher(line);
                if (m.find()) {
                    current = new StringBuilder(m.group(1));
                }
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out.stream().filter(s -> !s.contains("pg_catalog.") && !s.contains("FROM pg_"))
                .collect(Collectors.toList());
    }

    private static Set<String> documented() throws IOException {
        try (InputStream in = PostgresOldestVersionFunctionsTest.class.getResourceAsStream("postgresql-11-functions.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        }
    }
}
