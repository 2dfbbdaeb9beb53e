package dev.migrate.analyzers.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The baseline file: JSON with one entry per line, sorted, so that it is the same bytes for the same findings and a
 * change to it reads as a diff of whole findings:
 * <pre>
 * {
 *   "migrateBaseline": 1,
 *   "about": "...",
 *   "entries": [
 *     {"code":"CRN001","path":"etc/crontab","job":"cron-backup-3f2a9c1b","occurrence":1,"text":"0 2 * * * ..."}
 *   ]
 * }
 * </pre>
 * {@code migrateBaseline} is the format's version (and says what the file is); a reader refuses a newer one rather
 * than guess at it.
 */
public final class BaselineFile {
    /** The version written; files up to this version are read. */
    public static final int FORMAT = 1;
    static final String VERSION_FIELD = "migrateBaseline";
    private static final List<String> FIELDS = List.of("code", "path", "job", "occurrence", "text");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private BaselineFile() {
    }

    /** The file's text for these entries: sorted, duplicates once, every line ending in '\n'. */
    public static String write(Collection<BaselineEntry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"").append(VERSION_FIELD).append("\": ").append(FORMAT).append(",\n");
        sb.append("  \"about\": \"findings of migrate scan recorded as known: scan --baseline with this file fails only"
                + " on findings not listed here; rewrite it with --write-baseline\",\n");
        sb.append("  \"entries\": [");
        String sep = "\n";
        for (BaselineEntry e : new TreeSet<>(entries)) {
            sb.append(sep).append("    ").append(line(e));
            sep = ",\n";
        }
        sb.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    private static String line(BaselineEntry e) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.setCharacterEscapes(VISIBLE);
            g.writeStartObject();
            g.writeStringField("code", e.code());
            g.writeStringField("path", e.path());
            g.writeStringField("job", e.job());
            g.writeNumberField("occurrence", e.occurrence());
            g.writeStringField("text", e.text());
            g.writeEndObject();
        } catch (IOException impossible) {
            throw new IllegalStateException("writing JSON to a string failed", impossible);
        }
        return w.toString();
    }

    /**
     * JSON escapes control characters; these escapes also write the C1 controls and bidirectional overrides that a
     * scanned line may hold as {@code \u202e}, so that the baseline reads in a diff as it is (JSON reads them back).
     */
    private static final CharacterEscapes VISIBLE = new CharacterEscapes() {
        private final int[] ascii = visibleAscii();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean hidden = c >= 0x80 && c < 0xa0 || c == 0x061c || c == 0x200e || c == 0x200f
                    || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
            return hidden ? new SerializedString(String.format("\\u%04X", c)) : null;
        }

        private static int[] visibleAscii() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            codes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
            return codes;
        }
    };

    /**
     * The entries of a baseline file's bytes, which must be UTF-8; {@code file} names it in errors.
     *
     * @throws InvalidBaselineException when the bytes are not a baseline this version reads, with file:line:col
     */
    public static Set<BaselineEntry> read(String file, byte[] data) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(data);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(data.length);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < in.position(); i++) {
                if (data[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw invalid(file, line, in.position() - lineStart + 1, "not UTF-8 text (byte 0x"
                    + String.format("%02x", data[in.position()] & 0xff) + ")");
        }
        decoder.flush(out);
        return read(file, out.flip().toString());
    }

    /**
     * The entries of a baseline's {@code text}; {@code file} names it in errors.
     *
     * @throws InvalidBaselineException when the text is not a baseline this version reads, with file:line:col
     */
    public static Set<BaselineEntry> read(String file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw invalid(file, 1, 1, "the file is empty");
        }
        Integer version = null;
        JsonLocation versionAt = null;
        List<JsonNode> entries = new ArrayList<>();
        List<JsonLocation> entriesAt = new ArrayList<>();
        boolean sawEntries = false;
        try (JsonParser p = FACTORY.createParser(text)) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(file, p.currentTokenLocation(), "expected a JSON object ('{')");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                JsonLocation at = p.currentTokenLocation();
                if (name.equals(VERSION_FIELD)) {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw invalid(file, at, "\"" + VERSION_FIELD + "\" must be a whole number (the format version)");
                    }
                    version = p.getIntValue();
                    versionAt = at;
                } else if (name.equals("entries")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw invalid(file, at, "\"entries\" must be a list ('[')");
                    }
                    sawEntries = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        entriesAt.add(p.currentTokenLocation());
                        entries.add(p.readValueAsTree());
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw invalid(file, p.currentTokenLocation(), "unexpected text after the baseline's closing '}'");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw at == null ? invalid(file, 1, 1, "not valid JSON: " + jsonProblem(e))
                    : invalid(file, at, "not valid JSON: " + jsonProblem(e));
        } catch (IOException e) {
            throw invalid(file, 1, 1, "cannot be read: " + e.getMessage());
        }
        if (version == null) {
            throw invalid(file, 1, 1, "not a migrate baseline (no \"" + VERSION_FIELD + "\" field)");
        }
        if (version > FORMAT) {
            throw invalid(file, versionAt, "written in baseline format " + version + " by a newer migrate; this one reads"
                    + " format " + FORMAT + " and older: upgrade migrate, or rewrite the baseline with this one");
        }
        if (version < 1) {
            throw invalid(file, versionAt, "baseline format " + version + " does not exist (formats start at 1)");
        }
        if (!sawEntries) {
            throw invalid(file, 1, 1, "no \"entries\" list");
        }
        Set<BaselineEntry> out = new TreeSet<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(entry(file, entriesAt.get(i), entries.get(i)));
        }
        return out;
    }

    private static BaselineEntry entry(String file, JsonLocation at, JsonNode n) {
        if (!n.isObject()) {
            throw invalid(file, at, "an entry must be an object with " + String.join(", ", FIELDS));
        }
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid(file, at, "unknown field \"" + name + "\" in an entry; an entry has "
                        + String.join(", ", FIELDS));
            }
        }
        for (String name : List.of("code", "path", "job", "text")) {
            if (!n.path(name).isTextual()) {
                throw invalid(file, at, "entry without a text \"" + name + "\" field; an entry has "
                        + String.join(", ", FIELDS));
            }
        }
        JsonNode occurrence = n.path("occurrence");
        if (!occurrence.isInt() || occurrence.intValue() < 1) {
            throw invalid(file, at, "entry without an \"occurrence\" of 1 or more");
        }
        return new BaselineEntry(n.get("code").textValue(), n.get("path").textValue(), n.get("job").textValue(),
                n.get("text").textValue(), occurrence.intValue());
    }

    private static InvalidBaselineException invalid(String file, JsonLocation at, String what) {
        return invalid(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), what);
    }

    private static InvalidBaselineException invalid(String file, int line, int column, String what) {
        return new InvalidBaselineException(file + ":" + line + ":" + column + ": " + what
                + "; fix the file, or write it again with migrate scan PATH --write-baseline " + file);
    }

    /**
     * Jackson's message without its "(start marker at [Source: REDACTED ...; line: 1, column: 1])": the error already
     * names the file and place, and a user cannot act on Jackson's source settings.
     */
    private static String jsonProblem(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "");
    }
}
