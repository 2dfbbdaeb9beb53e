package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prefect 1 flow storage as where a Prefect 3 worker gets the code: a {@code prefect.yaml} pull step (and the
 * same source for {@code from_source}), plus the entrypoint path when the storage names the file.
 */
public final class Storages {
    private static final Map<String, String> GIT_HOSTS = Map.of("GitHub", "github.com", "GitLab", "gitlab.com",
            "Bitbucket", "bitbucket.org");

    /**
     * @param build    the build steps for prefect.yaml (Docker storage), possibly empty
     * @param push     the push steps for prefect.yaml (bucket and registry storage), possibly empty
     * @param image    the image the build step produces, for the work pool's job variables, or null
     * @param pull     the pull steps for prefect.yaml (empty when the code is already where the worker runs)
     * @param gitUrl   the repository URL, for {@code from_source}; null when the storage is not git
     * @param branch   the branch or tag, or null
     * @param path     the flow file inside the repository, or null
     * @param tokenSecret the Secret block holding the access token, or null
     */
    public record Source(List<Map<String, Object>> build, List<Map<String, Object>> push, String image,
                         List<Map<String, Object>> pull, String gitUrl, String branch, String path, String tokenSecret,
                         List<String> problems, List<String> decisions) {
        Source(List<Map<String, Object>> pull, String gitUrl, String branch, String path, String tokenSecret,
               List<String> problems, List<String> decisions) {
            this(List.of(), List.of(), null, pull, gitUrl, branch, path, tokenSecret, problems, decisions);
        }

        /** Whether the code travels through prefect.yaml steps that a {@code .deploy()} call cannot express. */
        public boolean needsPrefectYaml() {
            return !build.isEmpty() || !push.isEmpty() || gitUrl == null && !pull.isEmpty();
        }
    }

    private Storages() {
    }

    public static Source read(Node expr, Imports imports, String flowName, String sourcePath) {
        return read(expr, AsWritten.same(expr), imports, flowName, sourcePath);
    }

    /**
     * @param written    how the notes quote parts of {@code expr}, which may be a copy with constants inlined
     * @param sourcePath the flow file's path in the project, which the deployment's entrypoint names
     */
    public static Source read(Node expr, AsWritten written, Imports imports, String flowName, String sourcePath) {
        List<String> problems = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        Node e = Expressions.unwrap(expr);
        String qualified = e.kind() == NodeKind.CALL ? imports.qualifiedName(e).orElse("") : "";
        String cls = qualified.startsWith("prefect.") ? qualified.substring(qualified.lastIndexOf('.') + 1) : "";
        CallView call = e.kind() == NodeKind.CALL ? new CallView(e) : null;
        List<Map<String, Object>> pull = new ArrayList<>();
        switch (cls) {
            case "GitHub", "GitLab", "Bitbucket", "Git" -> {
                Optional<String> repo = str(call, "repo", 0);
                if (repo.isEmpty()) {
                    problems.add(cls + " storage: repo= is not a string literal; add a "
                            + "prefect.deployments.steps.git_clone pull step on the repository's URL by hand");
                    break;
                }
                String host = cls.equals("Git") ? str(call, "repo_host", -1).orElse("github.com") : GIT_HOSTS.get(cls);
                if (cls.equals("GitLab")) {
                    host = str(call, "host", -1).map(h -> h.replaceFirst("^https?://", "")).orElse(host);
                }
                String url = "https://" + host + "/" + repo.get() + ".git";
                String branch = str(call, "ref", -1).or(() -> str(call, "branch_name", -1))
                        .or(() -> str(call, "tag", -1)).orElse(null);
                String secret = str(call, "access_token_secret", -1).or(() -> str(call, "git_token_secret_name", -1))
                        .map(Secrets::blockName).orElse(null);
                Map<String, Object> clone = new LinkedHashMap<>();
                clone.put("repository", url);
                if (branch != null) {
                    clone.put("branch", branch);
                }
                if (secret != null) {
                    clone.put("access_token", "{{ prefect.blocks.secret." + secret + " }}");
                    decisions.add("the access token moves to Secret block '" + secret + "'; create it with the value of "
                            + "the Prefect 1 secret");
                }
                pull.add(Map.of("prefect.deployments.steps.git_clone", clone));
                return new Source(pull, url, branch, str(call, "path", -1).orElse(null), secret, problems, decisions);
            }
            case "Local" -> {
                return local(call, sourcePath, pull, problems, decisions);
            }
            case "Module" -> {
                decisions.add(cls + " storage: the worker runs the code from the project directory; no pull step");
                return new Source(pull, null, null, null, null, problems, decisions);
            }
            case "S3", "GCS", "Azure" -> {
                Optional<Source> bucket = BucketStorages.read(cls, call, flowName, problems, decisions, written);
                if (bucket.isPresent()) {
                    return bucket.get();
                }
            }
            case "Docker" -> {
                Optional<Source> docker = DockerStorages.read(call, flowName, problems, decisions, written);
                if (docker.isPresent()) {
                    return docker.get();
                }
            }
            case "Webhook" -> problems.add("Webhook storage has no Prefect 3 form; keep the code in git, a bucket or an "
                    + "image and add the matching prefect.yaml steps");
            case "CodeCommit" -> problems.add("CodeCommit storage: add a prefect.deployments.steps.git_clone pull step on "
                    + "the repository's HTTPS URL (credentials in a Secret block)");
            default -> problems.add("storage `" + written.text(e) + "` is not a literal Prefect 1 storage");
        }
        return new Source(pull, null, null, null, null, problems, decisions);
    }

    /**
     * Local storage: Prefect 1 loaded the flow from {@code path} on the machine or in the image its run config ran
     * it (with {@code stored_as_script=True}; otherwise from a pickle under ~/.prefect/flows, rebuilt when
     * registering). A path ending in the flow file's project path ({@code /app/flows/etl.py} for
     * {@code flows/etl.py}) says where the project lies there: the worker moves into that directory before it runs
     * the entrypoint. Any other path leaves the directory to a person.
     */
    private static Source local(CallView call, String sourcePath, List<Map<String, Object>> pull, List<String> problems,
                                List<String> decisions) {
        Optional<String> path = str(call, "path", 0);
        boolean script = call != null && call.keyword("stored_as_script").map(a -> a.value().text().strip())
                .filter("True"::equals).isPresent();
        if (path.isEmpty() || !script) {
            decisions.add("Local storage: the worker runs the code from the project directory; no pull step");
            return new Source(pull, null, null, null, null, problems, decisions);
        }
        String suffix = "/" + sourcePath;
        if (path.get().startsWith("/") && path.get().endsWith(suffix) && path.get().length() > suffix.length()) {
            String directory = path.get().substring(0, path.get().length() - suffix.length());
            pull.add(Map.of("prefect.deployments.steps.set_working_directory", Map.of("directory", directory)));
            decisions.add("Local storage at " + path.get() + ": the worker runs the entrypoint from " + directory
                    + " (a set_working_directory pull step), where the flow's run config ran it");
        } else {
            problems.add("Local storage at " + path.get() + ", which does not end in this file's project path "
                    + sourcePath + ": add a prefect.deployments.steps.set_working_directory pull step to the directory "
                    + "the entrypoint is relative to where the worker runs the flow");
        }
        return new Source(pull, null, null, null, null, problems, decisions);
    }

    static Optional<String> str(CallView call, String keyword, int position) {
        if (call == null) {
            return Optional.empty();
        }
        return (position < 0 ? call.keyword(keyword) : call.argument(keyword, position))
                .flatMap(a -> PyValues.string(a.value()));
    }
}
