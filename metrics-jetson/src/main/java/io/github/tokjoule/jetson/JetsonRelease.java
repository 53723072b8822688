package io.github.tokjoule.jetson;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jetson Linux (L4T) release as {@code /etc/nv_tegra_release} states it, and the JetPack release it belongs to.
 *
 * <p>The file's first line reads {@code # R36 (release), REVISION: 4.3, GCID: …}: the major release follows the
 * {@code R}, and the revision holds the minor and the patch ({@code 4.3} → L4T 36.4.3; a revision without a patch,
 * {@code 4}, is patch 0).
 *
 * <p>JetPack is not written on the board unless the {@code nvidia-jetpack} package is installed, so a sweep's audit
 * records that package's version where it exists ({@code SystemAudit}) and {@link #jetPack()} derives it otherwise
 * from NVIDIA's JetPack archive (https://developer.nvidia.com/embedded/jetpack-archive), which pairs each JetPack
 * release with one Jetson Linux release:
 *
 * <table>
 *   <caption>L4T → JetPack</caption>
 *   <tr><th>L4T</th><th>JetPack</th></tr>
 *   <tr><td>36.4.4</td><td>6.2.1</td></tr>
 *   <tr><td>36.4.3</td><td>6.2</td></tr>
 *   <tr><td>36.4.0</td><td>6.1</td></tr>
 *   <tr><td>36.3.0</td><td>6.0</td></tr>
 *   <tr><td>35.6.0</td><td>5.1.4</td></tr>
 *   <tr><td>35.5.0</td><td>5.1.3</td></tr>
 *   <tr><td>35.4.1</td><td>5.1.2</td></tr>
 *   <tr><td>35.3.1</td><td>5.1.1</td></tr>
 *   <tr><td>35.2.1</td><td>5.1</td></tr>
 *   <tr><td>35.1.0</td><td>5.0.2</td></tr>
 * </table>
 *
 * <p>Any other release (a later security update such as 36.4.7, a developer preview) derives no JetPack: the table
 * holds only pairs the archive states, and a guess would be a silent number.
 *
 * @param major the major release, e.g. 36
 * @param minor the minor release, e.g. 4
 * @param patch the patch, e.g. 3
 * @since 0.2.0
 */
public record JetsonRelease(int major, int minor, int patch) {

    private static final Pattern LINE =
            Pattern.compile("#?\\s*R(\\d+)\\s*\\(release\\),\\s*REVISION:\\s*(\\d+)(?:\\.(\\d+))?");

    private static final Map<String, String> JETPACK = Map.of(
            "36.4.4", "6.2.1",
            "36.4.3", "6.2",
            "36.4.0", "6.1",
            "36.3.0", "6.0",
            "35.6.0", "5.1.4",
            "35.5.0", "5.1.3",
            "35.4.1", "5.1.2",
            "35.3.1", "5.1.1",
            "35.2.1", "5.1",
            "35.1.0", "5.0.2");

    /**
     * Checks the numbers.
     *
     * @throws IllegalArgumentException if a number is negative
     */
    public JetsonRelease {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException(
                    "release numbers must be non-negative: " + major + "." + minor + "." + patch);
        }
    }

    /**
     * Reads the first line of {@code /etc/nv_tegra_release}.
     *
     * @param line the line, e.g. {@code # R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic}
     * @return the release, or empty if the line is not in that form (an "unavailable: …" audit value, another file)
     */
    public static Optional<JetsonRelease> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JetsonRelease(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than an int holds: not a release line
        }
    }

    /**
     * Returns the JetPack release that NVIDIA's archive pairs with this L4T release.
     *
     * @return e.g. {@code 6.2} for L4T 36.4.3; empty for a release the table above does not hold
     */
    public Optional<String> jetPack() {
        return Optional.ofNullable(JETPACK.get(version()));
    }

    /**
     * Returns the release as {@code major.minor.patch}.
     *
     * @return e.g. {@code 36.4.3}
     */
    public String version() {
        return major + "." + minor + "." + patch;
    }
}
