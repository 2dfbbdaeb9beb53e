package dev.migrate.rewriters.text;

/**
 * One physical line of a text file: its content and the line terminator that followed it
 * ({@code "\n"}, {@code "\r\n"} or {@code ""} for a last line without one). Keeping the terminator
 * per line is what lets the syntax models print mixed line endings back unchanged.
 */
public record PhysicalLine(String content, String eol) {
    public String text() {
        return content + eol;
    }
}
