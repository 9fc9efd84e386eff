package org.liaisonhub.ingest;

/**
 * A file (or a pasted text) to try: HL7 v2 messages, one segment per line as {@link Hl7TextFile} reads them, or one
 * FHIR R4 resource or Bundle in JSON (its first character is {@code {}).
 *
 * @param name what the trial calls it, e.g. the file's name
 */
public record TrialInput(String name, String content) {

    boolean isFhir() {
        return content.strip().replace("\uFEFF", "").startsWith("{");
    }
}
