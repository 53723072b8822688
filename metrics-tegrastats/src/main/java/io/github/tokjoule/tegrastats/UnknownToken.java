package io.github.tokjoule.tegrastats;

/**
 * A token the parser did not recognise, kept instead of being dropped: a new engine printed in an unforeseen form,
 * a legacy field such as {@code EDP limit 1734}, or stray text inside a tegrastats line.
 *
 * @param name the leading name ({@code EDP limit}, {@code FOO}), or the whole token when it has no name
 * @param text the raw text consumed, e.g. {@code "EDP limit 1734"}
 * @since 0.1.0
 */
public record UnknownToken(String name, String text) {}
