package org.liaisonhub.ingest.hl7;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** HL7 table 0211 (MSH-18 character set) names mapped to Java character sets. */
final class Hl7CharacterSets {

    private static final Map<String, String> TABLE_0211 = Map.ofEntries(
            Map.entry("ASCII", "US-ASCII"),
            Map.entry("8859/1", "ISO-8859-1"),
            Map.entry("8859/2", "ISO-8859-2"),
            Map.entry("8859/3", "ISO-8859-3"),
            Map.entry("8859/4", "ISO-8859-4"),
            Map.entry("8859/5", "ISO-8859-5"),
            Map.entry("8859/6", "ISO-8859-6"),
            Map.entry("8859/7", "ISO-8859-7"),
            Map.entry("8859/8", "ISO-8859-8"),
            Map.entry("8859/9", "ISO-8859-9"),
            Map.entry("8859/15", "ISO-8859-15"),
            Map.entry("ISO IR6", "US-ASCII"),
            Map.entry("ISO IR14", "JIS_X0201"),
            Map.entry("ISO IR87", "x-JIS0208"),
            Map.entry("ISO IR159", "JIS_X0212-1990"),
            Map.entry("GB 18030-2000", "GB18030"),
            Map.entry("KS X 1001", "EUC-KR"),
            Map.entry("CNS 11643-1992", "x-EUC-TW"),
            Map.entry("BIG-5", "Big5"),
            Map.entry("UNICODE", "UTF-8"),
            Map.entry("UNICODE UTF-8", "UTF-8"));

    private Hl7CharacterSets() {
    }

    /** The Java character set for an MSH-18 value; empty when the value is not in table 0211 or not available. */
    static Optional<Charset> forHl7Name(String name) {
        String java = TABLE_0211.get(name.trim().toUpperCase(Locale.ROOT));
        if (java == null || !Charset.isSupported(java)) {
            return Optional.empty();
        }
        return Optional.of(Charset.forName(java));
    }
}
