package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrefectCommandRewriterTest {
    private static ShellRewrite rw(String text) {
        return PrefectCommandRewriter.rewrite(text, CliOptions.DEFAULT);
    }

    // 2.x agents without --pool polled their queues in default-agent-pool: the worker polls the same queue of the
    // typed pool standing in for it
    @Test
    void agentOnAQueueBecomesAWorkerOnTheStandInPoolPollingThatQueue() {
        ShellRewrite r = rw("prefect agent start -q iceberg-offload");
        assertThat(r.text()).isEqualTo("prefect worker start --work-queue iceberg-offload --pool process-pool --type process");
        assertThat(r.notes()).singleElement().asString().contains("work pool `process-pool`", "default-agent-pool",
                "polling queue `iceberg-offload`", "prefect work-pool create process-pool --type process");
    }

    // an agent polling two queues became a worker on a pool named after the first (`--pool a`), while the
    // deployment built for queue b went to pool `b`, which no worker served: one pool now holds both queues, and
    // the deployments of each queue deploy to it
    @Test
    void agentOnSeveralQueuesKeepsEveryQueueOnThePoolItsDeploymentsUse() {
        ShellRewrite worker = rw("prefect agent start -q a -q b");
        assertThat(worker.text()).isEqualTo("prefect worker start --work-queue a --work-queue b --pool process-pool --type process");
        assertThat(worker.notes()).singleElement().asString().contains("polling queues `a`, `b`");
        assertThat(rw("prefect deployment build f.py:f -n x -q b -a").text())
                .isEqualTo("prefect --no-prompt deploy --pool process-pool f.py:f --name x --work-queue b");
        assertThat(rw("prefect agent start a b").text())
                .isEqualTo("prefect worker start --work-queue a --work-queue b --pool process-pool --type process");
        // a worker already on Prefect 3 is left as it is
        assertThat(rw("prefect worker start --pool etl --work-queue a --work-queue b").changed()).isFalse();
    }

    @Test
    void agentOnAPoolKeepsItsQueuesAndDropsTagsWithAReason() {
        ShellRewrite r = rw("prefect agent start --pool default-pool -q a -q b -t etl --limit 4");
        assertThat(r.text()).isEqualTo("prefect worker start --pool default-pool --work-queue a --work-queue b --limit 4 --type process");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("PF203: dropped `-t etl`") && n.contains("--type"));
    }

    // an agent image's ENTRYPOINT and a deploy script named the 2.x agent pool: the worker command came out
    // without a word, and a 3.x worker refuses that pool; then a note told to create "NAME" instead of naming the
    // pool. default-agent-pool is what agents and deployments without --pool used: the same stand-in pool replaces it
    @Test
    void theAgentPoolOf2xBecomesThePoolStandingInForIt() {
        ShellRewrite worker = rw("prefect agent start --pool default-agent-pool -q etl");
        assertThat(worker.text()).isEqualTo("prefect worker start --pool process-pool --work-queue etl --type process");
        assertThat(worker.notes()).singleElement().asString().contains("work pool `process-pool`", "prefect-agent pool",
                "prefect work-pool create process-pool --type process").doesNotContain("NAME");
        ShellRewrite deploy = rw("prefect deployment build a.py:f -n x -p default-agent-pool -q etl -a");
        assertThat(deploy.text()).isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool process-pool --work-queue etl");
        assertThat(rw("prefect deployment build a.py:f -n x --pool=default-agent-pool -ib docker-container/prod -a").text())
                .isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool=prod");
        // Prefect 2's own `prefect deploy` to that pool: a note names the pool to use instead
        ShellRewrite deploy2 = rw("prefect deploy a.py:f -n x -p default-agent-pool");
        assertThat(deploy2.manual()).isTrue();
        assertThat(deploy2.notes()).anyMatch(n -> n.contains("--pool process-pool") && !n.contains("NAME"));
        assertThat(rw("prefect agent start --pool etl").manual()).isFalse();
    }

    // a k8s manifest ran `prefect agent start -q default -p worker-pool`: 2.x agents poll only prefect-agent pools,
    // so the worker, given the same pool, is refused until the pool is recreated with a type
    @Test
    void anAgentsOwnPoolIsNamedForRecreation() {
        ShellRewrite r = rw("prefect agent start -q default -p worker-pool");
        assertThat(r.text()).isEqualTo("prefect worker start --work-queue default --pool worker-pool --type process");
        assertThat(r.notes()).anyMatch(n -> n.contains("the agent's pool `worker-pool` is a prefect-agent pool")
                && n.contains("prefect work-pool create worker-pool --type process"));
        assertThat(rw("prefect agent start -q default").notes()).noneMatch(n -> n.contains("prefect-agent pool"));
    }

    @Test
    void bodyOfShDashCIsRewrittenInsideItsQuotes() {
        ShellRewrite r = rw("sh -c \"pip install psycopg2-binary && prefect agent start -q iceberg-offload\"");
        assertThat(r.text()).isEqualTo("sh -c \"pip install psycopg2-binary && prefect worker start --work-queue iceberg-offload --pool process-pool --type process\"");
    }

    @Test
    void deploymentBuildBecomesDeployWithPoolFromTheInfraBlock() {
        ShellRewrite r = rw("prefect deployment build flows/van.py:update_van_source_codes -a -n update_van_source_codes -ib ecs-task/prod");
        assertThat(r.text()).isEqualTo("prefect --no-prompt deploy --pool prod flows/van.py:update_van_source_codes --name update_van_source_codes");
        assertThat(r.notes()).anyMatch(n -> n.contains("--type ecs")).anyMatch(n -> n.startsWith("PF201: dropped `-a`"));
    }

    // the pool type came from a table of its own, which spelt Vertex AI's slug vertex-ai-custom-job (the block's is
    // vertex-ai-custom-training-job) and lacked cloud-run-job-v2 and AzureContainerInstanceJob's type field
    @Test
    void integrationBlockSlugsGiveTheirPoolTypes() {
        assertThat(rw("prefect deployment build a.py:f -n x -ib vertex-ai-custom-training-job/gpu -a").notes())
                .anyMatch(n -> n.contains("--type vertex-ai"));
        assertThat(rw("prefect deployment build a.py:f -n x -ib cloud-run-job-v2/cr -a").notes())
                .anyMatch(n -> n.contains("--type cloud-run-v2"));
        assertThat(rw("prefect deployment build a.py:f -n x -i container-instance-job -a").text())
                .contains("--pool azure-container-instance-pool");
    }

    // a CI dry-run step `prefect deployment build ... --skip-upload` became a `prefect deploy` that registered the
    // deployment on every pull request; 2.x only wrote the file
    @Test
    void aBuildWithoutApplyIsLeftAsItWasForAPerson() {
        ShellRewrite r = rw("prefect deployment build flows/etl.py:etl -n check --skip-upload -o out/check.yaml");
        assertThat(r.changed()).isFalse();
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).singleElement().asString().startsWith("PF201: left as it was")
                .contains("`out/check.yaml`", "`prefect deploy` registers the deployment");
    }

    @Test
    void aBuildAppliedLaterInItsChainOrOnALaterLineBecomesDeploy() {
        assertThat(rw("prefect deployment build a.py:f -n x -p etl && prefect deployment apply f-deployment.yaml").text())
                .isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool etl && prefect --no-prompt deploy --all");
        assertThat(PrefectCommandRewriter.rewrite("prefect deployment build a.py:f -n x -p etl -o ./x.yaml",
                CliOptions.DEFAULT.withAppliedLater(java.util.Set.of("x.yaml"))).text())
                .isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool etl");
        // an apply before the build, or of another file, does not apply what the build writes
        assertThat(rw("prefect deployment apply f-deployment.yaml; prefect deployment build a.py:f -n x -p etl").text())
                .endsWith("; prefect deployment build a.py:f -n x -p etl");
        assertThat(rw("prefect deployment build a.py:f -n x -p etl -o a.yaml && prefect deployment apply b.yaml")
                .manual()).isTrue();
    }

    @Test
    void overrideBecomesJobVariableAndShortFlagsAreWrittenOutLong() {
        ShellRewrite r = rw("prefect deployment build a.py:f -n nightly -p etl -q q1 -t daily --override image=etl:4 -o out.yaml -a");
        assertThat(r.text()).isEqualTo("prefect --no-prompt deploy a.py:f --name nightly --pool etl --work-queue q1 --tag daily --job-variable image=etl:4");
    }

    // `--override env.X=1` set X inside the infrastructure's env in 2.x; `prefect deploy --job-variable env.X=1`
    // sets a variable literally named "env.X" (3.8.3 _extract_variable keeps the key as written), so the runs
    // lost X. A JSON object (no `=` in it) is the only --job-variable form that nests; one object per variable,
    // since objects are merged at the top only.
    @Test
    void dottedOverridesBecomeOneJsonObjectPerVariable() {
        ShellRewrite r = rw("prefect deployment build a.py:f -n nightly -p etl --override env.X=1 --override image=etl:4"
                + " --override=env.MODE=full --apply");
        assertThat(r.text()).isEqualTo("prefect --no-prompt deploy a.py:f --name nightly --pool etl"
                + " --job-variable '{\"env\":{\"X\":\"1\",\"MODE\":\"full\"}}' --job-variable image=etl:4");
        assertThat(r.manual()).isFalse();
        assertThat(r.notes()).anyMatch(n -> n.contains("replaces the work pool's default `env`"));
    }

    // a VPS deploy script and the build output it had written were both converted: run in the project, the
    // new `prefect deploy --cron ...` took the prefect.yaml entry and added its --cron as a second schedule
    @Test
    void scheduleFlagsOfAConvertedBuildWarnOfATwiceScheduledEntry() {
        assertThat(rw("prefect deployment build a.py:f -n x -p etl --cron '0 4 * * 0' -a").notes())
                .anyMatch(n -> n.contains("run twice"));
        assertThat(rw("prefect deployment build a.py:f -n x -p etl -a").notes()).noneMatch(n -> n.contains("run twice"));
    }

    // a deployer container ran `bash -c "... --override env.X=1"`: the JSON object's double quotes, written as
    // they are, would have closed the -c string
    @Test
    void newWordsInsideADoubleQuotedBodyEscapeTheirQuotes() {
        ShellRewrite r = rw("bash -c \"prefect deployment build a.py:f -n x -p etl --override env.X=1 -a\"");
        assertThat(r.text()).isEqualTo("bash -c \"prefect --no-prompt deploy a.py:f --name x --pool etl"
                + " --job-variable '{\\\"env\\\":{\\\"X\\\":\\\"1\\\"}}'\"");
    }

    // a CI script passing the commit to the flow (`--override env.GIT_SHA=$CI_COMMIT_SHA`): in single quotes the
    // JSON would have carried the text `$CI_COMMIT_SHA` instead of the commit
    @Test
    void aMovedValueTheShellExpandsKeepsItsExpansion() {
        assertThat(rw("prefect deployment build a.py:f -n x -p etl --override env.GIT_SHA=$CI_COMMIT_SHA -a").text())
                .isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool etl"
                        + " --job-variable \"{\\\"env\\\":{\\\"GIT_SHA\\\":\\\"$CI_COMMIT_SHA\\\"}}\"");
        // in a double-quoted body the enclosing shell expands it, before sh -c runs
        assertThat(rw("sh -c \"prefect deployment build a.py:f -n x -p etl --override env.GIT_SHA=$SHA -a\"").text())
                .isEqualTo("sh -c \"prefect --no-prompt deploy a.py:f --name x --pool etl"
                        + " --job-variable '{\\\"env\\\":{\\\"GIT_SHA\\\":\\\"$SHA\\\"}}'\"");
    }

    // a systemd unit ran `bash -lc '... --override env.A=1'`: the single-quoted JSON cannot stand in the
    // single-quoted body, so the edit was refused, silently, while its notes read as if it had been made
    @Test
    void newWordsInsideASingleQuotedBodyAreDoubleQuoted() {
        assertThat(rw("bash -lc 'prefect deployment build a.py:f -n x -p etl --override env.A=$A -a'").text())
                .isEqualTo("bash -lc 'prefect --no-prompt deploy a.py:f --name x --pool etl"
                        + " --job-variable \"{\\\"env\\\":{\\\"A\\\":\\\"$A\\\"}}\"'");
        ShellRewrite refused = rw("bash -lc 'prefect deployment build a.py:f -n x -p etl --override \"env.A=it'\\''s\" -a'");
        assertThat(refused.changed()).isFalse();
        assertThat(refused.manual()).isTrue();
        assertThat(refused.notes()).anyMatch(n -> n.startsWith("the single quotes around this command"));
    }

    // a CI workflow building with `-sb s3/flows-prod`: the code came from the bucket; `prefect deploy` without pull
    // steps records the CI runner's directory as the code location, so the drop is work for a person
    @Test
    void aDroppedStorageBlockIsManual() {
        ShellRewrite r = rw("prefect deployment build a.py:f -n x -ib ecs-task/prod -sb s3/flows-prod -a");
        assertThat(r.text()).isEqualTo("prefect --no-prompt deploy --pool prod a.py:f --name x");
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("PF201: dropped `-sb s3/flows-prod`") && n.contains("pull steps by hand"));
        assertThat(rw("prefect deployment build a.py:f -n x -ib ecs-task/prod -a").manual()).isFalse();
    }

    @Test
    void aDottedOverrideWhoseJsonWouldHoldAnEqualsSignIsLeftToAPerson() {
        ShellRewrite r = rw("prefect deployment build a.py:f -n nightly -p etl --override env.OPTS=a=b -a");
        assertThat(r.text()).isEqualTo("prefect --no-prompt deploy a.py:f --name nightly --pool etl");
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).anyMatch(n -> n.contains("env.OPTS") && n.contains("env: {\"OPTS\":\"a=b\"}"));
    }

    // a deploy script run from a terminal (make deploy) stopped at 3.x prompts (save prefect.yaml? pull code
    // from where?) that 2.x `deployment build` never asked
    @Test
    void convertedDeploysNeverPromptAndGlobalOptionsAreKept() {
        assertThat(rw("prefect --profile ci deployment build a.py:f -n x -p etl -a").text())
                .isEqualTo("prefect --profile ci --no-prompt deploy a.py:f --name x --pool etl");
        assertThat(rw("prefect --no-prompt deployment build a.py:f -n x -p etl -a").text())
                .isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool etl");
        assertThat(rw("prefect deployment apply etl-deployment.yaml").text()).isEqualTo("prefect --no-prompt deploy --all");
        assertThat(rw("prefect -p ci agent start -q q").text()).isEqualTo("prefect -p ci worker start --work-queue q --pool process-pool --type process");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        prefect deployment set-schedule etl/nightly --cron '0 2 * * *' | prefect deployment schedule create etl/nightly --cron '0 2 * * *' --replace -y
        prefect deployment set-schedule etl/nightly --no-schedule       | prefect deployment schedule clear etl/nightly -y
        prefect deployment pause-schedule etl/nightly                   | prefect deployment schedule pause etl/nightly --all
        prefect orion start --host 0.0.0.0                              | prefect server start --host 0.0.0.0
        prefect orion database upgrade -y                               | prefect server database upgrade -y
        prefect deploy -n x flows/a.py:f -v image=repo/x:1              | prefect deploy -n x flows/a.py:f --job-variable image=repo/x:1
        prefect deployment apply main-deployment.yaml                   | prefect --no-prompt deploy --all
        /home/prefect/venv/bin/prefect agent start -q q                 | /home/prefect/venv/bin/prefect worker start --work-queue q --pool process-pool --type process
        prefect work-pool create iceberg-offload                        | prefect work-pool create iceberg-offload --type process
        prefect agent start --pool=etl -q q1                            | prefect worker start --pool=etl --work-queue q1 --type process
        prefect deployment build a.py:f --name=n --cron='1 0 * * *' -a  | prefect --no-prompt deploy --pool process-pool a.py:f --name=n --cron='1 0 * * *'
        pip3 install prefect==2.7.7 prefect-gcp                         | pip3 install prefect==3.8.3 prefect-gcp
        python -m pip install -U "prefect>=2.10,<3" pandas              | python -m pip install -U "prefect>=3.8.3,<4" pandas
        uv pip install prefect-shell==0.2.2                             | uv pip install prefect-shell==0.3.0
        pip3 install prefect==0.15.3                                    | pip3 install prefect==3.8.3
        pip install "prefect>=0.14,<1.0" boto3                          | pip install "prefect==3.8.3" boto3
        poetry run prefect agent start -q 'test'                        | poetry run prefect worker start --work-queue 'test' --pool process-pool --type process
        uv run prefect deployment build a.py:f -n x -a                  | uv run prefect --no-prompt deploy --pool process-pool a.py:f --name x
        python3 -m prefect agent start -q py                            | python3 -m prefect worker start --work-queue py --pool process-pool --type process
        env PREFECT_API_URL=http://s:4200/api prefect agent start -q e  | env PREFECT_API_URL=http://s:4200/api prefect worker start --work-queue e --pool process-pool --type process
        tini -g -- prefect agent start -q t                             | tini -g -- prefect worker start --work-queue t --pool process-pool --type process
        /usr/bin/dumb-init -- prefect agent start -q d                  | /usr/bin/dumb-init -- prefect worker start --work-queue d --pool process-pool --type process
        /opt/prefect/entrypoint.sh prefect agent start -q i             | /opt/prefect/entrypoint.sh prefect worker start --work-queue i --pool process-pool --type process
        tini -- echo prefect agent start                                | tini -- echo prefect agent start
        """)
    void translatesCommands(String before, String after) {
        assertThat(rw(before).text()).isEqualTo(after);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "prefect worker start --pool iceberg-offload --type process",
        "prefect deploy --all",
        "prefect --no-prompt deploy --pool etl a.py:f --job-variable '{\"env\":{\"X\":\"1\"}}'",
        "prefect deploy -n x flows/a.py:f",
        "prefect server start --host 0.0.0.0",
        "echo prefect agent start",
        "docker exec k2-spark-iceberg spark-submit /opt/jobs/offload.py --table trades",
        "PREFECT_API_URL=http://prefect-server:4200/api prefect deployment run 'flow/dep'",
        "pip install prefect prefect-aws>=0.5",
        "pip install -r requirements.txt",
        "poetry run prefect worker start --pool p --type process",
        "python -m prefect_cli_tools agent start -q q",
        "uv run pytest tests/",
        // an ETL start script: a `--type=process` written with `=` was typed a second time
        "prefect work-pool create \"${POOL}\" --type=process",
    })
    void leavesPrefect3AndOtherCommandsAlone(String text) {
        ShellRewrite r = rw(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.changed()).isFalse();
    }

    // agent scripts gave the 2.x agent its queue as an argument (`prefect agent start nightly`): the worker kept
    // it as an argument `prefect worker start` rejects, on pool `default`, with a note that no queue was named
    @Test
    void anAgentQueueGivenAsAnArgumentBecomesAWorkQueueFlag() {
        ShellRewrite r = rw("prefect agent start nightly");
        assertThat(r.text()).isEqualTo("prefect worker start --work-queue nightly --pool process-pool --type process");
        assertThat(r.notes()).anyMatch(n -> n.contains("polling queue `nightly`"));
        assertThat(r.manual()).isFalse();
    }

    // a start script built its queue flags in a variable (`prefect agent start $queues`): the worker got pool
    // `default` with a note that the agent named no queue, and the expansion was kept without a word
    @Test
    void anAgentArgumentTheShellExpandsIsLeftToAPerson() {
        ShellRewrite r = rw("prefect agent start $prefect_work_queues");
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).anyMatch(n -> n.contains("`$prefect_work_queues` is given to the agent as it expands"))
                .noneMatch(n -> n.contains("the agent named no queue"));
        // `prefect worker start --pool default $prefect_work_queues` was written: the worker takes no argument
        assertThat(r.changed()).isFalse();
        assertThat(r.text()).isEqualTo("prefect agent start $prefect_work_queues");
        assertThat(r.notes()).anyMatch(n -> n.contains("prefect worker start --pool process-pool --type process"));
    }

    // a start script passing its queue in a variable: a flag's value is one argument, the queue's name, as a literal
    // is. An argument in double quotes is one too, and was left as it was with the unquoted ones (which may split)
    @Test
    void aQueueGivenByAQuotedVariableIsTranslatedLikeALiteralOne() {
        assertThat(rw("prefect agent start -q \"$QUEUE\"").text())
                .isEqualTo("prefect worker start --work-queue \"$QUEUE\" --pool process-pool --type process");
        assertThat(rw("prefect agent start --work-queue \"${QUEUE:-default}\"").text())
                .isEqualTo("prefect worker start --work-queue \"${QUEUE:-default}\" --pool process-pool --type process");
        ShellRewrite positional = rw("prefect agent start \"$QUEUE\"");
        assertThat(positional.text()).isEqualTo("prefect worker start --work-queue \"$QUEUE\" --pool process-pool --type process");
        assertThat(positional.manual()).isFalse();
        assertThat(rw("prefect agent start \"${Q1}\" -q \"$Q2\"").text())
                .isEqualTo("prefect worker start --work-queue \"${Q1}\" --work-queue \"$Q2\" --pool process-pool --type process");
        // single quotes expand nothing: the queue is named `$Q`, as in 2.x
        assertThat(rw("prefect agent start '$Q'").text()).isEqualTo("prefect worker start --work-queue '$Q' --pool process-pool --type process");
    }

    // must not change: words the shell may split into several arguments, flags included
    @ParameterizedTest
    @ValueSource(strings = {"prefect agent start $QUEUES", "prefect agent start \"$@\"",
            "prefect agent start \"${queues[@]}\"", "prefect agent start \"$Q\" $Q", "prefect agent start \"$A\"$B"})
    void anAgentArgumentThatMaySplitIsLeftToAPerson(String line) {
        ShellRewrite r = rw(line);
        assertThat(r.changed()).isFalse();
        assertThat(r.manual()).isTrue();
    }

    // a setup script created the pool its 2.x agents polled with `--type prefect-agent`: kept without a word
    @Test
    void aPoolCreatedWithThePrefectAgentTypeIsLeftToAPerson() {
        ShellRewrite r = rw("prefect work-pool create legacy --type prefect-agent");
        assertThat(r.changed()).isFalse();
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).singleElement().asString().contains("`legacy` would be a prefect-agent pool", "--type process");
        assertThat(rw("prefect work-pool create k8s -t kubernetes").notes()).isEmpty();
    }

    // each decision is written under the code the scan reports the command with: PF224 for a pool given a type,
    // PF225 for a queue given a pool, BHV005 for a pool created with the agents' type (not the command's own code)
    @Test
    void theNotesOfPoolAndQueueCreationCarryTheScansCodes() {
        ShellRewrite pool = rw("prefect work-pool create etl-pool");
        assertThat(pool.text()).isEqualTo("prefect work-pool create etl-pool --type process");
        assertThat(pool.notes()).singleElement().asString().startsWith("PF224: ");
        assertThat(rw("prefect work-queue create nightly").notes()).singleElement().asString().startsWith("PF225: ");
        assertThat(rw("prefect work-pool create legacy --type prefect-agent").notes()).singleElement().asString()
                .startsWith("BHV005: ").doesNotContain("PF224");
        assertThat(rw("prefect work-pool create etl-pool --type=docker").changed()).isFalse();
    }

    // a setup script created its agents' queue without a pool: it landed in default-agent-pool, and the note said
    // "add --pool NAME"; it goes to the pool standing in for default-agent-pool, where the workers poll it
    @Test
    void aQueueCreatedWithoutAPoolGoesToTheStandInPool() {
        ShellRewrite r = rw("prefect work-queue create etl --limit 2");
        assertThat(r.text()).isEqualTo("prefect work-queue create etl --limit 2 --pool process-pool");
        assertThat(r.notes()).singleElement().asString().contains("work pool `process-pool`",
                "prefect work-pool create process-pool --type process");
        assertThat(rw("prefect work-queue create etl --pool k8s").changed()).isFalse();
        assertThat(rw("prefect work-queue create etl -p k8s").notes()).isEmpty();
    }

    // builds from a saved GitHub or GCS block (`-sb github/koopa-flows`) only said "write the pull steps by hand":
    // the note names the step, the Prefect 3 block's type slug and name, the sub-folder, and the upload 2.x did
    @Test
    void aStorageBlockBuildNamesThePullStepThatReplacesIt() {
        ShellRewrite git = rw("prefect deployment build src/flow.py:f -n d -q slurm -sb github/koopa-flows --skip-upload -a");
        assertThat(git.manual()).isTrue();
        assertThat(git.notes()).anyMatch(n -> n.contains("prefect.deployments.steps.pull_with_block")
                && n.contains("block_type_slug: github-repository and block_document_name: koopa-flows")
                && n.contains("prefect_github.GitHubRepository") && !n.contains("uploaded"));
        ShellRewrite gcs = rw("prefect deployment build flow.py:f -n d -sb gcs/flow-storage/nightly -a");
        assertThat(gcs.notes()).anyMatch(n -> n.contains("block_type_slug: gcs-bucket and block_document_name: flow-storage")
                && n.contains("prefix the entrypoint with `nightly/`") && n.contains("uploaded the code there"));
        // a block type without a Prefect 3 replacement keeps the general note only
        assertThat(rw("prefect deployment build flow.py:f -n d -sb custom-store/x -a").notes())
                .noneMatch(n -> n.contains("pull_with_block"));
    }

    @Test
    void removedCommandsAreManualAndUnchanged() {
        ShellRewrite r = rw("prefect kubernetes manifest server > server.yaml");
        assertThat(r.changed()).isFalse();
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).singleElement().asString().contains("Helm");
    }

    @Test
    void rewritingTwiceChangesNothingMore() {
        String once = rw("cd /opt && prefect agent start -q a -q b # worker").text();
        assertThat(rw(once).text()).isEqualTo(once);
        // With several queues the worker keeps polling each queue of the pool that stands in for default-agent-pool.
        assertThat(once).isEqualTo("cd /opt && prefect worker start --work-queue a --work-queue b --pool process-pool --type process # worker");
    }

    /** The pools the deployments of each queue move to, as the run's scan reads them from this Makefile. */
    private static dev.migrate.analyzers.sources.config.QueuePools builds(String makefile) {
        List<dev.migrate.analyzers.model.Job> jobs = new java.util.ArrayList<>();
        dev.migrate.analyzers.model.InventorySink sink = new dev.migrate.analyzers.model.InventorySink() {
            @Override
            public void job(dev.migrate.analyzers.model.Job job) {
                jobs.add(job);
            }

            @Override
            public void finding(dev.migrate.analyzers.model.Finding finding) {
            }
        };
        new dev.migrate.analyzers.sources.config.PrefectCliLineDetector()
                .detect(new dev.migrate.analyzers.model.ScanFile("Makefile", makefile), sink);
        return dev.migrate.analyzers.sources.config.QueuePools.of(jobs);
    }

    // the deployments of queue etl moved to the pool named after their block: the agent's worker serves it, typed
    @Test
    void agentsWorkerServesThePoolItsQueuesDeploymentsMovedTo() {
        CliOptions o = CliOptions.DEFAULT.withQueuePools(builds("""
                deploy:
                \tprefect deployment build flows/etl.py:etl -n nightly -q etl -ib docker-container/etl-runner -a
                """));
        ShellRewrite r = PrefectCommandRewriter.rewrite("prefect agent start -q etl", o);
        assertThat(r.text()).isEqualTo("prefect worker start --work-queue etl --pool etl-runner --type docker");
        assertThat(r.notes()).singleElement().asString().contains("work pool `etl-runner` (type docker)",
                "where the deployments of the agent's queue were moved", "prefect work-pool create etl-runner --type docker");
        // the deployment itself, translated with the same function, names the same pool
        assertThat(PrefectCommandRewriter.rewrite("prefect deployment build flows/etl.py:etl -n nightly -q etl "
                + "-ib docker-container/etl-runner -a", o).text()).contains("--pool etl-runner ");
        // 2.x's default-agent-pool named outright is the same pool
        assertThat(PrefectCommandRewriter.rewrite("prefect agent start -q etl --pool default-agent-pool", o).text())
                .isEqualTo("prefect worker start --work-queue etl --pool etl-runner --type docker");
        // a queue whose deployments are not known keeps the stand-in
        assertThat(PrefectCommandRewriter.rewrite("prefect agent start -q other", o).text())
                .isEqualTo("prefect worker start --work-queue other --pool process-pool --type process");
    }

    // several blocks on one queue: the 2.x agent ran them all, a worker serves one pool: the stand-in is kept and a
    // worker is asked for each pool
    @Test
    void agentWhoseQueuesDeploymentsMovedToSeveralPoolsKeepsTheStandInAndListsAWorkerPerPool() {
        CliOptions o = CliOptions.DEFAULT.withQueuePools(builds("""
                deploy:
                \tprefect deployment build flows/a.py:a -n a -q etl -ib docker-container/etl-runner -a
                \tprefect deployment build flows/b.py:b -n b -q etl -ib kubernetes-job/etl-k8s -a
                """));
        ShellRewrite r = PrefectCommandRewriter.rewrite("prefect agent start -q etl", o);
        assertThat(r.text()).isEqualTo("prefect worker start --work-queue etl --pool process-pool --type process");
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).hasSize(2).last().asString().isEqualTo("PF203: the deployments of queue `etl` were moved to 2 "
                + "work pools, one per infrastructure block (the 2.x agent ran every block of its queues; a Prefect 3 "
                + "worker serves one pool): this worker serves `process-pool`, which none of them uses; run one worker for "
                + "each pool: prefect worker start --pool etl-runner --type docker --work-queue etl; prefect worker start "
                + "--pool etl-k8s --type kubernetes --work-queue etl");
        // a deployment without a block is on the stand-in this worker serves: a worker is asked for the other pool only
        CliOptions mixed = CliOptions.DEFAULT.withQueuePools(builds("""
                deploy:
                \tprefect deployment build flows/a.py:a -n a -q mixed -a
                \tprefect deployment build flows/b.py:b -n b -q mixed -ib docker-container/heavy -a
                """));
        assertThat(PrefectCommandRewriter.rewrite("prefect agent start -q mixed", mixed).notes()).last().asString()
                .endsWith("this worker serves `process-pool`; run one worker for each other pool: prefect worker start "
                        + "--pool heavy --type docker --work-queue mixed");
    }
}
