package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The audit's facts that come from the software's own files: a package's version in the dpkg database, the OS's
 * name and the CUDA toolkit's version. Each returns the fact, or {@code "unavailable: <why>"} naming the file.
 */
final class SystemFiles {

    private SystemFiles() {}

    /**
     * Reads an installed package's version from dpkg's status file: the {@code Version:} of the stanza (stanzas are
     * separated by blank lines; continuation lines start with a space) whose {@code Package:} is the name and whose
     * {@code Status:} ends in {@code installed}.
     *
     * @param status the file ({@code /var/lib/dpkg/status})
     * @param name the package, e.g. {@code nvidia-jetpack}
     * @return the version, e.g. {@code 6.2.1+b38}, or why there is none
     */
    static String packageVersion(Path status, String name) {
        String text;
        try {
            text = Files.readString(status, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unavailable: " + status + " cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        for (String stanza : text.split("\n\\s*\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String line : stanza.lines().toList()) {
                int colon = line.indexOf(':');
                if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                    fields.put(
                            line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
            String version = fields.get("Version");
            if (name.equals(fields.get("Package"))
                    && fields.getOrDefault("Status", "").endsWith(" installed")
                    && version != null) {
                return version;
            }
        }
        return "unavailable: the " + name + " package is not installed (" + status + ")";
    }

    /**
     * Reads {@code PRETTY_NAME} from {@code /etc/os-release} (quotes removed).
     *
     * @param osRelease the file
     * @return e.g. {@code Ubuntu 22.04.5 LTS}, or why there is none
     */
    static String osPrettyName(Path osRelease) {
        try {
            for (String line : Files.readAllLines(osRelease, StandardCharsets.UTF_8)) {
                if (line.startsWith("PRETTY_NAME=")) {
                    String v = line.substring("PRETTY_NAME=".length()).strip();
                    return v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))
                            ? v.substring(1, v.length() - 1)
                            : v;
                }
            }
            return "unavailable: no PRETTY_NAME in " + osRelease;
        } catch (IOException e) {
            return "unavailable: " + osRelease + " cannot be read ("
                    + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * Reads the toolkit's version from {@code version.json}: {@code {"cuda": {"name": "CUDA SDK", "version":
     * "12.6.68"}, …}}, as CUDA 11.1 and later install it.
     *
     * @param versionJson the file ({@code /usr/local/cuda/version.json})
     * @return e.g. {@code 12.6.68}, or why there is none
     */
    static String cudaVersion(Path versionJson) {
        String text;
        try {
            text = Files.readString(versionJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unavailable: " + versionJson + " cannot be read ("
                    + e.getClass().getSimpleName() + "; is the CUDA toolkit installed?)";
        }
        try {
            if (JsonTree.parse(text) instanceof Map<?, ?> root
                    && root.get("cuda") instanceof Map<?, ?> cuda
                    && cuda.get("version") instanceof String version) {
                return version;
            }
            return "unavailable: no cuda.version in " + versionJson;
        } catch (JsonTree.SyntaxException e) {
            return "unavailable: " + versionJson + " is not JSON (" + e.getMessage() + ")";
        }
    }
}
