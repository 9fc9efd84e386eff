package org.liaisonhub.ingest.mllp;

import java.util.List;

/**
 * A sending system proven by its client certificate, and the facilities (MSH-4) and applications (MSH-3) it may
 * send for. Values match the whole field or its first component (HD namespace id), exactly.
 */
public record MllpSender(String name, List<String> facilities, List<String> applications) {

    public boolean maySendFor(String sendingApplication, String sendingFacility, char componentSeparator) {
        return matches(facilities, sendingFacility, componentSeparator)
                && (applications.isEmpty() || matches(applications, sendingApplication, componentSeparator));
    }

    private static boolean matches(List<String> allowed, String field, char componentSeparator) {
        if (field == null) {
            return false;
        }
        int end = field.indexOf(componentSeparator);
        String namespace = end < 0 ? field : field.substring(0, end);
        return allowed.contains(field) || allowed.contains(namespace);
    }
}
