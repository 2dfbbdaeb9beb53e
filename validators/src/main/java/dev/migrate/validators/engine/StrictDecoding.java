package dev.migrate.validators.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a text file line by line with a decoder that refuses bytes its encoding does not define, and says where
 * the first such byte is: line and column (the character it would be, counted from 1). For encodings in which a
 * newline is the byte 10 (UTF-8, single-byte code pages), which is every one it is used for.
 */
final class StrictDecoding {
    /** The first undecodable byte: its line and column, and the byte itself. */
    record Position(long line, long column, int value) {
    }

    /** Receives each decoded line (with its newline when it had one). */
    interface LineSink {
        void line(CharSequence text) throws IOException;
    }

    private StrictDecoding() {
    }

    /** Where {@code in} first fails to decode as {@code charset}, feeding every line before it to {@code sink}. */
    static Optional<Position> decode(InputStream in, Charset charset, LineSink sink) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long lineNo = 1;
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                Optional<Position> bad = decodeLine(decoder, line, lineNo, sink);
                if (bad.isPresent()) {
                    return bad;
                }
                line.reset();
                lineNo++;
            }
        }
        return line.size() == 0 ? Optional.empty() : decodeLine(decoder, line, lineNo, sink);
    }

    private static Optional<Position> decodeLine(CharsetDecoder decoder, ByteArrayOutputStream line, long lineNo,
            LineSink sink) throws IOException {
        byte[] bytes = line.toByteArray();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.reset();
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            out.flip();
            long column = out.codePoints().count() + 1;
            if (lineNo == 1 && out.length() > 0 && out.charAt(0) == '\uFEFF') {
                column--; // a byte order mark is no character of the line
            }
            return Optional.of(new Position(lineNo, column, bytes[in.position()] & 0xff));
        }
        out.flip();
        sink.line(out);
        return Optional.empty();
    }

    /** Copies {@code in}, decoded as {@code charset}, to {@code out} as UTF-8; the first undecodable byte stops it. */
    static Optional<Position> toUtf8(InputStream in, Charset charset, OutputStream out) throws IOException {
        return decode(in, charset, text -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code file:line:col: byte 0x81 is not windows-1252}, the start of a message about that byte. */
    static String where(Path file, Position p, String encoding) {
        return file + ":" + p.line() + ":" + p.column() + ": byte 0x" + String.format("%02X", p.value())
                + " is not " + encoding;
    }
}
