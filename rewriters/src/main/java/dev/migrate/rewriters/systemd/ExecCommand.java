package dev.migrate.rewriters.systemd;

/**
 * One {@code Exec*=} value of a service: its special prefixes and the command after them. The prefixes change how
 * systemd runs the command, not what runs: {@code -} ignores a failure, {@code @} passes the second word as argv[0],
 * {@code :} turns off variable expansion, {@code +}, {@code !} and {@code !!} change privileges.
 *
 * @param prefixes the prefix characters as written, possibly empty
 * @param command  the command line after them, stripped
 */
public record ExecCommand(String prefixes, String command) {
    private static final String PREFIX_CHARS = "-@+!:|";

    public static ExecCommand parse(String value) {
        int i = 0;
        while (i < value.length() && PREFIX_CHARS.indexOf(value.charAt(i)) >= 0) {
            i++;
        }
        return new ExecCommand(value.substring(0, i), value.substring(i).strip());
    }

    /** {@code -}: systemd records a non-zero exit and goes on as if the command had succeeded. */
    public boolean ignoresFailure() {
        return prefixes.indexOf('-') >= 0;
    }
}
