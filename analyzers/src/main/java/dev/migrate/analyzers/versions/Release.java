package dev.migrate.analyzers.versions;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's numbers as written ({@code 3.4} is {@code {3, 4}}, {@code 2.14.2.1} four numbers): the precision a clause
 * was written with is part of what it means ({@code ~=3.4} against {@code ~=3.4.0}), and comparisons pad the shorter
 * one with zeros, as PEP 440 does ({@code 3.4} is {@code 3.4.0}).
 */
public record Release(int[] numbers) implements Comparable<Release> {
    private static final Pattern LEADING = Pattern.compile("\\s*v?(\\d+(?:\\.\\d+)*)");

    public Release {
        numbers = numbers.clone();
    }

    /** {@code "3.4.1"}, without anything around it; numbers too large for an int are no release. */
    public static Release of(String dotted) {
        String[] parts = dotted.split("\\.");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return new Release(out);
    }

    /**
     * The release a text starts with ({@code 3.4.1}, {@code v3.5.0rc1}, {@code 2-python3.10}); empty for text that
     * names none ({@code {{ version }}}).
     */
    public static Optional<Release> leading(String text) {
        Matcher m = LEADING.matcher(text == null ? "" : text);
        try {
            return m.lookingAt() ? Optional.of(of(m.group(1))) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    @Override
    public int[] numbers() {
        return numbers.clone();
    }

    /** How many numbers were written. */
    public int precision() {
        return numbers.length;
    }

    /** The number at {@code index}, zero past the written ones. */
    public int at(int index) {
        return index < numbers.length ? numbers[index] : 0;
    }

    /** The first {@code precision} numbers, padded with zeros ({@code 3.8.3} at 2 is {@code 3.8}). */
    public Release prefix(int precision) {
        return new Release(Arrays.copyOf(numbers, precision));
    }

    /**
     * The first release after every one that starts with this one's first {@code precision} numbers: those numbers with
     * the last raised ({@code 3.4.1} at 2 is {@code 3.5}, at 1 {@code 4}).
     */
    public Release next(int precision) {
        int[] out = Arrays.copyOf(numbers, precision);
        out[precision - 1]++;
        return new Release(out);
    }

    @Override
    public int compareTo(Release o) {
        for (int i = 0; i < Math.max(numbers.length, o.numbers.length); i++) {
            int c = Integer.compare(at(i), o.at(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Release r && Arrays.equals(numbers, r.numbers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(numbers);
    }

    /** As written: {@code 3.4.1}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < numbers.length; i++) {
            b.append(i == 0 ? "" : ".").append(numbers[i]);
        }
        return b.toString();
    }
}
