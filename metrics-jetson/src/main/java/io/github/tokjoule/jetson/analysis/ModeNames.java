package io.github.tokjoule.jetson.analysis;

import io.github.tokjoule.jetson.PowerMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a power mode in a directory name, the way the seed benchmark names its per-mode datasets and runs:
 * {@code 7w}, {@code 15W}, {@code 25w}, {@code maxn}, {@code MAXN_SUPER}, or a name ending in one of them after a
 * separator ({@code jetson-non-reasoning-benchmark-25w}, {@code llamacpp-hf-maxn}, {@code
 * blog-all-20260527-0139-25w}). Matching is case-insensitive.
 *
 * <p>The label keeps the seed's spelling in upper case ({@code 25W}, {@code MAXN}, {@code MAXN_SUPER}); the id is the
 * Orin Nano Super's {@code nvpmodel} id under JetPack 6.2 (15W = 0, 25W = 1, MAXN / MAXN_SUPER = 2, 7W = 3). Other
 * wattages ({@code 10w}, {@code 30w}, …) are recognised with the wattage as their id, since their nvpmodel id depends on
 * the board.
 *
 * @since 0.1.0
 */
public final class ModeNames {

    private static final Pattern WATTS = Pattern.compile("(?:^|[^0-9a-z])(\\d{1,3})w$");
    private static final Pattern MAXN = Pattern.compile("(?:^|[^0-9a-z])maxn([_-]?super)?$");

    private ModeNames() {}

    /**
     * Returns the power mode a directory name denotes.
     *
     * @param directoryName a directory's name (not a path)
     * @return the mode, or empty if the name does not end in a mode
     */
    public static Optional<PowerMode> fromDirectoryName(String directoryName) {
        String name = directoryName.strip().toLowerCase(Locale.ROOT);
        Matcher maxn = MAXN.matcher(name);
        if (maxn.find()) {
            return Optional.of(PowerMode.of(2, maxn.group(1) == null ? "MAXN" : "MAXN_SUPER"));
        }
        Matcher watts = WATTS.matcher(name);
        if (watts.find()) {
            int w = Integer.parseInt(watts.group(1));
            if (w == 0) {
                return Optional.empty();
            }
            int id =
                    switch (w) {
                        case 15 -> 0;
                        case 25 -> 1;
                        case 7 -> 3;
                        default -> w;
                    };
            return Optional.of(PowerMode.of(id, w + "W"));
        }
        return Optional.empty();
    }

    /**
     * Tells whether two mode labels name the same mode: equal ignoring case, or both a MAXN mode ({@code MAXN} and
     * {@code MAXN_SUPER} are the same top mode of an Orin Nano Super).
     *
     * @param a a label
     * @param b another label
     * @return {@code true} if they name the same mode
     */
    public static boolean sameMode(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        return isMaxn(a) && isMaxn(b);
    }

    private static boolean isMaxn(String label) {
        String l = label.toLowerCase(Locale.ROOT).replace("-", "_");
        return l.equals("maxn") || l.equals("maxn_super") || l.equals("maxnsuper");
    }
}
