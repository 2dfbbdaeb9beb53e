package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * A Prefect 2 deployment's interval schedule with a naive anchor_date and a timezone other than UTC. Prefect 2 read the
 * anchor as UTC (pendulum, PrefectHQ/prefect#9763): {@code datetime(2024, 1, 1, 9)} with New York ran at 09:00 UTC,
 * 04:00 in New York. Prefect 3 versions read a naive anchor as UTC or in the timezone, so the conversion used to carry
 * the schedule as it was and the runs could move by the zone's offset; the anchor is now written as the instant
 * Prefect 2 used, as prefect.yaml's {@code schedule:} conversion writes it (Prefect2AnchorDate).
 */
class ReplaceDeploymentBuildFromFlowAnchorDateTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentBuildFromFlow());
    }

    private static final String BEFORE = """
            from datetime import datetime, timedelta

            from prefect.deployments import Deployment
            from prefect.server.schemas.schedules import IntervalSchedule

            from etl import etl

            Deployment.build_from_flow(
                flow=etl,
                name="nightly",
                work_pool_name="etl",
                schedule=IntervalSchedule(interval=timedelta(days=1), anchor_date=%s, timezone="America/New_York"),
                enforce_parameter_schema=True,
                apply=True,
            )
            """;

    private static final String AFTER = """
            from datetime import datetime, timedelta
            from pathlib import Path

            from prefect.server.schemas.schedules import IntervalSchedule

            from etl import etl

            etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="etl.py:etl").deploy(
                name="nightly",
                work_pool_name="etl",
                schedules=[IntervalSchedule(interval=timedelta(days=1), anchor_date=%s, timezone="America/New_York")],
                enforce_parameter_schema=True,
            )
            """;

    @Test
    void aNaiveDatetimeIsWrittenAsTheInstantPrefect2Used() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(MigrationNotes.Row::message).filteredOn(m -> m.contains("anchor_date"))
                        .singleElement().asString()
                        .contains("`anchor_date=datetime(2024, 1, 1, 9)` with `timezone=\"America/New_York\"` is now "
                                + "`anchor_date=\"2024-01-01T09:00:00+00:00\"`")
                        .contains("at 09:00 UTC, 04:00 in America/New_York on 2024-01-01")
                        .contains("write `anchor_date=\"2024-01-01T14:00:00+00:00\"` instead")),
            python(BEFORE.formatted("datetime(2024, 1, 1, 9)"),
                AFTER.formatted("\"2024-01-01T09:00:00+00:00\"").replace("from datetime import datetime, timedelta",
                        "from datetime import timedelta"),
                spec -> spec.path("flows/deploy.py")));
    }

    // the digits as written, with the offset after them, in the file's quotes
    @Test
    void aNaiveStringKeepsItsDigits() {
        rewriteRun(python(BEFORE.formatted("'2024-01-01 09:00'"), AFTER.formatted("\"2024-01-01 09:00+00:00\""),
                spec -> spec.path("flows/deploy.py")));
    }

    @Test
    void pendulumNaiveIsWrittenAsTheInstantToo() {
        rewriteRun(python(BEFORE.formatted("pendulum.naive(2024, 1, 1, 9, 30)").replace("from etl import etl",
                        "import pendulum\n\nfrom etl import etl"),
                // the naive call was pendulum's one use in the file: its import goes with it
                AFTER.formatted("\"2024-01-01T09:30:00+00:00\""),
                spec -> spec.path("flows/deploy.py")));
    }

    // a schedule built once and given to the deployment by name: its assignment is where the anchor is
    @Test
    void aScheduleVariableGetsTheInstantWhereItIsBuilt() {
        rewriteRun(python(
            """
            from datetime import datetime, timedelta

            from prefect.deployments import Deployment
            from prefect.server.schemas.schedules import IntervalSchedule

            from etl import etl

            hourly = IntervalSchedule(interval=timedelta(hours=1), anchor_date=datetime(2024, 1, 1, 9, 15), timezone="Europe/Berlin")

            Deployment.build_from_flow(flow=etl, name="hourly", work_pool_name="etl", schedule=hourly, enforce_parameter_schema=True, apply=True)
            """,
            """
            from datetime import timedelta
            from pathlib import Path

            from prefect.server.schemas.schedules import IntervalSchedule

            from etl import etl

            hourly = IntervalSchedule(interval=timedelta(hours=1), anchor_date="2024-01-01T09:15:00+00:00", timezone="Europe/Berlin")

            etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="etl.py:etl").deploy(name="hourly", work_pool_name="etl", schedules=[hourly], enforce_parameter_schema=True)
            """,
            spec -> spec.path("flows/deploy.py")));
    }

    // a 2.x dict schedule becomes an IntervalSchedule, its naive anchor the instant Prefect 2 read
    @Test
    void aDictScheduleGetsTheInstantInItsClass() {
        rewriteRun(python(BEFORE.formatted("X").replace("from prefect.server.schemas.schedules import IntervalSchedule\n", "")
                        .replace("from datetime import datetime, timedelta\n\n", "").replace(
                        "schedule=IntervalSchedule(interval=timedelta(days=1), anchor_date=X, timezone=\"America/New_York\"),",
                        "schedule={\"interval\": 86400, \"anchor_date\": \"2024-01-01T09:00:00\", \"timezone\": \"America/New_York\"},"),
                AFTER.formatted("X").replace(
                        "schedules=[IntervalSchedule(interval=timedelta(days=1), anchor_date=X, timezone=\"America/New_York\")],",
                        "schedules=[IntervalSchedule(interval=86400, anchor_date=\"2024-01-01T09:00:00+00:00\", timezone=\"America/New_York\")],")
                        .replace("from prefect.server.schemas.schedules import IntervalSchedule\n",
                                "from prefect.client.schemas.schedules import IntervalSchedule\n")
                        .replace("from datetime import datetime, timedelta\n", ""),
                spec -> spec.path("flows/deploy.py")));
    }

    // an anchor the rewrite cannot read is left as it is, with a note that it may be read two ways
    @Test
    void aComputedAnchorIsLeftWithANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .filteredOn(r -> r.message().contains("anchor_date")).singleElement()
                        .satisfies(r -> assertThat(r.manual()).isTrue())
                        .extracting(MigrationNotes.Row::message).asString()
                        .contains("`anchor_date=datetime.utcnow()` with `timezone=\"America/New_York\"`: if the anchor is a "
                                + "naive datetime, Prefect 2 read it as UTC")),
            python(BEFORE.formatted("datetime.utcnow()"), AFTER.formatted("datetime.utcnow()"),
                spec -> spec.path("flows/deploy.py")));
    }

    // must not change: an aware anchor, or a UTC schedule, is one instant to every version
    @Test
    void awareAnchorsAndUtcSchedulesKeepTheirAnchor() {
        rewriteRun(spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class))
                        .noneMatch(r -> ((MigrationNotes.Row) r).message().contains("anchor_date"))),
            python(BEFORE.formatted("pendulum.datetime(2024, 1, 1, 9)").replace("from etl import etl",
                        "import pendulum\n\nfrom etl import etl"),
                AFTER.formatted("pendulum.datetime(2024, 1, 1, 9)").replace("from etl import etl",
                        "import pendulum\n\nfrom etl import etl"),
                spec -> spec.path("flows/a.py")),
            python(BEFORE.formatted("datetime(2024, 1, 1, 9, tzinfo=timezone.utc)")
                        .replace("from datetime import datetime, timedelta", "from datetime import datetime, timedelta, timezone"),
                AFTER.formatted("datetime(2024, 1, 1, 9, tzinfo=timezone.utc)")
                        .replace("from datetime import datetime, timedelta", "from datetime import datetime, timedelta, timezone"),
                spec -> spec.path("flows/b.py")),
            python(BEFORE.formatted("\"2024-01-01T09:00:00-05:00\""), AFTER.formatted("\"2024-01-01T09:00:00-05:00\""),
                spec -> spec.path("flows/c.py")),
            python(BEFORE.formatted("datetime(2024, 1, 1, 9)").replace("America/New_York", "UTC"),
                AFTER.formatted("datetime(2024, 1, 1, 9)").replace("America/New_York", "UTC"),
                spec -> spec.path("flows/d.py")));
    }

    // a Prefect 3 script (no Deployment) with a naive anchor is not the conversion's to read
    @Test
    void aPrefect3ScheduleIsLeftAlone() {
        rewriteRun(python(
            """
            from datetime import datetime, timedelta

            from prefect.client.schemas.schedules import IntervalSchedule

            from etl import etl

            etl.serve(name="x", schedules=[IntervalSchedule(interval=timedelta(days=1), anchor_date=datetime(2024, 1, 1, 9), timezone="America/New_York")])
            """,
            spec -> spec.path("flows/serve.py")));
    }
}
