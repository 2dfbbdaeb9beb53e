package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.schedule.NaiveAnchors;
import dev.migrate.analyzers.schedule.NaiveAnchors.Reading;
import dev.migrate.analyzers.versions.AdmittedRange;
import dev.migrate.analyzers.versions.Release;
import dev.migrate.analyzers.versions.VersionConstraint;
import java.util.Optional;

/**
 * Which naive-anchor reading ({@link NaiveAnchors}) a constraint on {@code prefect} fixes: the UTC one when every release
 * it admits is a 2.x or a 3.x before 3.3.0 ({@code ==3.2.1}, {@code >=3.0,<3.3}, {@code ~=3.2.0}, {@code ==3.2.*},
 * Poetry's {@code ~3.2}, {@code >=2.10,<3}); {@link Reading#BY_PYTHON} when it admits 3.3.0 or a later release
 * ({@code >=3.0}, {@code ~=3.4}, {@code ==3.5.0}, Poetry's {@code ^3.2}, an exclusion alone), where the Python versions
 * decide; none when it admits no release, only Prefect 1 (which has no anchor_date), or this does not read it
 * ({@link VersionConstraint}).
 */
final class PrefectConstraintReading {
    private static final Release UNPROVEN_SINCE = NaiveAnchors.unprovenSince();
    private static final Release PREFECT3 = Release.of("3");
    private static final Release PREFECT2 = Release.of("2");

    private PrefectConstraintReading() {
    }

    /**
     * The reading every release {@code spec} admits shares; {@code poetry} for Poetry's and Pipfile's value, where a
     * bare version is exact. A whole major ({@code ==3}, a {@code prefecthq/prefect:3} tag) is read as all its releases.
     */
    static Optional<Reading> of(String spec, boolean poetry) {
        return VersionConstraint.parse(spec, poetry ? VersionConstraint.Dialect.POETRY : VersionConstraint.Dialect.PEP440)
                .map(VersionConstraint::range).flatMap(PrefectConstraintReading::reading);
    }

    private static Optional<Reading> reading(AdmittedRange admitted) {
        if (admitted.admitsNothing() || admitted.allBelow(PREFECT2)) {
            return Optional.empty();
        }
        if (admitted.allBelow(UNPROVEN_SINCE)) {
            // a job with an anchor_date runs on 2.x or 3.x, and both read it as UTC before 3.3.0
            return Optional.of(admitted.allBelow(PREFECT3) ? Reading.PREFECT2 : Reading.PREFECT3_UTC);
        }
        return Optional.of(Reading.BY_PYTHON);
    }
}
