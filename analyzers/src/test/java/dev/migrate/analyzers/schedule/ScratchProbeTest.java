package dev.migrate.analyzers.schedule;

import org.junit.jupiter.api.Test;

class ScratchProbeTest {
    @Test
    void probe() throws Exception {
        String[] in = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/tmp/h52/crons.txt")).toArray(new String[0]);
        StringBuilder sb = new StringBuilder();
        for (String c : in) {
            try {
                sb.append(c).append("  =>  ").append(Descriptions.cron(CronExpression.parse(c), DayRule.VIXIE)).append('\n');
            } catch (RuntimeException e) {
                sb.append(c).append("  !!  ").append(e.getMessage()).append('\n');
            }
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/h52/described.txt"), sb);
    }
}
