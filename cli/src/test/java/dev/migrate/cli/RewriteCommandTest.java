package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewriteCommandTest {
    @TempDir
    Path project;

    private static final String COMPOSE = """
            services:
              prefect-agent:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect agent start -q iceberg-offload
            """;

    @BeforeEach
    void writeProject() throws IOException {
        Files.writeString(project.resolve("docker-compose.v2.yml"), COMPOSE);
        Files.writeString(project.resolve("requirements.txt"), "prefect[postgres]==2.14.9\r\nrequests\r\n");
        Path script = project.resolve("deploy.sh");
        Files.writeString(script, "#!/bin/sh\nprefect deployment set-schedule etl/nightly --no-schedule\n");
        Files.setPosixFilePermissions(script, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        Files.writeString(project.resolve("notes.md"), "prefect agent start -q x\n");
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/etl-deployment.yaml"), """
                name: nightly
                work_queue_name: default
                work_pool_name: etl-pool
                schedule:
                  cron: 0 2 * * *
                  timezone: Europe/Paris
                infrastructure:
                  type: process
                  _block_type_slug: process
                flow_name: etl
                manifest_path: null
                storage: null
                entrypoint: flows/etl.py:main
                enforce_parameter_schema: false
                """);
    }

    @Test
    void deploymentBuildOutputMovesIntoANewPrefectYaml() throws Exception {
        CliRun run = CliRun.of("rewrite", project.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(project.resolve("flows/etl-deployment.yaml")).doesNotExist();
        assertThat(Files.readString(project.resolve("flows/prefect.yaml"))).contains("- name: nightly")
                .contains("name: etl-pool").contains("cron: 0 2 * * *").contains("timezone: Europe/Paris");
    }

    @Test
    void dryRunPrintsAPatchThatGitAppliesAndChangesNothing() throws Exception {
        CliRun run = CliRun.of("rewrite", project.toString(), "--dry-run", "--unsafe-fixes");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("+prefect[postgres]==3.8.3").contains("prefect worker start --work-queue iceberg-offload --pool process-pool");
        assertThat(run.err()).contains("5 file(s) would change");
        assertThat(Files.readString(project.resolve("docker-compose.v2.yml"))).isEqualTo(COMPOSE);
        // the executable script's diff carries its mode, as git records it (100644 made git apply warn)
        assertThat(run.out()).containsPattern("diff --git a/deploy.sh b/deploy.sh\nindex [0-9a-f]+\\.\\.[0-9a-f]+ 100755\n")
                .containsPattern("diff --git a/requirements.txt b/requirements.txt\nindex [0-9a-f]+\\.\\.[0-9a-f]+ 100644\n");

        Path patch = project.resolve("../change.patch").normalize();
        Files.writeString(patch, run.out());
        assertGitApplies(patch);
    }

    // the diff shows lines around each edit, and the worker service copies the agent's environment: a token there
    // must not reach the terminal, while the --patch file (which the user names) still applies
    @Test
    void dryRunMasksSecretsAndThePatchFileKeepsThem() throws Exception {
        Files.writeString(project.resolve("docker-compose.v2.yml"), COMPOSE + """
                    environment:
                      INFLUX_TOKEN: tok-8d1f2e77
                      DB_URL: postgresql://etl:pg-pass-61@db/etl
                """);
        Path patch = project.resolve("../secret.patch").normalize();
        CliRun run = CliRun.of("rewrite", project.toString(), "--dry-run", "--unsafe-fixes", "--patch", patch.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("+      INFLUX_TOKEN: ***").contains("postgresql://etl:***@db/etl")
                .doesNotContain("tok-8d1f2e77").doesNotContain("pg-pass-61");
        assertThat(run.err()).contains("secrets in the diff are shown as ***").contains("--patch FILE");
        assertThat(Files.readString(patch)).contains("+      INFLUX_TOKEN: tok-8d1f2e77");

        assertGitApplies(patch);
    }

    // the dry run reads each changed manifest's fields and kind from the rewritten file: the ExternalSecret's renamed
    // secretKey shows though its hunk starts below spec:, and the Secret's values stay masked though kubectl wrote
    // data: above kind:
    @Test
    void dryRunShowsSecretKeysAndMasksSecretValuesOfKubernetesManifests() throws Exception {
        Path k8s = Files.createDirectories(project.resolve("k8s"));
        Files.writeString(k8s.resolve("external-secret.yaml"), """
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata:
                  name: prefect-db
                  namespace: prefect
                spec:
                  refreshInterval: 1h
                  secretStoreRef:
                    name: aws
                    kind: ClusterSecretStore
                  target:
                    name: prefect-db-credentials
                  data:
                    - secretKey: PREFECT_API_DATABASE_CONNECTION_URL
                      remoteRef:
                        key: prod/prefect
                """);
        Files.writeString(k8s.resolve("secret.yaml"), """
                apiVersion: v1
                data:
                  PREFECT_API_SERVICES_SCHEDULER_ENABLED: ZmFsc2U=
                  PREFECT_API_DATABASE_PASSWORD: cGctcGFzcy02MQ==
                kind: Secret
                metadata:
                  name: prefect-env
                  namespace: prefect
                type: Opaque
                """);
        CliRun run = CliRun.of("rewrite", k8s.toString(), "--dry-run", "--recipe",
                "dev.migrate.prefect.RenamePrefectSettingsToPrefect3Names");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("-    - secretKey: PREFECT_API_DATABASE_CONNECTION_URL\n")
                .contains("+    - secretKey: PREFECT_SERVER_DATABASE_CONNECTION_URL\n")
                .contains("+  PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED: ***\n")
                .doesNotContain("ZmFsc2U=").doesNotContain("cGctcGFzcy02MQ==");
    }

    private void assertGitApplies(Path patch) throws Exception {
        git("init", "-q");
        Process check = new ProcessBuilder("git", "apply", "--check", patch.toString())
                .directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).as("git apply warns").doesNotContain("warning");
    }

    @Test
    void inPlaceWritesSafeFixesOnlyKeepsModesAndLineEndingsAndIsIdempotent() throws Exception {
        CliRun first = CliRun.of("rewrite", project.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("file(s) changed").contains("manual items left")
                .contains("rerun with --unsafe-fixes");
        // Safe: pins and the set-schedule rename. Unsafe (pool choice): the agent stays until asked.
        assertThat(Files.readString(project.resolve("requirements.txt"))).isEqualTo("prefect[postgres]==3.8.3\r\nrequests\r\n");
        assertThat(Files.readString(project.resolve("deploy.sh")))
                .isEqualTo("#!/bin/sh\nprefect deployment schedule clear etl/nightly -y\n");
        assertThat(Files.getPosixFilePermissions(project.resolve("deploy.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(project.resolve("docker-compose.v2.yml"))).contains("prefect agent start");
        assertThat(Files.readString(project.resolve("notes.md"))).isEqualTo("prefect agent start -q x\n");

        CliRun unsafe = CliRun.of("rewrite", project.toString(), "--unsafe-fixes");
        assertThat(unsafe.exitCode()).isZero();
        assertThat(Files.readString(project.resolve("docker-compose.v2.yml")))
                .contains("prefect-worker:").contains("prefect worker start --work-queue iceberg-offload --pool process-pool --type process");

        CliRun again = CliRun.of("rewrite", project.toString(), "--unsafe-fixes");
        assertThat(again.out()).contains("0 file(s) changed");
    }

    @Test
    void aFileLeftOutIsNamedAsNotRewritten() throws Exception {
        // a file the run did not look at passes for migrated unless it is named; binary files are expected
        Files.createSymbolicLink(project.resolve("flows/etl.py"), project.resolve("notes.md"));
        Files.write(project.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        CliRun run = CliRun.of("rewrite", project.toString(), "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("not rewritten flows/etl.py: symbolic link (not followed)")
                .doesNotContain("logo.png");
    }

    // a Prefect 2 flow with an unclosed parenthesis: no recipe edits it, and the summary said nothing ("0 refused")
    @Test
    void aPythonFileWithASyntaxErrorIsNamedAsNotRewritten() throws Exception {
        Files.writeString(project.resolve("flows/broken.py"), "from prefect.task_runners import SequentialTaskRunner\n"
                + "\n@flow(task_runner=SequentialTaskRunner()\ndef f():\n    pass\n");
        CliRun run = CliRun.of("rewrite", project.toString(), "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).containsPattern("not rewritten flows/broken\\.py: syntax error at line \\d+, column \\d+ \\(")
                .contains("python3 -m py_compile flows/broken.py");
        assertThat(run.out()).doesNotContain("broken.py");
    }

    @Test
    void aDroppedOptionIsQuotedWithoutItsSecret() throws Exception {
        Files.writeString(project.resolve("agent.sh"), "#!/bin/sh\nprefect agent docker start --label etl "
                + "--env PREFECT__CONTEXT__SECRETS__GITHUB=ghp_planted0123456789 -k pnu_plantedKey42\n");
        CliRun run = CliRun.of("rewrite", project.toString(), "--unsafe-fixes");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("dropped `--env PREFECT__CONTEXT__SECRETS__GITHUB=***`")
                .contains("dropped `-k ***`").doesNotContain("ghp_planted0123456789").doesNotContain("pnu_plantedKey42");
        assertThat(Files.readString(project.resolve("agent.sh"))).contains("prefect worker start --pool etl");
    }

    @Test
    void failOnManualExitsOneWhileManualItemsRemain() {
        CliRun run = CliRun.of("rewrite", project.toString(), "--dry-run", "--fail-on", "manual");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void badTargetAndUnknownRecipeAreInvalidInput() {
        CliRun target = CliRun.of("rewrite", project.toString(), "--target", "4.0");
        assertThat(target.exitCode()).isEqualTo(2);
        assertThat(target.err()).contains("unknown Prefect target '4.0'").contains("3.8");
        CliRun recipe = CliRun.of("rewrite", project.toString(), "--recipe", "no.such.Recipe");
        assertThat(recipe.exitCode()).isEqualTo(2);
        assertThat(recipe.err()).contains("unknown recipe 'no.such.Recipe'").contains("--list");
    }

    @Test
    void missingPathIsInvalidInputAsForTheOtherCommands() {
        CliRun run = CliRun.of("rewrite", project.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("PATH " + project.resolve("nope") + " does not exist; give the project's directory");
        assertThat(CliRun.of("scan", project.resolve("nope").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate", project.resolve("nope.yaml").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("cutover", "plan", project.resolve("nope").toString()).exitCode()).isEqualTo(2);
        // a patch that cannot be written is found before the recipes run
        CliRun patch = CliRun.of("rewrite", project.toString(), "--patch", project.resolve("no-dir/x.patch").toString());
        assertThat(patch.exitCode()).isEqualTo(2);
        assertThat(patch.err()).contains("--patch " + project.resolve("no-dir/x.patch") + ": directory "
                + project.resolve("no-dir").toAbsolutePath() + " does not exist; create it or choose another path");
        assertThat(CliRun.of("rewrite", project.toString(), "--patch", project.toString()).err()).contains("is a directory; name a file");
    }

    @Test
    void listShowsRecipesWithDescriptions() {
        CliRun run = CliRun.of("rewrite", "--list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("dev.migrate.prefect.MigrateToPrefect3FromPrefect2")
                .contains("Migrate to Prefect 3 from Prefect 2.");
    }

    private void git(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        assertThat(new ProcessBuilder(cmd).directory(project.toFile()).start().waitFor()).isZero();
    }
}
