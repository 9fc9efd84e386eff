package org.liaisonhub.deploy;

import java.util.List;
import org.liaisonhub.ingest.TrialInput;

/**
 * One mapping test case: messages in order, each step with the answer and the work-item changes it expects.
 *
 * @param file where the case is written, and its line
 */
record MappingCase(String name, String file, int line, List<Step> steps) {

    /**
     * @param answer  the acknowledgement code or HTTP status expected for each of its messages; null: not checked
     * @param changes exactly the changes expected of its messages, in any order
     */
    record Step(int line, TrialInput input, String answer, List<ExpectedChange> changes) {
    }
}
