package dev.migrate.rewriters.crontab;

/** A whitespace-separated word of a crontab entry and the blanks that follow it (owned here, once). */
public record Word(String text, String after) {
    public String print() {
        return text + after;
    }

    public Word withText(String newText) {
        return new Word(newText, after);
    }
}
