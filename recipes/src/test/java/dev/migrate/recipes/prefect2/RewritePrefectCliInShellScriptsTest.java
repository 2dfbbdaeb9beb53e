package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RewritePrefectCliInShellScriptsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInShellScripts());
    }

    @DocumentExample
    @Test
    void civisDeployScript() {
        rewriteRun(text(
            """
            #!/usr/bin/env bash
            set -euo pipefail
            # Build and apply the nightly deployment
            prefect deployment build flows/van.py:update_van_source_codes \\
              -a -n update_van_source_codes -ib ecs-task/prod
            """,
            """
            #!/usr/bin/env bash
            set -euo pipefail
            # Build and apply the nightly deployment
            prefect --no-prompt deploy --pool prod flows/van.py:update_van_source_codes \\
              --name update_van_source_codes
            """,
            spec -> spec.path("scripts/deploy.sh")));
    }

    // bin/ commands without an extension: the scan read their commands by the shebang, the rewrite left them
    @Test
    void anExtensionlessScriptIsKnownByItsFirstLine() {
        rewriteRun(
            text(
                "#!/bin/bash\nprefect agent start -q etl\n",
                "#!/bin/bash\nprefect worker start --work-queue etl --pool process-pool --type process\n",
                spec -> spec.path("bin/worker")),
            // a Python tool's text is no shell command line
            text("#!/usr/bin/env python3\nprefect agent start -q etl\n", spec -> spec.path("bin/tool")));
    }

    // an agent start script whose queue flags sit in a variable: the worker line kept `$queues` as an argument
    // `prefect worker start` rejects; it stays as it was, with a note saying what to write
    @Test
    void anAgentWhoseArgumentsTheShellExpandsIsKept() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.manual()).isTrue())
                .satisfies(r -> assertThat(r.message()).contains("left as it was", "--work-queue NAME"))),
            text(
            """
            #!/bin/sh
            queues="-q etl -q reports"
            exec prefect agent start $queues
            """,
            spec -> spec.path("bin/agent.sh")));
    }

    // setup scripts of a satellite-data project and a dataflow-ops demo: several commands per script, notes
    // all said line 1, and one command needing --unsafe-fixes held back the safe edit of the others
    @Test
    void eachCommandIsTranslatedAndReportedAtItsOwnLine() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(MigrationNotes.Row::line).containsExactlyInAnyOrder(3, 5, 5, 5)),
            text(
            """
            #!/bin/bash
            # don't forget to log in first
            prefect agent start -q 'nightly'
            echo "multi
            line" && prefect deployment build etl.py:etl -n etl \\
              -o out.yaml --apply
            """,
            """
            #!/bin/bash
            # don't forget to log in first
            prefect worker start --work-queue 'nightly' --pool process-pool --type process
            echo "multi
            line" && prefect --no-prompt deploy --pool process-pool etl.py:etl --name etl
            """,
            spec -> spec.path("setup.sh")));
    }

    @Test
    void withoutUnsafeFixesOnlyTheUnsafeCommandStaysAndItsNoteIsOneLine() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> {
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.code()).isEqualTo("PF203"); // the agent's own finding
                    assertThat(r.message()).doesNotContain("\n").contains("prefect worker start --work-queue 'q' --pool process-pool");
                })),
            text(
            """
            #!/bin/bash
            prefect deployment run etl/nightly
            prefect agent start \\
              -q 'q'
            prefect deployment ls
            """,
            spec -> spec.path("run.sh")));
    }

    // a command continued over lines came back on one line: unchanged arguments stay on their lines, a
    // renamed flag stays where it was, a dropped flag takes its own blanks (and a line it had alone) with it
    @Test
    void continuedCommandKeepsItsLines() {
        rewriteRun(text(
            """
            #!/bin/sh
            prefect deployment build flows/etl.py:etl \\
              -n nightly \\
              -q default -a
            prefect deployment build flows/load.py:load \\
            \t--apply \\
            \t--cron '0 3 * * *'   \\
            \t-sb s3/bucket \\
            \t--name load
            prefect agent start \\
              --work-queue  "night shift"
            """,
            """
            #!/bin/sh
            prefect --no-prompt deploy --pool process-pool flows/etl.py:etl \\
              --name nightly \\
              --work-queue default
            prefect --no-prompt deploy --pool process-pool flows/load.py:load \\
            \t--cron '0 3 * * *'   \\
            \t--name load
            prefect worker start \\
              --work-queue  "night shift" --pool process-pool --type process
            """,
            spec -> spec.path("deploy.sh")));
    }

    // a demo script built a deployment file and applied it on the next line: the build became `prefect deploy`,
    // which registers the deployment, and the apply became `prefect deploy --all`, which deploys whatever
    // prefect.yaml is in the working directory (or fails without one)
    @Test
    void applyOfAFileBuiltAboveIsCommentedOut() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().startsWith("commented out")).extracting(r -> r.line() + " " + r.code())
                .containsExactlyInAnyOrder("3 PF202", "6 PF202")),
            text(
            """
            #!/bin/bash
            prefect deployment build flows/report.py:report -n daily -q etl -o out/report.yaml
            prefect deployment apply out/report.yaml
            prefect deployment run report/daily
            prefect deployment build flows/load.py:load -n hourly -q etl
            prefect deployment apply ./load-deployment.yaml
            prefect deployment apply shared/other-deployment.yaml
            """,
            """
            #!/bin/bash
            prefect --no-prompt deploy --pool process-pool flows/report.py:report --name daily --work-queue etl
            # prefect deployment apply out/report.yaml
            prefect deployment run report/daily
            prefect --no-prompt deploy --pool process-pool flows/load.py:load --name hourly --work-queue etl
            # prefect deployment apply ./load-deployment.yaml
            prefect --no-prompt deploy --all --prefect-file shared/prefect.yaml
            """,
            spec -> spec.path("deploy.sh")));
    }

    // an image-analysis project builds each flow to deployment/NAME.yaml and applies them with a glob: the builds
    // were left as build-only for a person, and the apply became `prefect deploy --all`
    @Test
    void anApplyOfAGlobCoveringTheBuiltFilesAppliesThem() {
        rewriteRun(
            text(
            """
            #!/bin/sh
            prefect deployment build flows/a.py:a -n default -q slurm -o deployment/a.yaml
            prefect deployment build flows/b.py:b -n default -q slurm -o deployment/b.yaml
            prefect deployment apply deployment/*.yaml
            """,
            """
            #!/bin/sh
            prefect --no-prompt deploy --pool process-pool flows/a.py:a --name default --work-queue slurm
            prefect --no-prompt deploy --pool process-pool flows/b.py:b --name default --work-queue slurm
            # prefect deployment apply deployment/*.yaml
            """,
            spec -> spec.path("deploy.sh")),
            // a glob covering none of the built files applies other files: the build is still build-only
            text(
            """
            prefect deployment build flows/c.py:c -n c -q etl -o out/c.yaml
            prefect deployment apply deployment/*.yaml
            """,
            """
            prefect deployment build flows/c.py:c -n c -q etl -o out/c.yaml
            prefect --no-prompt deploy --all --prefect-file deployment/prefect.yaml
            """,
            spec -> spec.path("other.sh")));
    }

    // a script applied each build output of a directory in a loop (`for f in deployments/*.yaml`): `"$f"` was read
    // as a file of the working directory, so the apply became a silent `prefect deploy --all` of ./prefect.yaml,
    // which holds none of those deployments; a variable may name any directory, which a person has to say
    @Test
    void anApplyOfAFileNamedByAVariableNamesNoDirectory() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("not in one known directory")).singleElement().satisfies(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.message()).contains("($f)", "--prefect-file DIR/prefect.yaml");
                })),
            text(
            """
            #!/bin/sh
            for f in deployments/*-deployment.yaml; do
              prefect deployment apply "$f"
            done
            prefect deployment apply "deployments/$NAME-deployment.yaml"
            """,
            """
            #!/bin/sh
            for f in deployments/*-deployment.yaml; do
              prefect --no-prompt deploy --all
            done
            prefect --no-prompt deploy --all --prefect-file deployments/prefect.yaml
            """,
            spec -> spec.path("apply.sh")));
    }

    // a satellite-data setup script applied prefect/flows/pipeline-deployment.yaml from the project root: the
    // file's deployment moves to prefect/flows/prefect.yaml, while `prefect deploy --all` read ./prefect.yaml, so
    // it found no deployment there (or deployed another file's)
    @Test
    void anApplyOfAFileInAnotherDirectoryDeploysThatDirectorysPrefectYaml() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(MigrationNotes.Row::manual).allSatisfy(r -> assertThat(r.line()).isEqualTo(5))
                .anySatisfy(r -> assertThat(r.message()).contains("not in one known directory",
                        "--prefect-file DIR/prefect.yaml"))),
            text(
            """
            #!/bin/sh
            prefect deployment apply flows/nightly/etl-deployment.yaml
            prefect deployment apply "ops/deploy files/report-deployment.yaml" --upload
            prefect deployment apply ./local-deployment.yaml
            prefect deployment apply a/x-deployment.yaml b/y-deployment.yaml
            """,
            """
            #!/bin/sh
            prefect --no-prompt deploy --all --prefect-file flows/nightly/prefect.yaml
            prefect --no-prompt deploy --all --prefect-file 'ops/deploy files/prefect.yaml'
            prefect --no-prompt deploy --all
            prefect --no-prompt deploy --all
            """,
            spec -> spec.path("setup.sh")));
    }

    // a demo deploy script built one flow per infrastructure block, all blocks named `prod`: every deploy went to a
    // pool `prod`, each note saying to create it with another type, and nothing said a pool has one type
    @Test
    void onePoolNameGivenTwoTypesIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("has one type")).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("work pool `prod`", "kubernetes, docker");
                })),
            text(
            """
            #!/bin/sh
            prefect deployment build flows/a.py:a -n a -ib kubernetes-job/prod -a
            prefect deployment build flows/b.py:b -n b -ib docker-container/prod -a
            prefect deployment build flows/c.py:c -n c -ib docker-container/prod -a
            """,
            """
            #!/bin/sh
            prefect --no-prompt deploy --pool prod flows/a.py:a --name a
            prefect --no-prompt deploy --pool prod flows/b.py:b --name b
            prefect --no-prompt deploy --pool prod flows/c.py:c --name c
            """,
            spec -> spec.path("deploy.sh")));
    }

    // a CI "does the flow build" script: 2.x wrote etl-deployment.yaml and registered nothing; `prefect deploy`
    // would register the deployment on every pull request
    @Test
    void aBuildThatOnlyWroteAFileIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.code()).isEqualTo("PF201");
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("`etl-deployment.yaml`", "no build-only step",
                            "prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name check");
                })),
            text(
            """
            #!/bin/sh
            # check that the flow builds
            prefect deployment build flows/etl.py:etl -n check --skip-upload
            """,
            spec -> spec.path("ci/check.sh")));
    }

    // only a build whose file is applied after it (a later line, later in its chain) registered a deployment
    @Test
    void onlyBuildsAppliedLaterBecomeDeploys() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("no build-only step")).extracting(MigrationNotes.Row::line)
                .containsExactlyInAnyOrder(2, 3)),
            text(
            """
            #!/bin/bash
            prefect deployment build flows/a.py:a -n a -q etl -o a.yaml
            prefect deployment apply other.yaml && prefect deployment build flows/b.py:b -n b -q etl
            prefect deployment build flows/c.py:c -n c -q etl && prefect deployment apply c-deployment.yaml
            prefect deployment build flows/d.py:d -n d -q etl -o out/d.yaml
            prefect deployment apply ./out/d.yaml
            """,
            """
            #!/bin/bash
            prefect deployment build flows/a.py:a -n a -q etl -o a.yaml
            prefect --no-prompt deploy --all && prefect deployment build flows/b.py:b -n b -q etl
            prefect --no-prompt deploy --pool process-pool flows/c.py:c --name c --work-queue etl && prefect --no-prompt deploy --all
            prefect --no-prompt deploy --pool process-pool flows/d.py:d --name d --work-queue etl
            # prefect deployment apply ./out/d.yaml
            """,
            spec -> spec.path("deploy.sh")));
    }

    // a history script wrote `--params='{...}'` and `--cron='1 0 * * *'`: each became two words, the value
    // landing on the line of the dropped `--apply`
    @Test
    void flagWithItsValueAfterAnEqualsSignStaysOneWord() {
        rewriteRun(text(
            """
            prefect deployment build ingest.py:ingest -n "backfill" \\
                --params='{"year": "2023", "month": "01"}' \\
                --cron='1 0 * * *' \\
                --apply
            """,
            """
            prefect --no-prompt deploy --pool process-pool ingest.py:ingest --name "backfill" \\
                --params='{"year": "2023", "month": "01"}' \\
                --cron='1 0 * * *'
            """,
            spec -> spec.path("history.sh")));
    }

    @Test
    void prefect1PinsOfPipInstallsMoveWithThePrefect1CommandsBesideThem() {
        rewriteRun(text(
            """
            pip install "prefect[github]==1.4.1" pandas
            python -m pip install 'prefect>=1.2,<2'
            prefect register --project etl -p flows/
            """,
            """
            pip install "prefect[github]==3.8.3" pandas
            python -m pip install 'prefect==3.8.3'
            prefect deploy --all
            """,
            spec -> spec.path("scripts/setup.sh")));
    }

    // a VM start-up script writes the agent's systemd unit with a here-document and creates its queue through
    // runuser: neither command was rewritten, and no note said so
    @Test
    void unitsWrittenByHereDocumentsAndCommandsUnderRunuserAreTranslated() {
        rewriteRun(
            text(
                """
                #!/bin/bash
                runuser -l etl -c '/usr/local/bin/prefect agent start -q setup'
                cat << EOF > /etc/systemd/system/prefect-agent.service
                [Service]
                ExecStart=/usr/local/bin/prefect agent start -q nightly
                Restart=always
                EOF
                sudo -u etl prefect agent start -q adhoc
                """,
                """
                #!/bin/bash
                runuser -l etl -c '/usr/local/bin/prefect worker start --work-queue setup --pool process-pool --type process'
                cat << EOF > /etc/systemd/system/prefect-agent.service
                [Service]
                ExecStart=/usr/local/bin/prefect worker start --work-queue nightly --pool process-pool --type process
                Restart=always
                EOF
                sudo -u etl prefect worker start --work-queue adhoc --pool process-pool --type process
                """,
                spec -> spec.path("vm/setup.sh")));
    }

    // a GCE start-up script echoes the agent's unit in one double-quoted string: scan reported the agent, the
    // rewrite left the string without a word
    @Test
    void aUnitWrittenFromAQuotedStringGetsAManualNote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.line()).isEqualTo(5);
                    assertThat(r.code()).isEqualTo("PF203");
                    assertThat(r.message()).contains("change that line by hand to: /usr/local/bin/prefect worker start "
                            + "--work-queue etl --pool process-pool --type process");
                })),
            text(
                """
                #!/bin/bash
                echo "[Unit]
                Description=Prefect Agent
                [Service]
                ExecStart=/usr/local/bin/prefect agent start -q etl
                [Install]
                WantedBy=multi-user.target" > /etc/systemd/system/prefect-agent.service
                """,
                spec -> spec.path("startup.sh")));
    }

    @Test
    void pipInstallsOfOtherPackagesStay() {
        rewriteRun(text("pip install 'prefecto==1.0' prefect-legacy-tools pandas==1.5\n", spec -> spec.path("scripts/setup.sh")));
    }

    @Test
    void continuedPrefect3CommandIsLeftAlone() {
        rewriteRun(text(
            """
            prefect deploy flows/etl.py:etl \\
              --name nightly \\
              --pool default
            """,
            spec -> spec.path("deploy.sh")));
    }

    @Test
    void prefect3ScriptIsLeftAlone() {
        rewriteRun(text(
            """
            #!/bin/sh
            prefect worker start --pool iceberg-offload --type process
            """,
            spec -> spec.path("start-worker.sh")));
    }

    @Test
    void filesThatAreNotShellScriptsAreIgnored() {
        rewriteRun(text("prefect agent start -q x\n", spec -> spec.path("notes.txt")));
    }

    // a start script created its pool typed (`--type=process`) and started the agent on it: the note called the pool
    // a prefect-agent pool to delete and recreate; the worker serves it as it is, with its type. A pool the script
    // does not create keeps the note
    @Test
    void aPoolTheScriptCreatesTypedIsServedAsItIs() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("is a prefect-agent pool")).singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(5))),
            text(
            """
            #!/bin/bash
            prefect work-pool create "${POOL}" --type=docker
            prefect agent start -p "${POOL}" -q "${QUEUE}"
            prefect work-pool create k8s -t kubernetes && prefect agent start -p k8s
            prefect agent start -p other
            """,
            """
            #!/bin/bash
            prefect work-pool create "${POOL}" --type=docker
            prefect worker start --pool "${POOL}" --work-queue "${QUEUE}" --type docker
            prefect work-pool create k8s -t kubernetes && prefect worker start --pool k8s --type kubernetes
            prefect worker start --pool other --type process
            """,
            spec -> spec.path("start.sh")));
    }

    // a deploy script shaped like many public ones keeps its block names in variables at the top: the build was
    // deployed to a process pool as if it named no block, where its block was a Kubernetes job
    @Test
    void blocksNamedThroughVariablesSetAboveChooseThePool() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains("deploys to work pool `default-k8s-job`",
                        "`kubernetes-job/default-k8s-job`, the value of $INFRA set above",
                        "prefect work-pool create default-k8s-job --type kubernetes"));
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "storage block `s3/flows-bucket` (the value of $STORAGE set above)", "block_type_slug: s3-bucket"));
            }),
            text(
            """
            #!/usr/bin/env bash
            set -euo pipefail
            INFRA=kubernetes-job/default-k8s-job
            STORAGE="s3/flows-bucket"
            QUEUE=k8s
            prefect deployment build flows/etl.py:etl -n prod -q "$QUEUE" -ib "$INFRA" -sb "$STORAGE" --apply
            """,
            """
            #!/usr/bin/env bash
            set -euo pipefail
            INFRA=kubernetes-job/default-k8s-job
            STORAGE="s3/flows-bucket"
            QUEUE=k8s
            prefect --no-prompt deploy --pool default-k8s-job flows/etl.py:etl --name prod --work-queue "$QUEUE"
            """,
            spec -> spec.path("deploy.sh")));
    }

    // a block chosen at run time (per environment, or from the caller's environment) is no block this rewrite can
    // name: the deployment goes to the pool standing in for default-agent-pool, as with no block
    @Test
    void blocksChosenAtRunTimeAreNotGuessed() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.message()).contains("set above"))),
            text(
            """
            INFRA="${INFRA:-kubernetes-job/prod}"
            if [ "$1" = dev ]; then
              STORAGE=s3/dev
            else
              STORAGE=s3/prod
            fi
            prefect deployment build flows/etl.py:etl -n prod -ib "$INFRA" -sb "$STORAGE" --apply
            """,
            """
            INFRA="${INFRA:-kubernetes-job/prod}"
            if [ "$1" = dev ]; then
              STORAGE=s3/dev
            else
              STORAGE=s3/prod
            fi
            prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name prod
            """,
            spec -> spec.path("deploy.sh")));
    }

    // the block names sit in files the deploy script reads into itself: the build went to the stand-in process pool
    // where its block was a Kubernetes job; the files read are not changed
    @Test
    void blocksNamedInFilesTheScriptReadsChooseThePool() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains("deploys to work pool `prod`",
                        "`kubernetes-job/prod`, the value of $INFRA set in scripts/env.sh:1", "prefect work-pool create prod --type kubernetes",
                        // the agent's worker serves the stand-in pool: someone must serve this one
                        "run a worker for it (prefect worker start --pool prod)"));
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "storage block `s3/flows` (the value of $STORAGE set in .env:1)"));
            }),
            text("INFRA=kubernetes-job/prod\n", spec -> spec.path("scripts/env.sh")),
            text("STORAGE=s3/flows\n", spec -> spec.path(".env")),
            text(
            """
            #!/usr/bin/env bash
            . ./scripts/env.sh
            set -a; . .env; set +a
            prefect deployment build flows/etl.py:etl -n etl -ib "$INFRA" -sb "$STORAGE" --apply
            """,
            """
            #!/usr/bin/env bash
            . ./scripts/env.sh
            set -a; . .env; set +a
            prefect --no-prompt deploy --pool prod flows/etl.py:etl --name etl
            """,
            spec -> spec.path("scripts/deploy.sh")));
    }

    // a path the shell expands is not read, even when a file of that name is in the repository
    @Test
    void filesReadThroughVariablesAreNotGuessed() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.message()).contains("set above"))),
            text("INFRA=kubernetes-job/prod\n", spec -> spec.path("env.sh")),
            text(
            """
            . "$(dirname "$0")/env.sh"
            prefect deployment build flows/etl.py:etl -n etl -ib "$INFRA" --apply
            """,
            """
            . "$(dirname "$0")/env.sh"
            prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl
            """,
            spec -> spec.path("deploy.sh")));
    }

    @Test
    void aScriptThatOnlyReadsAnotherFileIsNotChanged() {
        rewriteRun(text(". ./env.sh\nprefect worker start --pool etl\n", spec -> spec.path("run.sh")));
    }

    // `A=x && cmd $A` sets A before cmd's words are expanded; `A=x cmd $A` expands $A first (the prefix is cmd's
    // environment only), so only the first build named the Kubernetes block
    @Test
    void anAssignmentStatementOnTheLineChoosesThePoolAndACommandsPrefixDoesNot() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "`kubernetes-job/prod`, the value of $INFRA set above"));
                // the second build's block name was empty: said, at its line, under the block's rule
                assertThat(rows).filteredOn(r -> r.message().contains("is empty here")).singleElement().satisfies(r -> {
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.code()).isEqualTo("PF205");
                    assertThat(r.message()).startsWith("`-ib $OTHER`: `$OTHER` is empty here: the shell expands "
                            + "it before the `OTHER=...` in front of the command applies");
                });
            }),
            text(
            """
            #!/usr/bin/env bash
            cd prefect-flows && INFRA=kubernetes-job/prod && prefect deployment build etl.py:etl -n etl -ib "$INFRA" -a
            OTHER=kubernetes-job/x prefect deployment build etl.py:etl -n other -ib "$OTHER" -a
            """,
            """
            #!/usr/bin/env bash
            cd prefect-flows && INFRA=kubernetes-job/prod && prefect --no-prompt deploy --pool prod etl.py:etl --name etl
            OTHER=kubernetes-job/x prefect --no-prompt deploy --pool process-pool etl.py:etl --name other
            """,
            spec -> spec.path("deploy.sh")));
    }
}
