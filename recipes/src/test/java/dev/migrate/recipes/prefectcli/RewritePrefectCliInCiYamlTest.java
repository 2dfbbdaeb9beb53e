package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RewritePrefectCliInCiYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInCiYaml());
    }

    // a GitHub Actions deploy job: the CLI recipes read shell scripts, Makefiles, Dockerfiles and units, and
    // the workflow kept `prefect deployment build`, which Prefect 3 does not have
    @DocumentExample
    @Test
    void githubActionsRunBlocksAreTranslatedAsScripts() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).filteredOn(r -> r.message().startsWith("commented out")).singleElement()
                        .satisfies(r -> assertThat(r.line()).isEqualTo(16));
                assertThat(rows).filteredOn(r -> r.message().contains("replaces the work pool's default `env`"))
                        .singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(12));
            }),
            yaml(
            """
            name: deploy
            on: [push]
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: pip install "prefect>=2.14,<3" pandas
                  - name: Build and apply
                    run: |
                      cd flows
                      prefect deployment build etl.py:etl \\
                        --name nightly --pool ecs-pool \\
                        --override env.GIT_SHA=${{ github.sha }} \\
                        -o etl-deployment.yaml
                      prefect deployment apply etl-deployment.yaml
                      prefect deployment run etl/nightly
            """,
            """
            name: deploy
            on: [push]
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: pip install "prefect>=3.8.3,<4" pandas
                  - name: Build and apply
                    run: |
                      cd flows
                      prefect --no-prompt deploy etl.py:etl \\
                        --name nightly --pool ecs-pool \\
                        --job-variable "{\\"env\\":{\\"GIT_SHA\\":\\"${{ github.sha }}\\"}}"
                      # prefect deployment apply etl-deployment.yaml
                      prefect deployment run etl/nightly
            """,
            spec -> spec.path(".github/workflows/deploy.yml")));
    }

    // one-line script items cannot hold a comment: the apply is translated on its own, with its note
    @Test
    void gitlabScriptItemsAreTranslatedOneByOne() {
        rewriteRun(yaml(
            """
            deploy:
              image: python:3.11
              before_script:
                - pip install prefect==2.20.3
              script:
                - prefect deployment build flows/etl.py:etl -n nightly -ib kubernetes-job/prod -a
                - prefect deployment set-schedule etl/nightly --cron "0 3 * * *"
                - 'prefect deployment pause-schedule etl/nightly'
            """,
            """
            deploy:
              image: python:3.11
              before_script:
                - pip install prefect==3.8.3
              script:
                - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name nightly
                - prefect deployment schedule create etl/nightly --cron "0 3 * * *" --replace -y
                - 'prefect deployment schedule pause etl/nightly --all'
            """,
            spec -> spec.path(".gitlab-ci.yml")));
    }

    // a GitLab pipeline built the deployment file in one item and applied it in the next: a pair across steps. The
    // apply item became `prefect deploy --all`, which deploys whatever prefect.yaml is there (or fails without one):
    // it becomes a comment above the next item; a last item is removed, its note naming it
    @Test
    void aBuildAppliedInALaterStepIsDeployed() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> "PF202".equals(r.code())).extracting(r -> r.line() + " " + r.manual())
                .containsExactlyInAnyOrder("4 false", "9 false")),
            yaml(
            """
            deploy:
              script:
                - prefect deployment build flows/etl.py:etl -n nightly -q etl -o out/etl.yaml
                - prefect deployment apply out/etl.yaml
                - prefect deployment run etl/nightly
            report:
              script:
                - prefect deployment build flows/r.py:r -n r -q etl -o r.yaml
                - prefect deployment apply r.yaml
            """,
            """
            deploy:
              script:
                - prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name nightly --work-queue etl
                # - prefect deployment apply out/etl.yaml
                - prefect deployment run etl/nightly
            report:
              script:
                - prefect --no-prompt deploy --pool process-pool flows/r.py:r --name r --work-queue etl
            """,
            spec -> spec.path(".gitlab-ci.yml")));
    }

    // a GitLab pipeline deployed one flow on a docker block and one on a process block, both saved as `prod`
    @Test
    void onePoolGivenTwoTypesAcrossStepsIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("has one type")).singleElement()
                .satisfies(r -> assertThat(r.line() + " " + r.manual()).isEqualTo("3 true"))),
            yaml(
            """
            deploy:
              script:
                - prefect deployment build flows/a.py:a -n a -q prod -ib docker-container/prod -a
                - prefect deployment build flows/b.py:b -n b -q prod -ib process/prod -a
            """,
            """
            deploy:
              script:
                - prefect --no-prompt deploy --pool prod flows/a.py:a --name a --work-queue prod
                - prefect --no-prompt deploy --pool prod flows/b.py:b --name b --work-queue prod
            """,
            spec -> spec.path(".gitlab-ci.yml")));
    }

    // a pull-request workflow checked that the flow builds: without --apply 2.x registered nothing, while
    // `prefect deploy` would register the deployment on every pull request
    @Test
    void aDryRunBuildStepIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(8);
                    assertThat(r.code()).isEqualTo("PF201");
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("no build-only step");
                })),
            yaml(
            """
            on: [pull_request]
            jobs:
              check:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      pip install -r requirements.txt
                      prefect deployment build flows/etl.py:etl -n check --skip-upload
            """,
            spec -> spec.path(".github/workflows/check.yml")));
    }

    @Test
    void aFoldedStepWhoseBreaksMatterIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.manual()).isTrue())),
            yaml(
            """
            jobs:
              d:
                steps:
                  - run: >
                      prefect agent start -q a

                      echo done
            """,
            spec -> spec.path(".github/workflows/agent.yaml")));
    }

    @Test
    void otherYamlAndPrefect3CommandsAreLeftAlone() {
        rewriteRun(
            yaml("steps:\n  - run: prefect agent start -q a\n", spec -> spec.path("docs/example.yml")),
            yaml("deploy:\n  script:\n    - prefect --no-prompt deploy --all\n", spec -> spec.path("ci/.gitlab-ci.yml")));
    }

    // a public "build and apply a deployment" workflow: every block is a workflow env entry; the build went to a
    // process pool although its infrastructure block was a Kubernetes job
    @Test
    void blocksInTheWorkflowsEnvChooseThePool() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).anySatisfy(r -> assertThat(
                r.message()).contains("prefect work-pool create default-k8s-job --type kubernetes"))),
            yaml(
            """
            on: push
            env:
              INFRA: kubernetes-job/default-k8s-job
              WORK_QUEUE: my-queue
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      prefect deployment build flows/etl.py:etl -n etl -q $WORK_QUEUE -ib ${{ env.INFRA }} --apply
            """,
            """
            on: push
            env:
              INFRA: kubernetes-job/default-k8s-job
              WORK_QUEUE: my-queue
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      prefect --no-prompt deploy --pool default-k8s-job flows/etl.py:etl --name etl --work-queue $WORK_QUEUE
            """,
            spec -> spec.path(".github/workflows/deploy.yml")));
    }

    // a step's `INFRA=x prefect ... $INFRA` reads INFRA before the prefix applies: empty unless the pipeline sets it
    @Test
    void aStepsPrefixLeavesTheBlockNameEmptyUnlessThePipelineSetsIt() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).filteredOn(r -> r.message().contains("is empty here")).singleElement()
                        .satisfies(r -> assertThat(r.code() + ": " + r.message()).startsWith("PF205: `-ib $INFRA`: `$INFRA` is empty here"));
            }),
            yaml(
            """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: INFRA=process/etl prefect deployment build flows/etl.py:etl -n etl -ib $INFRA -a
                  - run: STORE=s3/x prefect deployment build flows/etl.py:etl -n b -ib $STORE -a
                    env:
                      STORE: process/b
            """,
            """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: INFRA=process/etl prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl
                  - run: STORE=s3/x prefect --no-prompt deploy --pool b flows/etl.py:etl --name b
                    env:
                      STORE: process/b
            """,
            spec -> spec.path(".github/workflows/deploy.yml")));
    }

    // a step's env: reading the job's (`IB: ${{ env.INFRA }}`) names the job's block; a secret stays unread
    @Test
    void aStepsEnvReadingTheJobsEnvChoosesThePool() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "named after infrastructure block `kubernetes-job/prod`, the value of $IB set above"));
                assertThat(rows).noneSatisfy(r -> assertThat(r.message()).contains("PREFECT_API_KEY"));
            }),
            yaml(
            """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                env:
                  INFRA: kubernetes-job/prod
                steps:
                  - name: build
                    env:
                      IB: ${{ env.INFRA }}
                      PREFECT_API_KEY: ${{ secrets.PREFECT_API_KEY }}
                    run: prefect deployment build flows/etl.py:etl -n etl -ib $IB -a
            """,
            """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                env:
                  INFRA: kubernetes-job/prod
                steps:
                  - name: build
                    env:
                      IB: ${{ env.INFRA }}
                      PREFECT_API_KEY: ${{ secrets.PREFECT_API_KEY }}
                    run: prefect --no-prompt deploy --pool prod flows/etl.py:etl --name etl
            """,
            spec -> spec.path(".github/workflows/deploy.yml")));
    }

    // an Azure Pipelines variable listed as `- name:`/`value:` and read as the $(INFRA) macro names the block
    @Test
    void anAzurePipelinesListedVariableChoosesThePool() {
        rewriteRun(
            yaml(
            """
            variables:
              - name: INFRA
                value: kubernetes-job/prod
              - group: prefect-settings
            steps:
              - script: prefect deployment build flows/etl.py:etl -n etl -ib $(INFRA) -a
                displayName: deploy
            """,
            """
            variables:
              - name: INFRA
                value: kubernetes-job/prod
              - group: prefect-settings
            steps:
              - script: prefect --no-prompt deploy --pool prod flows/etl.py:etl --name etl
                displayName: deploy
            """,
            spec -> spec.path("azure-pipelines.yml")));
    }

    // a block named by a GitHub variable or secret is read from the repository's settings, not from it: the note said
    // only that the stand-in pool was chosen, not where the block's name can be read
    @Test
    void blocksInTheRepositorysSettingsAreNamedWithTheirPage() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains("the infrastructure block `$INFRA` is set "
                        + "outside the repository, by the GitHub Actions variable INFRA_BLOCK (Settings > Secrets and "
                        + "variables > Actions > Variables", "read its name there and use a work pool named after it"));
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains("the storage block `${{ secrets.STORAGE }}` "
                        + "is set outside the repository, by the GitHub Actions secret STORAGE", "its value is never shown"));
            }),
            yaml(
            """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                env:
                  INFRA: ${{ vars.INFRA_BLOCK }}
                steps:
                  - run: prefect deployment build flows/etl.py:etl -n etl -ib $INFRA -sb ${{ secrets.STORAGE }} -a
            """,
            """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                env:
                  INFRA: ${{ vars.INFRA_BLOCK }}
                steps:
                  - run: prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl
            """,
            spec -> spec.path(".github/workflows/deploy.yml")));
    }

    @Test
    void aGitlabCiCdVariableIsNamedWithItsPage() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).anySatisfy(r -> assertThat(
                r.message()).contains("the infrastructure block `$INFRA_BLOCK` is set outside the repository, by a GitLab "
                        + "CI/CD variable INFRA_BLOCK that .gitlab-ci.yml does not set (Settings > CI/CD > Variables"))),
            yaml(
            """
            deploy:
              script:
                - prefect deployment build flows/etl.py:etl -n etl -ib $INFRA_BLOCK -a
            """,
            """
            deploy:
              script:
                - prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl
            """,
            spec -> spec.path(".gitlab-ci.yml")));
    }

    // GitLab expands a variable's value: INFRA is the Kubernetes block BLOCK_TYPE names; STORAGE reads a CI/CD
    // variable of the project's settings, which the note names rather than guessing
    @Test
    void aGitlabVariableReadingAnotherChoosesThePool() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "`kubernetes-job/etl`, the value of $INFRA set above"));
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains("the storage block `$STORAGE` is set "
                        + "outside the repository, by a GitLab CI/CD variable BUCKET_KIND that .gitlab-ci.yml does not set"));
            }),
            yaml(
            """
            variables:
              BLOCK_TYPE: kubernetes-job
              INFRA: $BLOCK_TYPE/etl
              STORAGE: ${BUCKET_KIND}/flows
            deploy:
              script:
                - prefect deployment build flows/etl.py:etl -n etl -ib $INFRA -sb $STORAGE -a
            """,
            """
            variables:
              BLOCK_TYPE: kubernetes-job
              INFRA: $BLOCK_TYPE/etl
              STORAGE: ${BUCKET_KIND}/flows
            deploy:
              script:
                - prefect --no-prompt deploy --pool etl flows/etl.py:etl --name etl
            """,
            spec -> spec.path(".gitlab-ci.yml")));
    }
}
