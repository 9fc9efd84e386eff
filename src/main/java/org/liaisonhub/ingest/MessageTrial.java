package org.liaisonhub.ingest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hl7v2.HapiContext;
import java.util.ArrayList;
import java.util.List;
import org.liaisonhub.ingest.fhir.FhirTrial;
import org.liaisonhub.ingest.hl7.Hl7Trial;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.liaisonhub.mapping.FhirRuleEngine;
import org.liaisonhub.mapping.Hl7RuleEngine;
import org.liaisonhub.platform.FhirProperties;
import org.liaisonhub.workitem.RehearsedWorkList;
import org.springframework.stereotype.Service;

/**
 * Tries messages against the mapping rules without storing, acknowledging or dispatching anything: for each, the
 * answer the hub would give and what it would do to a work list that starts empty. The messages of one trial are a
 * sequence (an admission, then its discharge, then its cancel), so each sees the work the ones before it opened.
 * The {@code try} command and {@code POST /api/mappings/try} both run it.
 */
@Service
public class MessageTrial {

    private final HapiContext hapi;
    private final MllpProperties mllp;
    private final Hl7RuleEngine hl7Rules;
    private final FhirContext fhir;
    private final FhirRuleEngine fhirRules;
    private final FhirProperties fhirProperties;

    MessageTrial(HapiContext hapi, MllpProperties mllp, Hl7RuleEngine hl7Rules, FhirContext fhir,
            FhirRuleEngine fhirRules, FhirProperties fhirProperties) {
        this.hapi = hapi;
        this.mllp = mllp;
        this.hl7Rules = hl7Rules;
        this.fhir = fhir;
        this.fhirRules = fhirRules;
        this.fhirProperties = fhirProperties;
    }

    /** @param explain also say, for each message, why each rule applied or did not */
    public List<TriedMessage> run(List<TrialInput> inputs, boolean explain) {
        RehearsedWorkList workList = new RehearsedWorkList();
        Hl7Trial hl7 = new Hl7Trial(hapi, mllp, hl7Rules);
        FhirTrial fhirTrial = new FhirTrial(fhir, fhirRules, fhirProperties);
        List<TriedMessage> tried = new ArrayList<>();
        for (TrialInput input : inputs) {
            if (input.isFhir()) {
                tried.add(fhirTrial.run(input.name(), input.content(), workList, explain));
                continue;
            }
            List<String> messages = Hl7TextFile.messages(input.content());
            if (messages.isEmpty()) {
                // answered as the listener answers an empty frame
                tried.add(hl7.run(input.name(), "", workList, explain));
            }
            for (int i = 0; i < messages.size(); i++) {
                String source = messages.size() == 1 ? input.name() : input.name() + "#" + (i + 1);
                tried.add(hl7.run(source, messages.get(i), workList, explain));
            }
        }
        return tried;
    }
}
