package org.liaisonhub.console.workitems;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Who a work item is about, as the page shows it: the demographics the mapping copied onto the item. */
record PatientView(String name, String birthDate, String gender, String language) {

    PatientView(Map<String, Object> patient) {
        this(Stream.of("given", "middle", "family").map(patient::get).filter(Objects::nonNull).map(String::valueOf)
                        .collect(Collectors.joining(" ")),
                text(patient.get("birthDate")), text(patient.get("gender")),
                text(patient.getOrDefault("language", patient.get("languageCode"))));
    }

    /** The name as a list row shows it, family name first; the MRN stands beside it. */
    static String listName(Map<String, Object> patient) {
        String family = text(patient.get("family"));
        String given = text(patient.get("given"));
        return family == null ? (given == null ? "" : given) : given == null ? family : family + ", " + given;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
