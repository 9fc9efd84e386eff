package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.liaisonhub.ingest.MessageIntake.Arrival;
import org.liaisonhub.ingest.MessageIntake.Decision;
import org.liaisonhub.ingest.MessageIntake.Processed;
import org.liaisonhub.ingest.MessageIntake;
import org.liaisonhub.ingest.mllp.MllpProperties;
import org.liaisonhub.ingest.mllp.MllpSender;
import org.liaisonhub.mapping.LoadedRules;
import org.liaisonhub.mapping.MappingDataException;
import org.liaisonhub.mapping.MappingResult;
import org.liaisonhub.mapping.RuleBook;
import org.liaisonhub.store.MessageControlIds;
import org.liaisonhub.store.MessageEnvelope;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes one HL7 v2 message from arrival to committed outcome through the intake protocol ({@link MessageIntake}):
 * the raw message, its work-item changes and its outcome are written in one transaction; the caller acknowledges
 * only after this returns, i.e. after commit. With {@code hub.mllp.acknowledge=on-receipt} the transaction holds the
 * message only, its rules already evaluated, and the work items follow ({@link MessageIntake#receive}). A message that cannot be processed is still stored (REJECTED or
 * ERROR). Logs carry ids, codes and locations only, never message content.
 */
@Service
public class Hl7IngestService {

    static final String CHANNEL = "HL7V2";
    private static final Logger log = LoggerFactory.getLogger(Hl7IngestService.class);

    private final Hl7Screener screener;
    private final RuleBook rules;
    private final MessageControlIds controlIds;
    private final MessageIntake intake;
    private final Acknowledgements acknowledgements;
    private final MllpProperties.Acknowledge acknowledge;

    Hl7IngestService(Hl7Screener screener, RuleBook rules, MessageControlIds controlIds, MessageIntake intake,
            Acknowledgements acknowledgements, MllpProperties mllp) {
        this.screener = screener;
        this.rules = rules;
        this.controlIds = controlIds;
        this.intake = intake;
        this.acknowledgements = acknowledgements;
        this.acknowledge = mllp.acknowledge();
    }

    /**
     * Processes a message that has just arrived.
     *
     * @param sender the sending system its connection proved, or null when senders are not configured
     */
    Hl7Outcome ingest(InboundFrame frame, String remoteAddress, MllpSender sender) {
        // one set of rules from screening to outcome, whatever a reload does meanwhile
        LoadedRules current = rules.current();
        Screening screening = screener.screen(frame, sender, current.hl7());
        return process(screening, Arrival.received(received(frame, screening, remoteAddress)), current);
    }

    /** Processes a stored message again and records the new outcome on it. */
    Hl7Outcome reprocess(long messageId, InboundFrame frame) {
        LoadedRules current = rules.current();
        return process(screener.screen(frame, null, current.hl7()), Arrival.reprocess(messageId), current);
    }

    private Hl7Outcome process(Screening screening, Arrival arrival, LoadedRules current) {
        if (screening instanceof Screening.Accepted accepted) {
            return accept(arrival, accepted, current);
        }
        Screening.Rejected rejected = (Screening.Rejected) screening;
        return fail(arrival, rejected.header(), null, MessageStatus.REJECTED, AcknowledgmentCode.AR, rejected.error(),
                null);
    }

    private Hl7Outcome accept(Arrival arrival, Screening.Accepted accepted, LoadedRules current) {
        MshHeader header = accepted.header();
        MappingResult mapping;
        try {
            mapping = current.hl7().evaluate(accepted.message());
        } catch (MappingDataException unusable) {
            HL7Exception error = new HL7Exception(unusable.getMessage(), unusable.errorCode());
            if (unusable.location() != null) {
                error.setLocation(unusable.location());
            }
            return fail(arrival, header, accepted, MessageStatus.ERROR, AcknowledgmentCode.AE, error,
                    current.version());
        }
        Optional<AcknowledgmentCode> answer = AcknowledgementPolicy.answer(header, AcknowledgmentCode.AA);
        String ackCode = answer.map(Enum::name).orElse(null);
        // built before the transaction, so that the row keeps the very acknowledgement the sender gets after commit
        String ack = answer.map(code -> acknowledgements.build(accepted.message(), header, code, null)).orElse(null);
        MessageOutcome provisional = new MessageOutcome(
                mapping.matched() ? MessageStatus.PROCESSED : MessageStatus.IGNORED, ackCode, null, null, null, null,
                ack, current.version());
        // a reprocess, and a message with no work to write, gain nothing from answering before processing
        boolean onReceipt = arrival.storedId() == null && acknowledge == MllpProperties.Acknowledge.ON_RECEIPT
                && !mapping.changes().isEmpty();
        MessageIntake.Step<MessageStatus> step = id -> {
            Optional<Long> original = controlIds.claim(header.sendingApplication(), header.sendingFacility(),
                    header.controlId(), id);
            if (original.isEmpty()) {
                return new Decision<>(provisional, mapping.changes(), provisional.status());
            }
            return new Decision<>(new MessageOutcome(MessageStatus.DUPLICATE, ackCode, null, null, "Duplicate of"
                    + " message " + original.get() + " (same MSH-3, MSH-4 and MSH-10)", original.get(), ack,
                    current.version()), List.of(), MessageStatus.DUPLICATE);
        };
        Function<RuntimeException, MessageOutcome> failed = failure -> {
            log.error("HL7 message ({} control id {}) could not be processed: {}", header.typeAndEvent(),
                    header.controlId(), failure.getClass().getName());
            log.debug("Processing failure", failure);
            return outcome(header, accepted.message(), MessageStatus.ERROR, AcknowledgmentCode.AE, internalError())
                    .handledBy(current.version());
        };
        Processed<MessageStatus> processed = onReceipt ? intake.receive(arrival, provisional, step, failed)
                : intake.process(arrival, provisional, step, failed);
        if (processed instanceof Processed.Committed<MessageStatus> committed) {
            log.debug("HL7 message {} ({} control id {}): {}", committed.messageId(), header.typeAndEvent(),
                    header.controlId(), committed.answer());
            return new Hl7Outcome(committed.messageId(), committed.answer(), ack, null);
        }
        Processed.Failed<MessageStatus> failure = (Processed.Failed<MessageStatus>) processed;
        return failed(failure.messageId(), header, accepted, failure.outcome(), internalError());
    }

    private static HL7Exception internalError() {
        return new HL7Exception("The hub could not process the message; it was kept with status ERROR and can be"
                + " resent or reprocessed", ErrorCode.APPLICATION_INTERNAL_ERROR);
    }

    /** Stores a message that was rejected or could not be processed, in a transaction of its own. */
    private Hl7Outcome fail(Arrival arrival, MshHeader header, Screening.Accepted accepted, MessageStatus status,
            AcknowledgmentCode code, HL7Exception error, String ruleSetVersion) {
        MessageOutcome outcome = outcome(header, accepted == null ? null : accepted.message(), status, code, error)
                .handledBy(ruleSetVersion);
        return failed(intake.record(arrival, outcome), header, accepted, outcome, error);
    }

    private Hl7Outcome failed(Long id, MshHeader header, Screening.Accepted accepted, MessageOutcome outcome,
            HL7Exception error) {
        if (id == null) {
            HL7Exception notStored = new HL7Exception("The hub could not store the message; resend it",
                    ErrorCode.APPLICATION_INTERNAL_ERROR);
            String ack = AcknowledgementPolicy.answer(header, AcknowledgmentCode.AE).map(code -> acknowledgements
                    .build(accepted == null ? null : accepted.message(), header, code, notStored)).orElse(null);
            return new Hl7Outcome(null, MessageStatus.ERROR, ack, notStored);
        }
        log.warn("HL7 message {} ({} control id {}): {} {} {} at {}", id,
                header == null ? "no MSH" : header.typeAndEvent(), header == null ? "-" : header.controlId(),
                outcome.status(), outcome.ackCode(), error.getErrorCode(), ErrorLocations.of(error));
        return new Hl7Outcome(id, outcome.status(), outcome.acknowledgement(), error);
    }

    /** A failure's outcome, with the acknowledgement that reports it (null when the sender asked for none). */
    private MessageOutcome outcome(MshHeader header, Message parsed, MessageStatus status, AcknowledgmentCode code,
            HL7Exception error) {
        Optional<AcknowledgmentCode> answer = AcknowledgementPolicy.answer(header, code);
        return new MessageOutcome(status, answer.map(Enum::name).orElse(null), String.valueOf(error.getErrorCode()),
                ErrorLocations.of(error), error.getMessageWithoutLocation(), null,
                answer.map(sent -> acknowledgements.build(parsed, header, sent, error)).orElse(null));
    }

    private static ReceivedMessage received(InboundFrame frame, Screening screening, String remoteAddress) {
        MshHeader h = screening.header() != null ? screening.header() : MshHeader.NONE;
        String mrn = screening instanceof Screening.Accepted accepted ? PatientMrn.of(accepted.message()) : null;
        return new ReceivedMessage(new MessageEnvelope(CHANNEL, Instant.now(), remoteAddress, h.sendingApplication(),
                h.sendingFacility(), h.receivingApplication(), h.receivingFacility(), h.messageType(),
                h.triggerEvent(), h.controlId(), h.version(), frame.charset().name(), frame.size(), mrn),
                frame.text());
    }
}
