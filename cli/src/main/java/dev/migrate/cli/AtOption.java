package dev.migrate.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code --at}: "now" for commands that stamp markers or end the missed windows, so runs can be reproduced. */
public final class AtOption {
    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Take this ISO-8601 instant as now (markers' time, end of missed windows). Default: the clock.")
    String at;

    Instant now() {
        return CutoverClock.now(at);
    }
}
