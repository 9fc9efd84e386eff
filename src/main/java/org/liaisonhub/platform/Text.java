package org.liaisonhub.platform;

/** Text cut to what a column (or a bounded field) holds. */
public final class Text {

    private Text() {
    }

    /** The value, cut to at most {@code max} characters; null stays null. */
    public static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
