package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.config.DockerfileNames;
import dev.migrate.analyzers.sources.config.NaiveAnchorResolver;
import dev.migrate.analyzers.sources.config.PrefectProjectFiles;
import dev.migrate.analyzers.sources.config.RequirementsFiles;
import dev.migrate.analyzers.sources.java.SpringPlaceholderResolver;
import dev.migrate.analyzers.sources.systemd.Passwd;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scan asks every file's path of the detectors' and resolvers' path tests; those that ran a pattern on every path
 * first look for what the pattern needs (an ending, a word). These tests hold each against its pattern alone, as it
 * was written before the shortcut, over tricky and random paths: the shortcut may only make a test faster.
 */
class PathPrefilterGuardsTest {
    private static final Pattern REQUIREMENTS_NAME = Pattern.compile(
            "(?:[\\w.-]*[-_.])?(?:requirements|constraints)(?:[-_.][\\w.-]*)?\\.(?:txt|in)");
    private static final Pattern NAIVE_ANCHOR_OTHER = Pattern.compile("pyproject\\.toml|setup\\.(?:py|cfg)|Pipfile"
            + "|(?:docker-)?compose(?:[\\w.-]*)\\.ya?ml");
    private static final Pattern DOCKERFILE_NAME = Pattern.compile(
            "(?:Dockerfile|Containerfile)(?:\\..+)?|.+\\.(?:[Dd]ockerfile|[Cc]ontainerfile)");
    private static final Pattern SPRING_CONFIG = Pattern.compile("(^|.*/)application\\.(properties|ya?ml)$");
    private static final Pattern PASSWD = Pattern.compile("(.*/)?etc/passwd");
    private static final Pattern PROJECT_NAME = Pattern.compile("(?i)prefect[-_.][^/]+\\.ya?ml|[^/]+[-_.]prefect\\.ya?ml");

    private static boolean requirementsByPattern(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        String dir = p.lastIndexOf('/') < 0 ? "" : p.substring(0, p.lastIndexOf('/'));
        return REQUIREMENTS_NAME.matcher(name).matches()
                || (dir.equals("requirements") || dir.endsWith("/requirements")) && (name.endsWith(".txt") || name.endsWith(".in"));
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void everyShortcutAnswersAsItsPatternDoes() {
        NaiveAnchorResolver naive = new NaiveAnchorResolver();
        SpringPlaceholderResolver spring = new SpringPlaceholderResolver();
        for (String path : paths()) {
            check(path, "requirements", RequirementsFiles::isRequirements, PathPrefilterGuardsTest::requirementsByPattern);
            check(path, "naive anchors", naive::wants,
                    p -> requirementsByPattern(p) || DOCKERFILE_NAME.matcher(name(p)).matches()
                            || NAIVE_ANCHOR_OTHER.matcher(name(p)).matches());
            check(path, "dockerfile names", p -> DockerfileNames.is(name(p)), p -> DOCKERFILE_NAME.matcher(name(p)).matches());
            check(path, "spring config", spring::wants, p -> SPRING_CONFIG.matcher(p).matches());
            check(path, "passwd", p -> Passwd.hostOf(p) != null, p -> PASSWD.matcher(p).matches());
            check(name(path), "project name", PrefectProjectFiles::hasProjectName,
                    n -> !n.equals("prefect.yaml") && !n.equals("prefect.yml") && PROJECT_NAME.matcher(n).matches());
        }
    }

    private static void check(String path, String what, Predicate<String> shortcut, Predicate<String> pattern) {
        assertThat(shortcut.test(path)).as(what + ": " + path).isEqualTo(pattern.test(path));
    }

    @Test
    void systemdClaimsUnitsDropInsAndPasswdFilesByPathStill() {
        Predicate<String> systemd = new SystemdDetector().prefilter().paths();
        assertThat(systemd.test("hosts/a/etc/systemd/system/etl.service.d/10-env.conf")).isTrue();
        assertThat(systemd.test("etc/systemd/system/etl.timer.d/override.conf")).isTrue();
        assertThat(systemd.test("etc/systemd/system/service.d/10-timeout.conf")).isTrue();
        assertThat(systemd.test("deploy/etl.timer")).isTrue();
        assertThat(systemd.test("web1/etc/passwd")).isTrue();
        assertThat(systemd.test("etc/passwd")).isTrue();
        assertThat(systemd.test("docs/service.d.conf")).isFalse();
        assertThat(systemd.test("etc/passwd.bak")).isFalse();
        assertThat(systemd.test("conf.d/app.conf")).isFalse();
    }

    /** Names the patterns take or nearly take, in upper and lower case, in and out of directories, and random ones. */
    private static List<String> paths() {
        List<String> names = new ArrayList<>(List.of("requirements.txt", "REQUIREMENTS.TXT", "requirements-dev.txt",
                "dev_requirements.in", "constraints.txt", "requirements.txt.bak", "requirements.pdf", "base.txt", "x.in",
                "a.IN", "notes.tXt", "requirement.txt", "ın", ".in", ".txt", "txt", "pyproject.toml", "setup.py",
                "setup.cfg", "setup.cfg.orig", "Pipfile", "Pipfile.lock", "Dockerfile", "dockerfile", "api.Dockerfile",
                "Dockerfile.prod", "DOCKERFILE", "Containerfile", "Containerfile.worker", "agent.containerfile", "dockerfile-notes.md", "docker-compose.yml", "compose.yaml", "compose.override.yml",
                "docker-compose.yml.j2", "compose.json", "application.yml", "application.yaml", "application.properties",
                "application-dev.yml", "myapplication.yml", "application.yml.bak", "passwd", "prefect-prod.yaml",
                "prod.prefect.yaml", "PREFECT-PROD.YML", "prefect.yaml", "prefect.yml", "prefect_x.yml", "prefect-x.json",
                "x-prefect.yaml", "prefect.yaml.bak", "flow.py", "extract_1.csv", "", "a\nb.txt"));
        List<String> dirs = List.of("", "requirements/", "Requirements/", "etc/", "web1/etc/", "src/main/resources/",
                "svc/deploy/", "a\nb/", "x/requirements/", ".gitlab/");
        List<String> out = new ArrayList<>();
        for (String d : dirs) {
            for (String n : names) {
                out.add(d + n);
            }
        }
        Random rnd = new Random(5);
        String[] parts = {"req", "uirements", "constraints", ".", "-", "_", "txt", "in", "TXT", "IN", "docker", "Docker",
                "file", "compose", ".yml", ".yaml", "application", "prefect", "/", "etc", "passwd", "setup", "py", "x"};
        for (int t = 0; t < 20000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(7); i >= 0; i--) {
                sb.append(parts[rnd.nextInt(parts.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }
}
