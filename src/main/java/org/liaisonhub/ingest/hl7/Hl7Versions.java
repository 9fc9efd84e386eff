package org.liaisonhub.ingest.hl7;

import java.util.List;

/** The HL7 v2 versions the hub accepts (2.3 to 2.8.1) and the structures it answers unsupported ones with. */
final class Hl7Versions {

    static final List<String> SUPPORTED =
            List.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1");

    private Hl7Versions() {
    }

    static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** The version whose ACK structure answers a message of this version: itself, or the nearest supported one. */
    static String structureFor(String version) {
        if (isSupported(version)) {
            return version;
        }
        if (version != null && version.matches("2\\.[0-2](\\.\\d+)?")) {
            return SUPPORTED.get(0);
        }
        if (version != null && version.matches("2\\.(9|\\d{2,})(\\.\\d+)?")) {
            return SUPPORTED.get(SUPPORTED.size() - 1);
        }
        return "2.5.1";
    }
}
