package dev.migrate.rewriters.envfile;

/** Reading and writing env-file values: single quotes are literal, double quotes take backslash escapes. */
final class EnvQuoting {
    private EnvQuoting() {
    }

    static String unquote(String raw) {
        if (raw.length() >= 2 && raw.charAt(0) == '\'' && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.length() >= 2 && raw.charAt(0) == '"' && raw.endsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < raw.length() - 1; i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length() - 1) {
                    char n = raw.charAt(++i);
                    sb.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        return raw;
    }

    /** Writes {@code value} in the style of {@code previousRaw} when that style can hold it. */
    static String quote(String value, String previousRaw) {
        boolean wasSingle = previousRaw.startsWith("'");
        boolean wasDouble = previousRaw.startsWith("\"");
        if (wasSingle && value.indexOf('\'') < 0) {
            return "'" + value + "'";
        }
        if (!wasSingle && !wasDouble && value.matches("[A-Za-z0-9_./:@%+,=-]*")) {
            return value;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"', '\\', '$', '`' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
