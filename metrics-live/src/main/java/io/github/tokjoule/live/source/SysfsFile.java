package io.github.tokjoule.live.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One sysfs attribute holding an integer, kept open and read again from offset 0 for every sample: sysfs renders an
 * attribute afresh on each read at offset 0, so no reopen (and no allocation) is needed. One read call into a direct
 * buffer, parsed in place.
 */
final class SysfsFile implements Closeable {

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64);

    SysfsFile(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    Path path() {
        return path;
    }

    /**
     * Reads the integer.
     *
     * @return the value
     * @throws IOException if the read fails, the file is empty, or it holds anything but an optionally negative
     *     decimal integer and a line end (the message names the file)
     */
    long readLong() throws IOException {
        buffer.clear();
        int n = channel.read(buffer, 0);
        if (n <= 0) {
            throw new IOException(path + " is empty");
        }
        int i = 0;
        boolean negative = buffer.get(0) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < n; i++) {
            byte b = buffer.get(i);
            if (b >= '0' && b <= '9') {
                if (digits == 18) {
                    throw new IOException(path + " holds a number longer than 18 digits");
                }
                value = value * 10 + (b - '0');
                digits++;
            } else if (b == '\n' && i == n - 1) {
                break;
            } else {
                throw new IOException(path + " does not hold an integer (byte " + i + " is " + (b & 0xff) + ")");
            }
        }
        if (digits == 0) {
            throw new IOException(path + " does not hold an integer");
        }
        return negative ? -value : value;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
