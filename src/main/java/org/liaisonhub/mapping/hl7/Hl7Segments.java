package org.liaisonhub.mapping.hl7;

import java.util.List;
import java.util.regex.Pattern;

/** Knows which segment names exist in the HL7 v2 versions the hub reads, so that a typo in a mapping is caught. */
public final class Hl7Segments {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]{2}");
    private static final List<String> STRUCTURE_PACKAGES =
            List.of("v281", "v28", "v27", "v26", "v251", "v25", "v24", "v231", "v23");

    private Hl7Segments() {
    }

    /** Standard segments of any supported version, and site-defined Z segments. */
    public static boolean isKnown(String name) {
        if (!NAME.matcher(name).matches()) {
            return false;
        }
        if (name.startsWith("Z")) {
            return true;
        }
        ClassLoader loader = Hl7Segments.class.getClassLoader();
        for (String version : STRUCTURE_PACKAGES) {
            try {
                Class.forName("ca.uhn.hl7v2.model." + version + ".segment." + name, false, loader);
                return true;
            } catch (ClassNotFoundException notInThisVersion) {
                // try the next version
            }
        }
        return false;
    }
}
