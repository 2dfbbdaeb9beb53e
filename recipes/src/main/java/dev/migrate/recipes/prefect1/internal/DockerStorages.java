package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 1 {@code Docker} storage as {@code prefect_docker} build and push steps: {@code prefect deploy} builds the
 * image (from the storage's Dockerfile, or Prefect's generated one that copies the project and installs
 * requirements.txt) and pushes it when the storage named a registry; the deployment runs in that image. The options
 * that assembled Prefect 1's own Dockerfile (base image, files, environment, extra commands) are reported.
 */
final class DockerStorages {
    private static final String STEPS = "prefect_docker.deployments.steps.";
    private static final Set<String> OWN = Set.of("registry_url", "image_name", "image_tag", "dockerfile",
            "python_dependencies", "stored_as_script", "path", "add_default_labels", "secrets", "prefect_version",
            "local_image", "build_kwargs", "ignore_healthchecks");
    private static final String ID = "build-image";

    private DockerStorages() {
    }

    static Optional<Storages.Source> read(CallView call, String flowName, List<String> problems, List<String> decisions,
                                          AsWritten written) {
        Optional<String> registry = Storages.str(call, "registry_url", -1);
        String name = Storages.str(call, "image_name", -1).orElse(flowName == null ? null : BucketStorages.slug(flowName));
        if (name == null || call.arguments().stream().anyMatch(a -> a.keyword() == null)) {
            problems.add("Docker storage: build and push the image with prefect.yaml build/push steps "
                    + "(" + STEPS + "build_docker_image, push_docker_image)");
            return Optional.empty();
        }
        for (String k : List.of("registry_url", "image_name", "image_tag", "dockerfile")) {
            call.keyword(k).filter(a -> Storages.str(call, k, -1).isEmpty()).ifPresent(a -> problems.add("Docker storage: "
                    + k + "= `" + written.text(a.value()) + "` is not a string literal and is left out of the build"
                    + (k.equals("registry_url") ? " and push steps (the image is not pushed)" : " step")
                    + "; write it into prefect.yaml by hand"));
        }
        String image = registry.map(r -> r.replaceAll("/+$", "") + "/").orElse("") + name;
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("id", ID);
        build.put("image_name", image);
        Storages.str(call, "image_tag", -1).ifPresent(t -> build.put("tag", t));
        build.put("dockerfile", Storages.str(call, "dockerfile", -1).orElse("auto"));
        for (Argument a : call.arguments()) {
            if (!OWN.contains(a.keyword())) {
                problems.add("Docker storage option " + a.keyword() + "=" + written.text(a.value()) + " shaped Prefect 1's "
                        + "generated Dockerfile; write a Dockerfile that does the same and name it in the build step");
            }
        }
        call.keyword("python_dependencies").ifPresent(p -> decisions.add("Docker storage: python_dependencies="
                + written.text(p.value()) + " must be in requirements.txt, which the generated Dockerfile installs"));
        List<Map<String, Object>> push = List.of();
        if (registry.isPresent()) {
            Map<String, Object> pushArgs = new LinkedHashMap<>();
            pushArgs.put("image_name", "{{ " + ID + ".image_name }}");
            pushArgs.put("tag", "{{ " + ID + ".tag }}");
            push = List.of(Map.of(STEPS + "push_docker_image", pushArgs));
        }
        decisions.add("Docker storage: `prefect deploy` builds " + image + (registry.isPresent() ? " and pushes it" : "")
                + " (prefect_docker) and the deployment runs in it; prefect-docker must be installed where it deploys (it "
                + "is added to requirements files that list prefect)");
        return Optional.of(new Storages.Source(List.of(Map.of(STEPS + "build_docker_image", build)), push,
                "{{ " + ID + ".image }}", List.of(), null, null, null, null, problems, decisions));
    }
}
