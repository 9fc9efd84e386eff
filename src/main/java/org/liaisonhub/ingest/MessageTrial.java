package org.liaisonhub.ingest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hl7v2.HapiContext;
import java.util.ArrayList;
import java.util.List;
import org.liaisonhub.ingest.fhir.FhirTrial;
import org.liaisonhub.ingest.hl7.Hl7Trial;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.liaisonhub.mapping.LoadedRules;
import org.liaisonhub.mapping.RuleBook;
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
    private final RuleBook rules;
    private final FhirContext fhir;
    private final FhirProperties fhirProperties;

    MessageTrial(HapiContext hapi, MllpProperties mllp, RuleBook rules, FhirContext fhir,
            FhirProperties fhirProperties) {
        this.hapi = hapi;
        this.mllp = mllp;
        this.rules = rules;
        this.fhir = fhir;
        this.fhirProperties = fhirProperties;
    }

    /**
     * Tries the messages against the rules the hub runs now.
     *
     * @param explain also say, for each message, why each rule applied or did not
     */
    public List<TriedMessage> run(List<TrialInput> inputs, boolean explain) {
        return run(rules.current(), inputs, explain);
    }

    /** Tries the messages against these rules: the hub's, or a reload's before it is used. */
    public List<TriedMessage> run(LoadedRules rules, List<TrialInput> inputs, boolean explain) {
        RehearsedWorkList workList = new RehearsedWorkList();
        Hl7Trial hl7 = new Hl7Trial(hapi, mllp, rules.hl7());
        FhirTrial fhirTrial = new FhirTrial(fhir, rules.fhir(), fhirProperties);
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
