package io.github.tokjoule.tegrastats;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Streams the samples of a tegrastats log, in constant memory, and keeps a {@link ParseReport} of every line.
 *
 * <p>Input: a {@link Path}, an {@link InputStream} or a {@link Reader}. Byte input is gzip-decompressed when it starts
 * with the gzip magic bytes {@code 1f 8b} (whatever the file name), and read as UTF-8 (tegrastats writes ASCII; other
 * bytes only occur in lines that are not tegrastats output). Lines end at {@code \n}, {@code \r\n} or {@code \r}; the
 * last line needs no terminator.
 *
 * <p>Each line is classified ({@link LineKind}): samples are returned; blank lines, {@code date} headers, shell
 * prompts and other text are skipped and counted; malformed tegrastats lines are counted and kept as examples in
 * lenient mode, or end the reading with a {@link TegrastatsFormatException} naming the source and line number in
 * strict mode ({@link ReaderOptions#strict()}). I/O errors surface from {@link #hasNext()} and {@link #next()} as
 * {@link UncheckedIOException}.
 *
 * <pre>{@code
 * try (TegrastatsReader r = TegrastatsReader.open(Path.of("tegrastats.log"))) {
 *     r.stream().forEach(s -> ...);
 *     System.err.println(r.report().summary());
 * }
 * }</pre>
 *
 * <p>Not thread-safe. Closing the reader closes the underlying input.
 *
 * @since 0.1.0
 */
public final class TegrastatsReader implements Iterator<TegrastatsSample>, Closeable {

    private final LineSource lines;
    private final TegrastatsParser parser = TegrastatsParser.create();
    private final ParseReport.Accumulator report;
    private final boolean strict;
    private long lineNumber;
    private long sequence;
    private @Nullable TegrastatsSample next;
    private boolean done;

    private TegrastatsReader(LineSource lines, String source, ReaderOptions options) {
        this.lines = lines;
        this.report = new ParseReport.Accumulator(source, options.exampleLimit());
        this.strict = options.strict();
    }

    /**
     * Opens a log file, plain or gzip-compressed, leniently.
     *
     * @param path the file
     * @return the reader; close it
     * @throws IOException if the file cannot be opened or its gzip header is broken
     */
    public static TegrastatsReader open(Path path) throws IOException {
        return open(path, ReaderOptions.lenient());
    }

    /**
     * Opens a log file, plain or gzip-compressed.
     *
     * @param path the file
     * @param options strict or lenient, and the report limits
     * @return the reader; close it
     * @throws IOException if the file cannot be opened or its gzip header is broken
     */
    public static TegrastatsReader open(Path path, ReaderOptions options) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            return new TegrastatsReader(
                    LineSource.of(decompressIfGzip(in), options.maxLineChars()), path.toString(), options);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads a byte stream, plain or gzip-compressed (detected by its first two bytes).
     *
     * @param in the stream; closed with the reader
     * @param source a name for the input in reports and exceptions
     * @param options strict or lenient, and the report limits
     * @return the reader
     * @throws IOException if the stream cannot be read or its gzip header is broken
     */
    public static TegrastatsReader of(InputStream in, String source, ReaderOptions options) throws IOException {
        Objects.requireNonNull(source, "source");
        return new TegrastatsReader(LineSource.of(decompressIfGzip(in), options.maxLineChars()), source, options);
    }

    /**
     * Reads characters.
     *
     * @param in the reader; closed with this reader
     * @param source a name for the input in reports and exceptions
     * @param options strict or lenient, and the report limits
     * @return the reader
     */
    public static TegrastatsReader of(Reader in, String source, ReaderOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        return new TegrastatsReader(LineSource.of(in, options.maxLineChars()), source, options);
    }

    /** Reads lines from a given source: tests use it to choose the buffer size. */
    static TegrastatsReader of(LineSource lines, String source, ReaderOptions options) {
        return new TegrastatsReader(lines, source, options);
    }

    private static InputStream decompressIfGzip(InputStream raw) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, LineSource.BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = b0 < 0 ? -1 : in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, LineSource.BUFFER);
        }
        return in;
    }

    /**
     * Tells whether another sample follows, reading and classifying lines until one does.
     *
     * @return {@code true} if {@link #next()} will return a sample
     * @throws TegrastatsFormatException in strict mode, at the first malformed line
     * @throws UncheckedIOException if reading fails
     */
    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            done = next == null;
        }
        return next != null;
    }

    /**
     * Returns the next sample.
     *
     * @return the sample
     * @throws NoSuchElementException if there is none
     * @throws TegrastatsFormatException in strict mode, at the first malformed line
     * @throws UncheckedIOException if reading fails
     */
    @Override
    public TegrastatsSample next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more samples in " + report.source);
        }
        TegrastatsSample s = Objects.requireNonNull(next);
        next = null;
        return s;
    }

    /** {@return the remaining samples as a sequential stream; closing the stream closes this reader} */
    public Stream<TegrastatsSample> stream() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(
                                this, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
                        false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * Returns the report of the lines read so far; once {@link #hasNext()} has returned {@code false} it covers the
     * whole input.
     *
     * @return an immutable snapshot
     */
    public ParseReport report() {
        return report.snapshot();
    }

    /** {@return the name of the input given when opening} */
    public String source() {
        return report.source;
    }

    private @Nullable TegrastatsSample advance() {
        try {
            while (lines.next()) {
                lineNumber++;
                byte[] bytes = lines.bytes;
                int from = lines.from;
                int to = lines.to;
                char @Nullable [] text = lines.text;
                LineKind kind;
                String problem;
                if (lines.truncated) {
                    kind = LineKind.MALFORMED;
                    problem = "line longer than " + lines.maxLineChars + " characters";
                } else {
                    kind = parser.scan(bytes, from, to, text);
                    if (kind == LineKind.SAMPLE) {
                        TegrastatsSample s = parser.sample(lineNumber, sequence++);
                        report.sample(s);
                        return s;
                    }
                    problem = kind == LineKind.MALFORMED ? parser.problem() : kind.name();
                }
                if (kind == LineKind.MALFORMED) {
                    sequence++;
                    if (strict) {
                        report.other(kind, lineNumber, problem, bytes, text, from, to);
                        throw new TegrastatsFormatException(
                                report.source,
                                lineNumber,
                                problem,
                                ParseReport.Accumulator.text(bytes, text, from, to));
                    }
                }
                report.other(kind, lineNumber, problem, bytes, text, from, to);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + report.source + " after line " + lineNumber, e);
        }
    }

    /**
     * Closes the underlying input.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        done = true;
        next = null;
        lines.close();
    }
}
