package dev.migrate.analyzers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which service runs which in-process scheduler's script when several hosts' dumps lie side by side: the command's
 * path under the unit's own host root decides first; the file name alone only when one script could be meant.
 */
class SchedulerServicesTest {
    private static Job script(String path) {
        return new Job("py-schedule-" + path.hashCode(), JobKind.PYTHON_SCHEDULE_LIB, "report", SourceRef.at(path, 9, 1),
                List.of(), null, null, Map.of(), null, Overlap.SKIP, List.of(), Map.of());
    }

    private static Job service(String unit, String command, String workingDir) {
        return new Job("systemd-" + unit.hashCode(), JobKind.SYSTEMD_SCHEDULER_SERVICE, "reports", SourceRef.file(unit),
                List.of(), command, "reports", Map.of(), workingDir, Overlap.SKIP, List.of(), Map.of());
    }

    @Test
    void eachHostsUnitRunsItsOwnHostsScript() {
        Job one = script("hosts/app-01/opt/reports/run.py");
        Job two = script("hosts/app-02/opt/reports/run.py");
        Job unitOne = service("hosts/app-01/etc/systemd/system/reports.service", "/usr/bin/python3 /opt/reports/run.py", null);
        Job unitTwo = service("hosts/app-02/etc/systemd/system/reports.service", "/usr/bin/python3 /opt/reports/run.py", null);
        // the first unit in the list would have taken both scripts by their common name
        List<Job> jobs = List.of(unitOne, unitTwo, one, two);
        assertThat(SchedulerServices.serviceOf(one, jobs)).isSameAs(unitOne);
        assertThat(SchedulerServices.serviceOf(two, jobs)).isSameAs(unitTwo);
        assertThat(SchedulerServices.hostedBy(unitOne, jobs)).containsExactly(one);
        assertThat(SchedulerServices.hostedBy(unitTwo, jobs)).containsExactly(two);
    }

    @Test
    void aRelativeScriptIsFoundUnderTheWorkingDirectoryOrUnderTheUnitsHost() {
        Job one = script("hosts/app-01/srv/reports/run.py");
        Job two = script("hosts/app-02/srv/reports/run.py");
        Job inDir = service("hosts/app-02/etc/systemd/system/reports.service", "python3 run.py", "/srv/reports");
        Job noDir = service("hosts/app-01/usr/lib/systemd/system/reports.service", "python3 ./run.py --once", null);
        List<Job> jobs = List.of(inDir, noDir, one, two);
        assertThat(SchedulerServices.serviceOf(two, jobs)).isSameAs(inDir);
        // no path at all: of the two scripts of that name, only one is under the unit's host
        assertThat(SchedulerServices.serviceOf(one, jobs)).isSameAs(noDir);
    }

    @Test
    void theNameAloneDecidesOnlyWhenOneScriptCouldBeMeant() {
        Job repo = script("deploy/app/run.py");
        Job unit = service("etc/systemd/system/reports.service", "/usr/bin/python3 /srv/app/run.py", null);
        // the tree holds the only run.py: the unit runs it, wherever it was deployed
        assertThat(SchedulerServices.serviceOf(repo, List.of(unit, repo))).isSameAs(unit);
        // must not change: two run.py and a path that names neither leave it unknown
        Job other = script("tools/run.py");
        assertThat(SchedulerServices.serviceOf(repo, List.of(unit, repo, other))).isNull();
        assertThat(SchedulerServices.serviceOf(other, List.of(unit, repo, other))).isNull();
        // must not change: a path that names one of them picks it, and only it
        Job deployed = script("srv/app/run.py");
        List<Job> jobs = List.of(unit, repo, deployed);
        assertThat(SchedulerServices.serviceOf(deployed, jobs)).isSameAs(unit);
        assertThat(SchedulerServices.serviceOf(repo, jobs)).isNull();
        // must not change: a unit that runs another script's name runs none of these
        assertThat(SchedulerServices.serviceOf(repo, List.of(service("etc/systemd/system/x.service",
                "/usr/bin/python3 /srv/app/other_run.py", null), repo))).isNull();
    }
}
