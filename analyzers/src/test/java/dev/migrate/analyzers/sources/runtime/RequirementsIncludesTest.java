package dev.migrate.analyzers.sources.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequirementsIncludesTest {
    @Test
    void includesAreReadRelativeToTheIncludingFile() {
        assertThat(RequirementsIncludes.of("requirements/prod.txt", """
                # production
                -r base.txt
                --requirement=../shared/common.in  # one set for every service
                -c ./constraints.txt
                --constraint ../pins/prefect.txt
                -rlocal.txt
                prefect-aws==0.4.14
                """)).containsExactly(
                new RequirementsIncludes.Include("requirements/base.txt", false),
                new RequirementsIncludes.Include("shared/common.in", false),
                new RequirementsIncludes.Include("requirements/constraints.txt", true),
                new RequirementsIncludes.Include("pins/prefect.txt", true),
                new RequirementsIncludes.Include("requirements/local.txt", false));
    }

    @Test
    void namesOutsideTheTreeAndOtherOptionsAreNotIncludes() {
        assertThat(RequirementsIncludes.of("requirements.txt", """
                -r ../platform/base.txt
                -r /opt/app/requirements.txt
                -c https://raw.githubusercontent.com/apache/airflow/constraints-2.9.1/constraints-3.9.txt
                -r ${CI_PROJECT_DIR}/ci.txt
                -e ./packages/flows
                --config-settings editable_mode=compat
                prefect==2.19.4  # -r nothing.txt
                """)).isEmpty();
        assertThat(RequirementsIncludes.of("a/b/requirements.txt", "-r ../../../base.txt\n")).isEmpty();
        assertThat(RequirementsIncludes.of("a/b/requirements.txt", "-r ../../base.txt\n"))
                .containsExactly(new RequirementsIncludes.Include("base.txt", false));
    }

    @Test
    void aCycleIsWalkedOnceAndConstraintsAreFollowedOnlyWhenAsked() {
        Map<String, List<RequirementsIncludes.Include>> edges = Map.of(
                "requirements.txt", RequirementsIncludes.of("requirements.txt", "-r base.txt\n-c pins.txt\n"),
                "base.txt", RequirementsIncludes.of("base.txt", "-r requirements.txt\n-r more.txt\n"));
        assertThat(RequirementsIncludes.reachable(List.of("requirements.txt"), edges, true))
                .containsExactly("base.txt", "more.txt", "pins.txt", "requirements.txt");
        assertThat(RequirementsIncludes.reachable(List.of("requirements.txt"), edges, false))
                .containsExactly("base.txt", "more.txt", "requirements.txt");
    }

    @Test
    void continuationLinesAreJoinedAsPipJoinsThemAndACommentLineEndsOne() {
        assertThat(RequirementsIncludes.of("requirements/prod.txt", """
                -r \\
                    base.txt
                --constraint=\\
                ../constraints.txt
                prefect==2.19.4 \\
                    --hash=sha256:00
                pandas \\
                # -r commented.txt
                -c \\
                """)).containsExactly(
                new RequirementsIncludes.Include("requirements/base.txt", false),
                new RequirementsIncludes.Include("constraints.txt", true));
    }

    @Test
    void aRequirementsFileInsideAConstraintsFileIsInstalledFrom() {
        // pip decides by the line's own option: -r in a file read with -c still installs what it names
        Map<String, List<RequirementsIncludes.Include>> edges = Map.of(
                "requirements.txt", RequirementsIncludes.of("requirements.txt", "-c constraints/prod.txt\n"),
                "constraints/prod.txt", RequirementsIncludes.of("constraints/prod.txt", "-r ../base.txt\n-c pins.txt\n"));
        assertThat(RequirementsIncludes.reachable(List.of("requirements.txt"), edges, false)).containsExactly("base.txt");
        assertThat(RequirementsIncludes.reachable(List.of("requirements.txt"), edges, true))
                .containsExactly("base.txt", "constraints/pins.txt", "constraints/prod.txt");
    }

    @Test
    void aLogicalLineEndsAfterTheLinesItIsContinuedOn() {
        String text = "prefect==3.8.3 \\\r\n    ; python_version >= \"3.9\"\r\nrequests\r\n";
        assertThat(RequirementsIncludes.endOfLogicalLine(text, 3)).isEqualTo(text.indexOf("\"\r\n") + 1);
        // pip joins on after an inline comment too (only a comment line ends the joining, itself included)
        String plain = "prefect==3.8.3  # ends in \\\nrequests \\\n# a comment line ends it\nflask\nrich";
        assertThat(RequirementsIncludes.endOfLogicalLine(plain, 0)).isEqualTo(plain.indexOf("\nflask"));
        assertThat(RequirementsIncludes.endOfLogicalLine(plain, plain.indexOf("flask"))).isEqualTo(plain.indexOf("\nrich"));
        assertThat(RequirementsIncludes.endOfLogicalLine("prefect \\", 0)).isEqualTo(9);
    }
}
