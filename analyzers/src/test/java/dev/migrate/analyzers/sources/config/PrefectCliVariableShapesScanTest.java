package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/** PF205/PF206 name the block a command's variable holds, however the repository sets it ({@link LiteralVariables}). */
class PrefectCliVariableShapesScanTest {
    // a Makefile reads its block names from an env file it includes, and exports them to the recipes' shells
    @Test
    void aMakefilesIncludedEnvFileNamesTheBlocks() {
        String makefile = """
                -include .env
                export

                deploy:
                \tprefect deployment build flows/etl.py:etl -n etl -ib $(INFRA) -a
                \tprefect deployment build flows/etl.py:etl -n etl2 -ib $$INFRA -a
                """;
        String rendered = DetectorHarness.run(new PrefectCliLineDetector(), new ScanFile("Makefile", makefile),
                new ScanFile(".env", "# deploy settings\nINFRA=docker-container/etl\n"));
        assertThat(rendered).contains(
                "Makefile:5:2 PF205 infrastructure block 'docker-container/etl' ($(INFRA), set in .env:2) has no Prefect 3 "
                        + "equivalent; use a work pool of type docker",
                "Makefile:6:2 PF205 infrastructure block 'docker-container/etl' ($INFRA, set in .env:2) has no Prefect 3 "
                        + "equivalent; use a work pool of type docker");
    }

    // an included .mk file holds no Prefect word, yet the scan must read it
    @Test
    void anIncludedMakeFragmentNamesTheBlock() {
        assertThat(new PrefectCliLineDetector().prefilter().paths().test("make/config.mk")).isTrue();
        String makefile = "include make/config.mk\ndeploy:\n\tprefect deployment build flows/etl.py:etl -n etl -ib $$INFRA -a\n";
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), new ScanFile("Makefile", makefile),
                new ScanFile("make/config.mk", "# cluster\nexport INFRA := kubernetes-job/prod\n"))).contains(
                "Makefile:3:2 PF205 infrastructure block 'kubernetes-job/prod' ($INFRA, set in make/config.mk:2) has no "
                        + "Prefect 3 equivalent; use a work pool of type kubernetes");
    }

    // make's `$$INFRA` is the shell's `$INFRA`: that is what PF205 shows, set or not
    @Test
    void aRecipeLinesShellVariableIsShownAsTheShellReadsIt() {
        String makefile = "deploy:\n\tINFRA=process/etl && prefect deployment build flows/etl.py:etl -ib $$INFRA -a\n"
                + "\tprefect deployment build flows/etl.py:etl -n b -ib $${INFRA} -a\n";
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "Makefile", makefile)).contains(
                "Makefile:2:23 PF205 infrastructure block 'process/etl' ($INFRA) has no Prefect 3 equivalent",
                "Makefile:3:2 PF205 infrastructure block '${INFRA}' has no Prefect 3 equivalent");
    }

    // `INFRA=x prefect ... $INFRA`: the shell expanded $INFRA before the prefix applied
    @Test
    void aPrefixAssignmentIsNotTheValueTheCommandsWordsRead() {
        String script = """
                #!/bin/sh
                INFRA=kubernetes-job/prod; prefect deployment build flows/a.py:a -n a -ib $INFRA -a
                OTHER=docker-container/x prefect deployment build flows/b.py:b -n b -ib $OTHER -a
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "deploy.sh", script)).contains(
                "deploy.sh:2:28 PF205 infrastructure block 'kubernetes-job/prod' ($INFRA) has no Prefect 3 equivalent",
                "deploy.sh:3:26 PF205 infrastructure block '$OTHER' has no Prefect 3 equivalent; use a typed work pool; "
                        + "`$OTHER` is empty here: the shell expands it before the `OTHER=...` in front of the command "
                        + "applies");
    }

    // the prefix's variable set on a line above is what the command reads: not empty, only not the prefix's value
    @Test
    void aPrefixOverAVariableSetAboveIsNotSaidToEmptyIt() {
        String script = "#!/bin/sh\nINFRA=process/old\nINFRA=docker-container/new prefect deployment build a.py:a -ib $INFRA -a\n";
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "deploy.sh", script))
                .contains("PF205 infrastructure block 'process/old' ($INFRA)").doesNotContain("is empty here");
    }

    // a pipeline step's prefix, after its YAML key; a name the pipeline's env: sets is not empty
    @Test
    void aPipelineStepsPrefixEmptiesOnlyWhatThePipelineDoesNotSet() {
        String workflow = """
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: INFRA=process/etl prefect deployment build a.py:a -n a -ib $INFRA -a
                      - run: STORAGE=s3/x prefect deployment build a.py:a -n b -sb $STORAGE -a
                        env:
                          STORAGE: s3/flows
                """;
        String rendered = DetectorHarness.run(new PrefectCliLineDetector(), ".github/workflows/deploy.yml", workflow);
        assertThat(rendered).contains("PF205 infrastructure block '$INFRA' has no Prefect 3 equivalent; use a typed "
                + "work pool; `$INFRA` is empty here").contains("PF206 storage block 's3/flows' ($STORAGE) must become "
                + "pull steps in Prefect 3 [");
    }

    // a step's env: reads the job's and the workflow's through ${{ env.X }}; a job's env: cannot (GitHub rejects it)
    @Test
    void aStepsEnvReadsTheJobsAndTheWorkflowsEnv() {
        String workflow = """
                env:
                  BLOCK_TYPE: docker-container
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    env:
                      INFRA: kubernetes-job/prod
                      STORAGE: ${{ vars.STORAGE_BLOCK }}
                      JOB_INFRA: ${{ env.BLOCK_TYPE }}/etl
                    steps:
                      - name: one
                        env:
                          IB: ${{ env.INFRA }}
                          SB: ${{ env.STORAGE }}
                        run: prefect deployment build a.py:a -n a -ib $IB -sb $SB -a
                      - run: prefect deployment build a.py:a -n b -ib $IB2 -a
                        env:
                          IB2: "${{ env.BLOCK_TYPE }}/etl"
                      - run: prefect deployment build a.py:a -n c -ib $JOB_INFRA -a
                """;
        String rendered = DetectorHarness.run(new PrefectCliLineDetector(), ".github/workflows/deploy.yml", workflow);
        assertThat(rendered).contains(
                "PF205 infrastructure block 'kubernetes-job/prod' ($IB) has no Prefect 3 equivalent; use a work pool of type kubernetes",
                "PF206 storage block '$SB' must become pull steps in Prefect 3; `$SB` is set outside the repository, by "
                        + "the GitHub Actions variable STORAGE_BLOCK",
                "which SB: ${{ env.STORAGE }} reads",
                "PF205 infrastructure block 'docker-container/etl' ($IB2) has no Prefect 3 equivalent; use a work pool of type docker",
                "PF205 infrastructure block '$JOB_INFRA' has no Prefect 3 equivalent; use a typed work pool");
    }

    // a name a step writes to $GITHUB_ENV holds that for the steps after it: not the env: value
    @Test
    void aNameWrittenToGithubEnvIsNotKnown() {
        String workflow = """
                env:
                  INFRA: process/etl
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "INFRA=kubernetes-job/${{ github.ref_name }}" >> "$GITHUB_ENV"
                      - run: prefect deployment build a.py:a -n a -ib $INFRA -a
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), ".github/workflows/deploy.yml", workflow))
                .contains("PF205 infrastructure block '$INFRA' has no Prefect 3 equivalent");
    }

    // Azure Pipelines lists its variables (`- name:`/`value:`) or maps them; a script reads one as the $(X) macro or
    // as the environment variable Azure makes of it (upper-cased, dots made underscores)
    @Test
    void azurePipelinesVariablesAreReadAsMacrosAndAsEnvironmentVariables() {
        String pipeline = """
                variables:
                  - name: INFRA
                    value: docker-container/etl
                  - name: storage.block
                    value: s3/flows
                  - group: prefect-settings
                steps:
                  - script: prefect deployment build flows/etl.py:etl -n a -ib $(INFRA) -sb $STORAGE_BLOCK -a
                  - bash: prefect deployment build flows/etl.py:etl -n b -ib $INFRA -sb $(storage.block) -a
                  - bash: prefect deployment build flows/etl.py:etl -n c -ib $(OTHER) -a
                """;
        String rendered = DetectorHarness.run(new PrefectCliLineDetector(), "azure-pipelines.yml", pipeline);
        assertThat(rendered).contains(
                "azure-pipelines.yml:8:13 PF205 infrastructure block 'docker-container/etl' ($(INFRA))",
                "azure-pipelines.yml:8:13 PF206 storage block 's3/flows' ($STORAGE_BLOCK)",
                "azure-pipelines.yml:9:11 PF205 infrastructure block 'docker-container/etl' ($INFRA)",
                "azure-pipelines.yml:9:11 PF206 storage block 's3/flows' ($(storage.block))",
                "azure-pipelines.yml:10:11 PF205 infrastructure block '$(OTHER)' has no Prefect 3 equivalent; use a typed "
                        + "work pool; `$(OTHER)` is set outside the repository, by an Azure Pipelines variable OTHER that "
                        + "azure-pipelines.yml does not set (the pipeline's Variables, or a variable group it links");
        // a variable Azure sets itself is no one's setting
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "azure-pipelines.yml",
                "steps:\n- script: prefect deployment build a.py:a -n a -ib $(Build.SourceBranchName) -a\n"))
                .contains("PF205 infrastructure block '$(Build.SourceBranchName)' has no Prefect 3 equivalent; use a typed work pool [");
        // the variables' mapping form too
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "azure-pipelines.yml",
                "variables:\n  INFRA: kubernetes-job/prod\nsteps:\n- script: prefect deployment build a.py:a -n a -ib $(INFRA) -a\n"))
                .contains("PF205 infrastructure block 'kubernetes-job/prod' ($(INFRA))");
    }

    // a justfile's {{infra}} is just's variable, $INFRA the shell's: from an export or the .env dotenv-load reads; a
    // recipe's parameter shadows the variable; `$STORAGE` is never make's $(S)
    @Test
    void aJustfilesVariablesNameTheBlocks() {
        String justfile = """
                set dotenv-load
                infra := "docker-container/etl"
                export STORAGE := "s3/flows"
                deploy:
                    prefect deployment build flows/etl.py:etl -n a -ib {{ infra }} -sb $STORAGE -a
                    prefect deployment build flows/etl.py:etl -n b -ib $INFRA -a
                deploy-to infra:
                    prefect deployment build flows/etl.py:etl -n c -ib {{infra}} -a
                """;
        String rendered = DetectorHarness.run(new PrefectCliLineDetector(), new ScanFile("justfile", justfile),
                new ScanFile(".env", "INFRA=kubernetes-job/prod\n"));
        assertThat(rendered).contains(
                "justfile:5:1 PF205 infrastructure block 'docker-container/etl' ({{infra}}) has no Prefect 3 equivalent",
                "justfile:5:1 PF206 storage block 's3/flows' ($STORAGE) must become pull steps in Prefect 3 [",
                "justfile:6:5 PF205 infrastructure block 'kubernetes-job/prod' ($INFRA, set in .env:1)",
                "justfile:8:5 PF205 infrastructure block '{{infra}}' has no Prefect 3 equivalent; use a typed work pool");
    }

    // in a GitLab job's script `$(INFRA)` is the shell's command substitution: no CI/CD variable named INFRA
    @Test
    void aGitlabCommandSubstitutionIsNoCiCdVariable() {
        String pipeline = "deploy:\n  script:\n    - prefect deployment build a.py:a -n a -ib $(INFRA) -a\n";
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), ".gitlab-ci.yml", pipeline))
                .contains("PF205 infrastructure block '$(INFRA)' has no Prefect 3 equivalent; use a typed work pool [")
                .doesNotContain("CI/CD variable INFRA");
    }

    // make expands `$INFRA` as its one-letter variable I then NFRA: never the variable INFRA, make's or the shell's
    @Test
    void aMakefilesOneDollarReferenceIsMakesOneLetterVariable() {
        String makefile = """
                INFRA ?= docker-container/etl
                export STORAGE := s3/flows
                deploy:
                \tprefect deployment build flows/etl.py:etl -n etl -ib $INFRA -sb "$STORAGE" -a
                """;
        String rendered = DetectorHarness.run(new PrefectCliLineDetector(), "Makefile", makefile);
        assertThat(rendered).contains("Makefile:4:2 PF205 infrastructure block '$INFRA' has no Prefect 3 equivalent; use "
                        + "a typed work pool; `$INFRA` in a Makefile is make's `$(I)` followed by `NFRA`: the shell never "
                        + "sees $INFRA (write `$$INFRA` for the shell's variable, `$(INFRA)` for make's)",
                "Makefile:4:2 PF206 storage block '$STORAGE' must become pull steps in Prefect 3; `$STORAGE` in a "
                        + "Makefile is make's `$(S)` followed by `TORAGE`")
                .doesNotContain("docker-container/etl'", "'s3/flows'");
    }

    @Test
    void aScriptedJenkinsfilesEnvPropertyNamesTheBlock() {
        String jenkinsfile = """
                node {
                    stage('Deploy') {
                        script {
                            env.INFRA = 'kubernetes-job/prod'
                        }
                        sh 'prefect deployment build flows/etl.py:etl -n etl -ib $INFRA -a'
                    }
                }
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "Jenkinsfile", jenkinsfile)).contains(
                "PF205 infrastructure block 'kubernetes-job/prod' ($INFRA) has no Prefect 3 equivalent; use a work pool of type kubernetes");
    }

    @Test
    void aGitlabVariableReadingAnotherIsTheBlockItNamesOrSaysWhereToLook() {
        String pipeline = """
                variables:
                  BLOCK_TYPE: kubernetes-job
                  INFRA: $BLOCK_TYPE/etl
                  STORAGE: $BUCKET_KIND/flows
                deploy:
                  script:
                    - prefect deployment build flows/etl.py:etl -n etl -ib $INFRA -sb $STORAGE -a
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), ".gitlab-ci.yml", pipeline)).contains(
                "PF205 infrastructure block 'kubernetes-job/etl' ($INFRA) has no Prefect 3 equivalent; use a work pool of type kubernetes",
                "PF206 storage block '$STORAGE' must become pull steps in Prefect 3; `$STORAGE` is set outside the "
                        + "repository, by a GitLab CI/CD variable BUCKET_KIND that .gitlab-ci.yml does not set");
    }
}
