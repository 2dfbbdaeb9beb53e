package dev.migrate.analyzers.sources.config;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files are shell scripts: those named so ({@code build.sh}, {@code deploy.bash}) and extensionless ones whose
 * first line runs a shell ({@code bin/build} starting {@code #!/bin/bash} or {@code #!/usr/bin/env sh}), as repositories
 * keep their {@code bin/} and {@code scripts/} commands. One definition for the scan, which reads their commands and
 * variables, and the rewrite, which must parse and edit the same files.
 */
public final class ShellScripts {
    /** POSIX shells and bash's relatives; not fish or PowerShell ({@code pwsh}), whose syntax is another. */
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "ksh", "mksh", "zsh");
    /** {@code #!/bin/bash -e}, {@code #!/usr/bin/env bash}, {@code #!/usr/bin/env -S bash -eu}. */
    private static final Pattern SHEBANG = Pattern.compile("#![ \\t]*(?<program>\\S+)(?<args>[^\\r\\n]*)");

    private ShellScripts() {
    }

    /** A shell script by its name alone: {@code .sh}, {@code .bash}, {@code .zsh}, {@code .ksh}. */
    public static boolean byName(String fileName) {
        return fileName.endsWith(".sh") || fileName.endsWith(".bash") || fileName.endsWith(".zsh")
                || fileName.endsWith(".ksh");
    }

    /**
     * Whether a file may be a shell script before its text is read: named so, or without an extension (then its first
     * line decides, {@link #byShebang}). For passes that choose files by path and read them later.
     */
    public static boolean byNameOrMaybeShebang(String fileName) {
        return byName(fileName) || !fileName.isEmpty() && !fileName.contains(".");
    }

    /**
     * Whether a file without an extension is a shell script by its first line; {@code head} is its text, or as much
     * of it as holds the first line.
     */
    public static boolean byShebang(String fileName, CharSequence head) {
        if (fileName.contains(".") || head.length() < 2 || head.charAt(0) != '#' || head.charAt(1) != '!') {
            return false;
        }
        Matcher m = SHEBANG.matcher(head);
        if (!m.lookingAt()) {
            return false;
        }
        String program = m.group("program").substring(m.group("program").lastIndexOf('/') + 1);
        if (program.equals("env")) {
            // env's own options (-S splits the rest into words, -i clears the environment) come before the program
            for (String word : m.group("args").strip().split("[ \\t]+")) {
                if (!word.startsWith("-") && !word.contains("=")) {
                    return SHELLS.contains(word);
                }
            }
            return false;
        }
        return SHELLS.contains(program);
    }

    /** A shell script by name or, without an extension, by its first line. */
    public static boolean isShellScript(String fileName, CharSequence text) {
        return byName(fileName) || byShebang(fileName, text);
    }
}
