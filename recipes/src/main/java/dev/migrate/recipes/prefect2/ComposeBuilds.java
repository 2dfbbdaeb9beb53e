package dev.migrate.recipes.prefect2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The Dockerfiles a compose file's services are built from: {@code build: ./dir} (its {@code Dockerfile}) or
 * {@code build: {context: ./dir, dockerfile: docker/Dockerfile.agent}}, the Dockerfile taken relative to the context
 * and the context relative to the compose file, as compose reads them, with the context (which the Dockerfile's
 * {@code COPY} reads from, {@link DockerfileInstalls}). A context compose fetches (a Git URL) or one written with a
 * variable is not a file of the run and is left out.
 */
final class ComposeBuilds {
    private ComposeBuilds() {
    }

    static List<HeldComposeProjects.Build> in(Yaml.Documents docs) {
        List<HeldComposeProjects.Build> out = new ArrayList<>();
        Path dir = PrefectYamlFiles.directoryOf(docs.getSourcePath());
        for (ComposeServices.Service service : ComposeServices.of(docs)) {
            Path context = contextOf(service.body(), dir);
            Path dockerfile = context == null ? null : dockerfileOf(service.body(), context);
            if (dockerfile != null) {
                out.add(new HeldComposeProjects.Build(docs.getSourcePath(), service.name(), dockerfile, context));
            }
        }
        return out;
    }

    /** The build context of a service's {@code build:}, relative to the run's root, or null without one the run has. */
    private static Path contextOf(Yaml.Mapping body, Path dir) {
        Yaml.Block build = value(body, "build");
        String context;
        if (build instanceof Yaml.Scalar s) {
            context = s.getValue();
        } else if (build instanceof Yaml.Mapping m) {
            context = value(m, "context") instanceof Yaml.Scalar c ? c.getValue() : ".";
        } else {
            return null;
        }
        return isLocal(context) ? dir.resolve(context).normalize() : null;
    }

    /** The Dockerfile of a service built from {@code context}, or null without one the run can hold. */
    private static Path dockerfileOf(Yaml.Mapping body, Path context) {
        String dockerfile = "Dockerfile";
        if (value(body, "build") instanceof Yaml.Mapping m) {
            if (value(m, "dockerfile") instanceof Yaml.Scalar d) {
                dockerfile = d.getValue();
            } else if (value(m, "dockerfile_inline") != null) {
                return null;
            }
        }
        return isLocal(dockerfile) ? context.resolve(dockerfile).normalize() : null;
    }

    private static boolean isLocal(String path) {
        return !path.isBlank() && !path.contains("$") && !path.contains("://") && !path.startsWith("git@")
                && !path.startsWith("/") && !path.startsWith("~");
    }

    private static Yaml.Block value(Yaml.Mapping m, String key) {
        return m.getEntries().stream().filter(e -> key.equals(e.getKey().getValue())).map(Yaml.Mapping.Entry::getValue)
                .findFirst().orElse(null);
    }
}
