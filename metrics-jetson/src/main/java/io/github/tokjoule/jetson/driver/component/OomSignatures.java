package io.github.tokjoule.jetson.driver.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Out-of-memory signatures in an inference server's log: {@code NvMapMemAllocInternalTagged} (the Jetson's CMA/IOVA
 * allocator, seed report §5: "error 12" after a few model loads), {@code cudaMalloc failed}, {@code out of memory}.
 * Matching ignores case.
 *
 * @since 0.1.0
 */
public final class OomSignatures {

    /** The signatures, lower case. */
    public static final List<String> SIGNATURES =
            List.of("nvmapmemallocinternaltagged", "cudamalloc failed", "out of memory");

    private OomSignatures() {}

    /**
     * Returns the lines of a log that hold a signature.
     *
     * @param log the log text
     * @param limit the most lines to return
     * @return the matching lines, in order, stripped
     */
    public static List<String> find(String log, int limit) {
        List<String> found = new ArrayList<>();
        for (String line : log.split("\\R", -1)) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String signature : SIGNATURES) {
                if (lower.contains(signature)) {
                    found.add(line.strip());
                    break;
                }
            }
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    /**
     * Reads the end of a log file (last 256 KiB) for the signatures.
     *
     * @param logFile the file
     * @param limit the most lines to return
     * @return the matching lines, empty if the file is absent
     */
    public static List<String> find(Path logFile, int limit) {
        return find(tail(logFile, 256 * 1024), limit);
    }

    static String tail(Path file, int maxBytes) {
        try {
            byte[] all = Files.readAllBytes(file);
            int from = Math.max(0, all.length - maxBytes);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String lastLines(Path file, int lines) {
        String text = tail(file, 64 * 1024).strip();
        if (text.isEmpty()) {
            return "(empty log)";
        }
        String[] all = text.split("\\R", -1);
        int from = Math.max(0, all.length - lines);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < all.length; i++) {
            if (i > from) {
                sb.append(" | ");
            }
            sb.append(all[i].strip());
        }
        return sb.toString();
    }
}
