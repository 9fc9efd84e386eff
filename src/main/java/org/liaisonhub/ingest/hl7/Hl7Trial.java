package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.liaisonhub.ingest.TriedMessage;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.liaisonhub.mapping.Hl7RuleEngine;
import org.liaisonhub.mapping.MappingDataException;
import org.liaisonhub.mapping.MappingResult;
import org.liaisonhub.workitem.RehearsedWorkList;

/**
 * One HL7 v2 message of a trial, through the steps of the HL7 channel that decide its answer (screening, the rules,
 * the acknowledgement policy) and a {@link RehearsedWorkList} instead of the store and the ledger. A repeated
 * sender and control id within the trial is a duplicate, as it would be in the hub.
 */
public final class Hl7Trial {

    private final Hl7Screener screener;
    private final Acknowledgements acknowledgements;
    private final Hl7RuleEngine rules;
    private final MllpProperties mllp;
    private final Set<String> controlIds = new HashSet<>();

    public Hl7Trial(HapiContext hapi, MllpProperties mllp, Hl7RuleEngine rules) {
        this.screener = new Hl7Screener(hapi, mllp);
        this.acknowledgements = new Acknowledgements(hapi);
        this.rules = rules;
        this.mllp = mllp;
    }

    public TriedMessage run(String source, String text, RehearsedWorkList workList, boolean explain) {
        InboundFrame frame = InboundFrame.decode(text.getBytes(StandardCharsets.UTF_8), mllp.defaultCharset());
        Screening screening = screener.screen(frame, null, rules);
        MshHeader header = screening.header();
        String event = header == null ? null : header.typeAndEvent();
        if (screening instanceof Screening.Rejected rejected) {
            return failed(source, event, "REJECTED", null, header, AcknowledgmentCode.AR, rejected.error());
        }
        Screening.Accepted accepted = (Screening.Accepted) screening;
        MappingResult mapping;
        try {
            mapping = explain ? rules.explain(accepted.message()) : rules.evaluate(accepted.message());
        } catch (MappingDataException unusable) {
            HL7Exception error = new HL7Exception(unusable.getMessage(), unusable.errorCode());
            if (unusable.location() != null) {
                error.setLocation(unusable.location());
            }
            return failed(source, event, "ERROR", accepted, header, AcknowledgmentCode.AE, error);
        }
        Optional<AcknowledgmentCode> answer = AcknowledgementPolicy.answer(header, AcknowledgmentCode.AA);
        String ack = answer.map(code -> acknowledgements.build(accepted.message(), header, code, null)).orElse(null);
        String code = answer.map(Enum::name).orElse(null);
        if (!controlIds.add(header.sendingApplication() + "|" + header.sendingFacility() + "|" + header.controlId())) {
            return new TriedMessage(source, "HL7V2", event, "DUPLICATE", code, ack, null, List.of(), List.of(),
                    mapping.verdicts());
        }
        return new TriedMessage(source, "HL7V2", event, mapping.matched() ? "PROCESSED" : "IGNORED", code, ack, null,
                mapping.appliedRules(), workList.apply(mapping.changes()), mapping.verdicts());
    }

    private TriedMessage failed(String source, String event, String status, Screening.Accepted accepted,
            MshHeader header, AcknowledgmentCode code, HL7Exception error) {
        Optional<AcknowledgmentCode> answer = AcknowledgementPolicy.answer(header, code);
        String location = ErrorLocations.of(error);
        return new TriedMessage(source, "HL7V2", event, status, answer.map(Enum::name).orElse(null),
                answer.map(sent -> acknowledgements.build(accepted == null ? null : accepted.message(), header, sent,
                        error)).orElse(null),
                error.getMessageWithoutLocation() + (location == null ? "" : " (at " + location + ")"), List.of(),
                List.of(), List.of());
    }
}
