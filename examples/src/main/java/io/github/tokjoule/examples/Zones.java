package io.github.tokjoule.examples;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine;

/**
 * The one converter of every {@code --zone} option, so that a bad zone reads the same in every command and never shows
 * an exception's class name ({@code ZoneRulesException} and its kin are what {@link ZoneId#of} throws).
 */
final class Zones {

    private Zones() {}

    /**
     * Parses an IANA zone id ({@code Asia/Kolkata}) or a fixed offset ({@code UTC+05:30}, {@code +05:30}).
     *
     * @param text the option's value
     * @return the zone
     * @throws CommandLine.TypeConversionException if it is neither
     */
    static ZoneId parse(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException(message(text));
        }
    }

    /** {@return the one wording of a bad zone} */
    static String message(String text) {
        return "'" + text + "' is not a time zone: give the device's IANA zone id (e.g. Asia/Kolkata, Europe/Berlin,"
                + " UTC) or a fixed offset (e.g. UTC+05:30)";
    }
}
