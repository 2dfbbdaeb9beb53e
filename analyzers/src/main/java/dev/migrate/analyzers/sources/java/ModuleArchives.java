package dev.migrate.analyzers.sources.java;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the archive a Maven or Gradle module of the tree builds, so that a unit's {@code java -jar
 * /opt/billing/billing-app.jar} is known as the build of {@code billing/} even when the jar was copied away from
 * {@code target/} and the directory is named otherwise: the pom's own {@code artifactId} and {@code finalName}, the
 * build script's {@code archiveBaseName} or {@code archiveFileName}, and the settings script's {@code rootProject.name}.
 * Archive names compare without their version ({@code billing-app-1.4.2-SNAPSHOT.jar} is {@code billing-app}).
 */
final class ModuleArchives {
    /** The pom's {@code <parent>} block, whose artifactId is another project's. */
    private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");
    private static final Pattern DEPENDENCIES = Pattern.compile("(?s)<(dependencies|dependencyManagement|build|profiles)>.*");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>\\s*([\\w.-]+)\\s*</artifactId>");
    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>\\s*([^<\\s]+)\\s*</finalName>");
    private static final Pattern GRADLE_NAME = Pattern.compile(
            "\\barchive(?:BaseName|FileName)\\s*(?:\\.set\\s*\\(|=)\\s*[\"']([^\"'$]+)[\"']|\\brootProject\\.name\\s*=\\s*[\"']([^\"'$]+)[\"']");

    private ModuleArchives() {
    }

    /** The archive names module {@code dir} ({@code opt/billing}, or "" for the tree) builds, from {@code texts}. */
    static Set<String> of(String dir, Map<String, String> texts) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        Set<String> out = new LinkedHashSet<>();
        String pom = texts.get(prefix + "pom.xml");
        if (pom != null) {
            String own = PARENT.matcher(pom).replaceAll("");
            Matcher finalName = FINAL_NAME.matcher(own);
            if (finalName.find()) {
                out.add(base(finalName.group(1).replaceAll("\\$\\{[^}]*}", "")));
            }
            Matcher artifact = ARTIFACT_ID.matcher(DEPENDENCIES.matcher(own).replaceAll(""));
            if (artifact.find()) {
                out.add(base(artifact.group(1)));
            }
        }
        for (String script : new String[] {"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"}) {
            String text = texts.get(prefix + script);
            if (text != null) {
                Matcher m = GRADLE_NAME.matcher(text);
                while (m.find()) {
                    out.add(base(m.group(1) != null ? m.group(1) : m.group(2)));
                }
            }
        }
        out.remove("");
        return out;
    }

    /** An archive's name without directory, extension and version: what module names compare with. */
    static String base(String archive) {
        return archive.substring(archive.lastIndexOf('/') + 1).replaceFirst("\\.[jw]ar$", "")
                .replaceFirst("-\\d[\\w.]*(-SNAPSHOT)?$", "").replaceFirst("-+$", "");
    }
}
