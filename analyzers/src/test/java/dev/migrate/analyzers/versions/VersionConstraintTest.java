package dev.migrate.analyzers.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.versions.AdmittedRange.End;
import dev.migrate.analyzers.versions.VersionConstraint.Clause;
import dev.migrate.analyzers.versions.VersionConstraint.Dialect;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One reading of a version constraint for the three readers that used to parse their own (the lowest Python a project
 * declares, the reading a prefect pin fixes, the shape a moved pin keeps). The rows are constraint strings as public
 * pyproject.toml, requirements, setup.py and PKG-INFO files write them (the Poetry {@code ^2.8}, {@code ~3.9} and
 * {@code >=3.9 <3.11} lines, {@code prefect>=3.0.0rc1,<3.3.0}, {@code Requires-Dist: prefect<3.0.0,>=2.13.5},
 * {@code python_requires=">=3.6, !=3.7.*, <3.9"}, {@code prefect[aws]==3.6.29}), with the operators each clause has and
 * the range the whole admits: {@code [} and {@code ]} an end that is admitted, {@code -} and {@code +} no end,
 * {@code empty} when nothing is admitted, {@code unread} for what this does not read.
 */
class VersionConstraintTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            PEP440 | >=2.10,<3               | >= <      | [2.10,3)
            PEP440 | >=2.0.0,<3.0.0          | >= <      | [2.0.0,3.0.0)
            PEP440 | <3.0.0,>=2.13.5         | < >=      | [2.13.5,3.0.0)
            PEP440 | >=3.0.0rc1              | >=        | [3.0.0,+)
            PEP440 | >=3.0.0rc1,<3.3.0       | >= <      | [3.0.0,3.3.0)
            PEP440 | >=2.0b2                 | >=        | [2.0,+)
            PEP440 | ==3.4.*                 | ==        | [3.4,3.5)
            PEP440 | ==3.6.29                | ==        | [3.6.29,3.6.29]
            PEP440 | ==3.1                   | ==        | [3.1,3.1]
            PEP440 | ==3                     | ==        | [3,4)
            PEP440 | ===3.5.0                | ===       | [3.5.0,3.5.0]
            PEP440 | ~=3.1                   | ~=        | [3.1,4)
            PEP440 | ~=3.4.0                 | ~=        | [3.4.0,3.5)
            PEP440 | ~=2.14.3.post1          | ~=        | [2.14.3,2.15)
            PEP440 | ">=3.6, !=3.7.*, <3.9"  | >= != <   | [3.6,3.9)
            PEP440 | ">=3.6, !=3.7.*"        | >= !=     | [3.6,+)
            PEP440 | >=3.8.1,<4.0            | >= <      | [3.8.1,4.0)
            PEP440 | >3.7                    | >         | (3.7,+)
            PEP440 | <=2.20                  | <=        | (-,2.20]
            PEP440 | !=3.4.1                 | !=        | (-,+)
            PEP440 | " >= 3.0 , < 3.5 "      | >= <      | [3.0,3.5)
            PEP440 | ">=3.8,"                | >=        | [3.8,+)
            PEP440 | ==v3.5.0                | ==        | [3.5.0,3.5.0]
            PEP440 | ==2.14.2+local.1        | ==        | [2.14.2,2.14.2]
            PEP440 | >=3.6,<3.5              | >= <      | empty
            PEP440 | ==3.4.1,>=3.5           | == >=     | empty
            PEP440 | ^3.4                    | ^         | [3.4,4)
            PEP440 | *                       | ""        | (-,+)
            PEP440 | 3.4.1                   | -         | unread
            PEP440 | ~=3                     | -         | unread
            PEP440 | >=3.8 <4                | -         | unread
            PEP440 | >=3.*                   | -         | unread
            PEP440 | ==3.4.1foo              | -         | unread
            PEP440 | latest                  | -         | unread
            PEP440 | >=                      | -         | unread
            PEP440 | ""                      | -         | unread
            POETRY | ^2.8                    | ^         | [2.8,3)
            POETRY | ^2.14.0                 | ^         | [2.14.0,3)
            POETRY | ^0.4                    | ^         | [0.4,0.5)
            POETRY | ^0.0.3                  | ^         | [0.0.3,0.0.4)
            POETRY | ~3.9                    | ~         | [3.9,3.10)
            POETRY | ~3.8.1                  | ~         | [3.8.1,3.9)
            POETRY | ~3                      | ~         | [3,4)
            POETRY | 3.4.25                  | ""        | [3.4.25,3.4.25]
            POETRY | 3.9.*                   | ""        | [3.9,3.10)
            POETRY | =3.9                    | =         | [3.9,3.9]
            POETRY | *                       | ""        | (-,+)
            POETRY | ">=3.8, <3.11"          | >= <      | [3.8,3.11)
            POETRY | >=3.9 <3.11             | >= <      | [3.9,3.11)
            POETRY | ">= 1.2, < 1.5"         | >= <      | [1.2,1.5)
            POETRY | "^3.8 || ^3.9 || ^3.10" | -        | unread
            POETRY | ~=3                     | -         | unread
            """)
    void readsTheClausesAndTheRangeTheyAdmit(Dialect dialect, String text, String ops, String range) {
        var parsed = VersionConstraint.parse(text, dialect);
        if (range.equals("unread")) {
            assertThat(parsed).as(text).isEmpty();
            return;
        }
        assertThat(parsed).as(text).isPresent();
        assertThat(parsed.get().clauses().stream().map(Clause::op).collect(Collectors.joining(" "))).as(text).isEqualTo(ops);
        assertThat(render(parsed.get().range())).as(text).isEqualTo(range);
    }

    /** Each clause keeps its place, so a reader edits one and keeps the rest as written. */
    @Test
    void clausesKnowWhereTheyStand() {
        VersionConstraint c = VersionConstraint.poetry(" >= 3.8, <4.0").orElseThrow();
        Clause first = c.clauses().get(0);
        assertThat(first.text()).isEqualTo(">= 3.8");
        assertThat(first.gap()).isEqualTo(" ");
        assertThat(c.text().substring(first.versionStart(), first.end())).isEqualTo("3.8");
        assertThat(c.clauses().get(1).start()).isEqualTo(9);
        assertThat(c.spaceSeparated()).isFalse();
        assertThat(VersionConstraint.poetry(">=3.9 <3.11").orElseThrow().spaceSeparated()).isTrue();
        assertThat(VersionConstraint.pep440("==3.4.*").orElseThrow().clauses().get(0).wildcard()).isTrue();
    }

    @Test
    void releasesCompareAsPep440PadsThem() {
        assertThat(Release.of("3.4").compareTo(Release.of("3.4.0"))).isZero();
        assertThat(Release.of("3.10").compareTo(Release.of("3.9.18"))).isPositive();
        assertThat(Release.of("3.4.1").next(2)).hasToString("3.5");
        assertThat(Release.of("3.8.3").prefix(2)).hasToString("3.8");
        assertThat(Release.of("3").prefix(3)).hasToString("3.0.0");
        assertThat(Release.leading("v3.5.0rc1")).contains(Release.of("3.5.0"));
        assertThat(Release.leading("2-python3.10")).contains(Release.of("2"));
        assertThat(Release.leading("{{ version }}")).isEmpty();
        assertThat(Release.leading(null)).isEmpty();
    }

    private static String render(AdmittedRange r) {
        if (r.admitsNothing()) {
            return "empty";
        }
        End lo = r.lower();
        End hi = r.upper();
        return (lo == null ? "(-" : (lo.inclusive() ? "[" : "(") + lo.release()) + ","
                + (hi == null ? "+)" : hi.release() + (hi.inclusive() ? "]" : ")"));
    }
}
