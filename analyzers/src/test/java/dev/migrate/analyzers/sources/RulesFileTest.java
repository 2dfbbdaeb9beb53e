package dev.migrate.analyzers.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Detector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import dev.migrate.analyzers.rules.Rule;
import dev.migrate.analyzers.rules.RuleRegistry;
import java.util.List;

class RulesFileTest {
    @Test
    void everyRuleIsComplete() {
        List<Rule> rules = RuleRegistry.standard().all().stream()
                .filter(r -> r.code().startsWith("CRN") || r.code().startsWith("SYD")).toList();
        assertThat(rules).extracting(Rule::code).contains("CRN001", "CRN009", "SYD001", "SYD010");
        rules.forEach(r -> assertThat(r.code()).matches("(CRN|SYD)0[0-9]{2}"));
    }

    @Test
    void everyCodeUsedInSourcesHasARule() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern code = Pattern.compile("\"((CRN|SYD)[0-9]{3})\"");
        Path root = Path.of(System.getProperty("migrate.repo.root"), "analyzers/src/main/java/dev/migrate/analyzers/sources");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(p));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(RuleRegistry.standard().all()).extracting(Rule::code).containsAll(used);
        assertThat(used).contains("CRN001", "SYD001");
    }

    @Test
    void detectorsAreRegistered() {
        Set<String> names = new TreeSet<>();
        ServiceLoader.load(Detector.class).forEach(d -> names.add(d.name()));
        assertThat(names).contains("crontab", "systemd");
    }
}
