package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RenameHelmAgentSubchartValuesInTemplatesTest implements RewriteTest {
    private static final String CHART = """
            apiVersion: v2
            name: platform
            version: 0.3.0
            dependencies:
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameHelmAgentSubchartValuesInTemplates());
    }

    // the umbrella chart's own templates read the subchart's values by string, the only way with a dash in the key
    @DocumentExample
    @Test
    void templatesReadTheWorkerSubchartsValues() {
        rewriteRun(
            yaml(CHART, spec -> spec.path("charts/platform/Chart.yaml")),
            text(
            """
            {{- if (index .Values "prefect-agent" "enabled") }}
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-agent-info
            data:
              pool: {{ index .Values "prefect-agent" "agent" "config" "workPool" | quote }}
              api: {{ (index .Values "prefect-agent").agent.serverApiConfig.apiUrl | default "none" }}
              tag: {{ dig "prefect-agent" "agent" "image" "prefectTag" "2-latest" .Values.AsMap }}
              {{- if hasKey .Values "prefect-agent" }}
              set: "yes"
              {{- end }}
              name: prefect-agent
            {{- end }}
            """,
            """
            {{- if (index .Values "prefect-worker" "enabled") }}
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-agent-info
            data:
              pool: {{ index .Values "prefect-worker" "worker" "config" "workPool" | quote }}
              api: {{ (index .Values "prefect-worker").worker.selfHostedServerApiConfig.apiUrl | default "none" }}
              tag: {{ dig "prefect-worker" "worker" "image" "prefectTag" "2-latest" .Values.AsMap }}
              {{- if hasKey .Values "prefect-worker" }}
              set: "yes"
              {{- end }}
              name: prefect-agent
            {{- end }}
            """,
            spec -> spec.path("charts/platform/templates/agent-info.yaml")),
            text(
            """
            {{/* the pool the agent polls */}}
            {{- define "platform.agentPool" -}}
            {{- $agent := pluck "prefect-agent" .Values | first -}}
            {{- dig "prefect-agent" "agent" "config" "workPool" "default" $.Values -}}
            {{- end -}}
            """,
            """
            {{/* the pool the agent polls */}}
            {{- define "platform.agentPool" -}}
            {{- $agent := pluck "prefect-worker" .Values | first -}}
            {{- dig "prefect-worker" "worker" "config" "workPool" "default" $.Values -}}
            {{- end -}}
            """,
            spec -> spec.path("charts/platform/templates/_helpers.tpl")));
    }

    // a template that also reads as YAML is edited as text all the same, comments and quoting kept
    @Test
    void aTemplateThatReadsAsYamlIsEditedAsText() {
        rewriteRun(
            yaml(CHART, spec -> spec.path("Chart.yaml")),
            yaml(
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: agent-api   # for the agent
            stringData:
              url: '{{ index .Values "prefect-agent" "agent" "apiConfig" }}'
            """,
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: agent-api   # for the agent
            stringData:
              url: '{{ index .Values "prefect-worker" "worker" "apiConfig" }}'
            """,
            spec -> spec.path("templates/secret.yaml")));
    }

    // an alias stays; the subchart's own path still moves from agent to worker, dotted or by string
    @Test
    void anAliasKeepsItsNameAndTheSubchartPathMoves() {
        rewriteRun(
            yaml(
            """
            apiVersion: v2
            name: platform
            version: 0.3.0
            dependencies:
              - name: prefect-agent
                alias: etlAgent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("deploy/Chart.yaml")),
            text(
            """
            Worker pool: {{ .Values.etlAgent.agent.config.workPool }}
            Other: {{ index .Values "etlAgent" "agent" "orionApiConfig" "apiUrl" }} {{ .Values.etlAgentx.agent }}
            """,
            """
            Worker pool: {{ .Values.etlAgent.worker.config.workPool }}
            Other: {{ index .Values "etlAgent" "worker" "selfHostedServerApiConfig" "apiUrl" }} {{ .Values.etlAgentx.agent }}
            """,
            spec -> spec.path("deploy/templates/NOTES.txt")));
    }

    @Test
    void otherChartsAndFilesAreLeftAlone() {
        rewriteRun(
            yaml(CHART, spec -> spec.path("platform/Chart.yaml")),
            // outside templates/: not a template
            text("{{ index .Values \"prefect-agent\" \"agent\" }}\n", spec -> spec.path("platform/docs/notes.txt")),
            // a vendored subchart's templates are that chart's, which has no agent dependency
            yaml(
            """
            apiVersion: v2
            name: tools
            version: 0.1.0
            """,
            spec -> spec.path("platform/charts/tools/Chart.yaml")),
            text("{{ index .Values \"prefect-agent\" \"agent\" }}\n", spec -> spec.path("platform/charts/tools/templates/x.tpl")),
            // outside an action, and a string that only starts like the key
            text(
            """
            # index .Values "prefect-agent"
            {{ include "prefect-agent.fullname" . }} {{ index .Values "prefect-agent-extra" "agent" }}
            """,
            spec -> spec.path("platform/templates/_other.tpl")),
            // a chart without the dependency
            yaml("apiVersion: v2\nname: other\nversion: 1.0.0\n", spec -> spec.path("other/Chart.yaml")),
            text("{{ index .Values \"prefect-agent\" \"agent\" }}\n", spec -> spec.path("other/templates/x.tpl")));
    }
}
