package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on files a command is asked to write, made before any work so a long run does not end in an error. */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Fails with invalid input when {@code file}'s directory does not exist; {@code option} names the option. */
    static Path inExistingDirectory(String option, Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw CliException.invalidInput(option + " " + file + ": directory " + dir
                    + " does not exist; create it or choose another path");
        }
        if (Files.isDirectory(target)) {
            throw CliException.invalidInput(option + " " + file + " is a directory; name a file");
        }
        return target;
    }
}
