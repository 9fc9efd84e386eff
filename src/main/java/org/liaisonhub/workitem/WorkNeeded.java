package org.liaisonhub.workitem;

import java.util.Map;

/** One open item of this type is needed for (MRN, visit, key), with these details. */
public record WorkNeeded(String type, String mrn, String visitNumber, String key, Map<String, Object> details,
        String rule) implements WorkChange {
}
