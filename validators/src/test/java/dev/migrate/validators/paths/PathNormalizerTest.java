package dev.migrate.validators.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.config.PathRules;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathNormalizerTest {
    private final PathNormalizer builtin = new PathNormalizer(PathRules.DEFAULT);

    @Test
    void stripsTheBuiltInTimestampShapes() {
        assertThat(builtin.normalize("orders/orders_20240301T020000.csv", true)).isEqualTo("orders/orders_{ts}.csv");
        assertThat(builtin.normalize("orders/orders_20240301_020000.csv", true)).isEqualTo("orders/orders_{ts}.csv");
        assertThat(builtin.normalize("customers/2024-03-01/customers_1709258400.parquet", true))
                .isEqualTo("customers/{ts}/customers_{ts}.parquet");
        assertThat(builtin.normalize("fx/fx_2024-03-01T02:00:00Z.json", false)).isEqualTo("fx/fx_{ts}.json");
        assertThat(builtin.normalize("fx/fx_2024-03-01T02:00:00.123+01:00.json", false)).isEqualTo("fx/fx_{ts}.json");
        assertThat(builtin.normalize("events/events_1709258400123.ndjson", false)).isEqualTo("events/events_{ts}.ndjson");
        assertThat(builtin.normalize("daily/report_20240301.csv", false)).isEqualTo("daily/report_{ts}.csv");
    }

    @Test
    void stripsAndReadsStampsWithoutSeconds() {
        // A new pipeline stamping minutes only must still pair with the legacy daily file.
        assertThat(builtin.normalize("sales/sales_2026-11-22T0300.csv", false)).isEqualTo("sales/sales_{ts}.csv");
        assertThat(builtin.normalize("sales/sales_2026-11-22T03:00.csv", false)).isEqualTo("sales/sales_{ts}.csv");
        assertThat(builtin.normalize("sales/sales_20261122T0300.csv", false)).isEqualTo("sales/sales_{ts}.csv");
        assertThat(builtin.normalize("sales/sales_20261122.csv", true)).isEqualTo("sales/sales_{ts}.csv");
        assertThat(builtin.stamp("sales/sales_2026-11-22T0300.csv")).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
        assertThat(builtin.stamp("sales/sales_2026-11-22T03:00+0100.csv")).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(builtin.stamp("sales/sales_20261122T0315.csv")).isEqualTo(Instant.parse("2026-11-22T03:15:00Z"));
        assertThat(builtin.stamp("fx/fx_2024-03-01T02:00:00.123+01:00.json")).isEqualTo(Instant.parse("2024-03-01T01:00:00.123Z"));
    }

    @Test
    void stripsAndReadsUnderscoredDates() {
        assertThat(builtin.normalize("exports/report_2024_03_01.csv", true)).isEqualTo("exports/report_{ts}.csv");
        assertThat(builtin.normalize("exports/report_2024_03_01_023107.csv", false)).isEqualTo("exports/report_{ts}.csv");
        assertThat(builtin.stamp("exports/report_2024_03_01.csv")).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(builtin.stamp("exports/report_2024_03_01_023107.csv")).isEqualTo(Instant.parse("2024-03-01T02:31:07Z"));
        // four digits after the date may count parts: they stay
        assertThat(builtin.normalize("exports/report_2024_03_01_0001.csv", true)).isEqualTo("exports/report_{ts}_0001.csv");
        assertThat(builtin.normalize("v/table_2024_13_01.csv", true)).isEqualTo("v/table_2024_13_01.csv");
    }

    @Test
    void dateHhmmStripsAndReadsTheTimeOfDayAfterADate() {
        PathNormalizer named = new PathNormalizer(new PathRules(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(TimestampPattern.NAMED.get("date-hhmm")), TimestampPattern.BUILTIN.stream())
                .toList(), List.of()));
        assertThat(named.normalize("exports/sales_20240510_0200.csv", true)).isEqualTo("exports/sales_{ts}.csv");
        assertThat(named.normalize("exports/sales_2024-05-10_02-00.csv", true)).isEqualTo("exports/sales_{ts}.csv");
        assertThat(named.normalize("exports/sales_2024_05_10-0200.csv", true)).isEqualTo("exports/sales_{ts}.csv");
        assertThat(named.stamp("exports/sales_20240510_0231.csv")).isEqualTo(Instant.parse("2024-05-10T02:31:00Z"));
        assertThat(named.stamp("exports/sales_2024-05-10_23-59.csv")).isEqualTo(Instant.parse("2024-05-10T23:59:00Z"));
        // not a time of day: the date alone is a stamp
        assertThat(named.normalize("exports/sales_20240510_2460.csv", true)).isEqualTo("exports/sales_{ts}_2460.csv");
        assertThat(builtin.normalize("exports/sales_20240510_0200.csv", true)).isEqualTo("exports/sales_{ts}_0200.csv");
    }

    /** Windows allows no ':' in a name: ISO stamps written with '-' between the time's fields pair too. */
    @Test
    void stripsAndReadsFilenameSafeIsoStamps() {
        assertThat(builtin.normalize("exports/orders_2024-03-01T02-30-00.csv", false)).isEqualTo("exports/orders_{ts}.csv");
        assertThat(builtin.normalize("exports/orders_2024-03-01_02-30-00.csv", false)).isEqualTo("exports/orders_{ts}.csv");
        assertThat(builtin.stamp("exports/orders_2024-03-01T02-30-00.csv")).isEqualTo(Instant.parse("2024-03-01T02:30:00Z"));
        assertThat(builtin.stamp("exports/orders_2024-03-01T02-30.csv")).isEqualTo(Instant.parse("2024-03-01T02:30:00Z"));
        assertThat(builtin.stamp("exports/orders_2024-03-01_02-30-00.csv")).isEqualTo(Instant.parse("2024-03-01T02:30:00Z"));
        assertThat(builtin.stamp("exports/orders_2024-03-01T03-30-00+0100.csv")).isEqualTo(Instant.parse("2024-03-01T02:30:00Z"));
        // after '_' the minutes alone may count parts: only the date is a stamp
        assertThat(builtin.normalize("exports/orders_2024-03-01_02-30.csv", false)).isEqualTo("exports/orders_{ts}_02-30.csv");
    }

    @Test
    void readsTheOffsetOfABasicFormatStamp() {
        // Python's %Y%m%dT%H%M%S%z: 03:30 at +01:00 is 02:30 UTC, and the offset is part of the stamp, not of the name
        assertThat(builtin.normalize("trips/trips_20240301T033000+0100.csv", false)).isEqualTo("trips/trips_{ts}.csv");
        assertThat(builtin.stamp("trips/trips_20240301T033000+0100.csv")).isEqualTo(Instant.parse("2024-03-01T02:30:00Z"));
        assertThat(builtin.stamp("trips/trips_20240301T0330-0530.csv")).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        // a part counter after the stamp is not an offset
        assertThat(builtin.normalize("trips/trips_20240301T033000-0001.csv", false)).isEqualTo("trips/trips_{ts}-0001.csv");
        assertThat(builtin.stamp("trips/trips_20240301T033000-0001.csv")).isEqualTo(Instant.parse("2024-03-01T03:30:00Z"));
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        assertThat(builtin.normalize("runs/20240301_0001.csv", true)).isEqualTo("runs/{ts}_0001.csv");
        assertThat(builtin.normalize("part-00012/shard_3.csv", true)).isEqualTo("part-00012/shard_3.csv");
        assertThat(builtin.normalize("ids/12345678901234.csv", true)).isEqualTo("ids/12345678901234.csv");
        assertThat(builtin.normalize("v2/table_99999999.csv", true)).isEqualTo("v2/table_99999999.csv");
    }

    @Test
    void mapsLegacyRootsOnlyOnTheLegacySide() {
        PathNormalizer n = new PathNormalizer(new PathRules(TimestampPattern.BUILTIN,
                List.of(new PathRules.RootMapping("prod/raw/", "sandbox/raw/"))));
        assertThat(n.normalize("prod/raw/a_20240301.csv", true)).isEqualTo("sandbox/raw/a_{ts}.csv");
        assertThat(n.normalize("prod/raw/a_20240301.csv", false)).isEqualTo("prod/raw/a_{ts}.csv");
    }

    @Test
    void customPatternsAreStrippedToo() {
        PathNormalizer n = new PathNormalizer(new PathRules(List.of(TimestampPattern.custom("run-[0-9]+")), List.of()));
        assertThat(n.normalize("out/run-42/a.csv", true)).isEqualTo("out/{ts}/a.csv");
    }

    @Test
    void readsTheLatestInstantOfAPath() {
        assertThat(builtin.stamp("customers/2024-03-01/customers_1709258400.parquet"))
                .isEqualTo(Instant.parse("2024-03-01T02:00:00Z"));
        assertThat(builtin.stamp("orders/orders_20240301T023000.csv")).isEqualTo(Instant.parse("2024-03-01T02:30:00Z"));
        assertThat(builtin.stamp("plain/file.csv")).isNull();
    }
}
