package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.rules.PrefectIntegrations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile {@code ARG PREFECT_AWS_VERSION=0.4.5} whose value the file installs an integration package with
 * ({@code pip install "prefect-aws==${PREFECT_AWS_VERSION}"}), holding it below its first Prefect 3 release: the pin
 * recipes see only the reference, so without this the image keeps the Prefect 2 era release (and with it a cap
 * {@code prefect<3} that pip cannot resolve beside Prefect 3). Whether the value holds the package back is read as
 * for a written pin ({@link PrefectIntegrations#heldBelowPrefect3}): {@code ==${V}} and {@code ~=${V}} with
 * {@code V=0.4.5} do, {@code >=${V}} does not. The scan reports it (PF208) and the Dockerfile ARG recipe raises it,
 * from this one definition.
 */
public final class IntegrationVersionArgs {
    /** {@code ARG NAME=0.4.5}, the value possibly quoted; group {@code name}, group {@code version}. */
    public static final Pattern ARG = Pattern.compile(
            "(?im)^([ \\t]*ARG[ \\t]+)(?<name>[A-Za-z_][A-Za-z0-9_]*)=([\"']?)(?<version>\\d+(?:\\.\\d+){0,2})\\3"
                    + "(?=[ \\t]*(?:#.*)?$)");
    /** The number of the {@code version} group of {@link #ARG}, for edits that replace a group by number. */
    public static final int VERSION_GROUP = 4;
    /** {@code PREFECT_AWS_VERSION}: a build argument's name that says which integration's version it holds. */
    private static final Pattern INTEGRATION_NAME = Pattern.compile("(?i)(?:[A-Z0-9]+_)*?PREFECT_(?<pkg>[A-Z0-9]+)_VERSION");
    private static final Pattern VALUE = Pattern.compile("\\d+(?:\\.\\d+){0,2}");

    private IntegrationVersionArgs() {
    }

    /**
     * One such ARG: its name and value, the integration it installs and that package's first Prefect 3 release, where
     * its line and its value start.
     */
    public record IntegrationArg(String name, String version, String integration, String firstPrefect3Release,
            int lineStart, int versionStart) {
        /**
         * The value the ARG should hold: the first Prefect 3 release, written with as many numbers as the old value
         * (at least major.minor for a 0.x release), so {@code ~=${V}} keeps its precision ({@code 0.4} to {@code 0.5},
         * {@code 0.4.5} to {@code 0.5.0}).
         */
        public String raised() {
            String[] first = firstPrefect3Release.split("\\.");
            int written = version.split("\\.").length;
            int n = Math.max(written, first[0].equals("0") ? 2 : 1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ".").append(i < first.length ? first[i] : "0");
            }
            return b.toString();
        }
    }

    /**
     * A build argument set outside the Dockerfile (a compose service's {@code build: args:}), which replaces the ARG
     * default: one named for an integration's version ({@code PREFECT_AWS_VERSION}, {@code ETL_PREFECT_GCP_VERSION})
     * holding a release below that integration's first Prefect 3 release. Only the name says which package it is, as
     * {@link PrefectVersionArgs#namesPrefectVersion} does for Prefect's own.
     */
    public static java.util.Optional<IntegrationArg> named(String name, String value) {
        Matcher n = name == null ? null : INTEGRATION_NAME.matcher(name);
        if (n == null || value == null || !n.matches() || !VALUE.matcher(value).matches()) {
            return java.util.Optional.empty();
        }
        String pkg = "prefect-" + n.group("pkg").toLowerCase(java.util.Locale.ROOT);
        String first = PrefectIntegrations.firstPrefect3Release(pkg);
        return first != null && PrefectIntegrations.below(value, first)
                ? java.util.Optional.of(new IntegrationArg(name, value, pkg, first, -1, -1)) : java.util.Optional.empty();
    }

    /** The ARG lines of a Dockerfile's text that hold a known integration below its first Prefect 3 release. */
    public static List<IntegrationArg> in(String text) {
        List<IntegrationArg> out = new ArrayList<>();
        Matcher m = ARG.matcher(text);
        while (m.find()) {
            String name = m.group("name");
            String version = m.group("version");
            Matcher use = uses(name).matcher(text);
            while (use.find()) {
                String pkg = use.group("pkg");
                String first = PrefectIntegrations.firstPrefect3Release(pkg);
                if (first != null && PrefectIntegrations.heldBelowPrefect3(pkg, use.group("op") + version)) {
                    out.add(new IntegrationArg(name, version, pkg, first, m.start(), m.start("version")));
                    break;
                }
            }
        }
        return out;
    }

    /** {@code prefect-aws[s3]==${NAME}} (also {@code $NAME}, {@code ${NAME:-0.4.5}}): a requirement whose version is the ARG. */
    private static Pattern uses(String name) {
        String ref = "\\$(?:\\{" + Pattern.quote(name) + "(?::?[-+][^}]*)?\\}|" + Pattern.quote(name) + "(?![A-Za-z0-9_]))";
        return Pattern.compile("(?<![\\w.-])(?<pkg>[Pp]refect[-_][A-Za-z0-9]+)(?:\\[[^\\]]*\\])?[ \\t]*"
                + "(?<op>===|==|~=|<=)[ \\t]*" + ref);
    }
}
