package dev.workbench.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a spec file's text: at most {@value #MAX_BYTES} bytes of UTF-8, or an error naming the offending byte. */
final class SpecFile {

    /** Largest spec file accepted (1 MiB); real specs are a few hundred bytes. */
    static final int MAX_BYTES = 1 << 20;

    private SpecFile() {}

    static String read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SpecException(
                        source,
                        "",
                        0,
                        String.format(
                                "the file is %,d bytes; a spec may have at most " + "%,d bytes (1 MB)",
                                size, MAX_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(source, "", 0, "no such spec file");
        } catch (IOException e) {
            throw new SpecException(source, "", 0, "cannot read spec file: " + e.getMessage());
        }
        return utf8(bytes, source);
    }

    /** Decodes strictly; a malformed sequence is reported by its byte offset, line and value. */
    static String utf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new SpecException(
                    source,
                    "",
                    line,
                    String.format(
                            "not UTF-8: byte 0x%02X at offset %d cannot start "
                                    + "or continue a UTF-8 character; save the spec as UTF-8 (it looks like Latin-1 or another "
                                    + "8-bit encoding)",
                            bytes[offset] & 0xFF, offset));
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
