package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import java.time.Instant;
import java.util.Optional;
import org.liaisonhub.mapping.Hl7RuleEngine;
import org.liaisonhub.mapping.MappingDataException;
import org.liaisonhub.mapping.MappingResult;
import org.liaisonhub.store.MessageControlIds;
import org.liaisonhub.store.MessageEnvelope;
import org.liaisonhub.store.MessageOutcome;
import org.liaisonhub.store.MessageStatus;
import org.liaisonhub.store.MessageStore;
import org.liaisonhub.store.ReceivedMessage;
import org.liaisonhub.workitem.WorkItemLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one HL7 v2 message from arrival to committed outcome. The raw message, its work-item changes and its
 * outcome are written in one transaction; the caller acknowledges only after this returns, i.e. after commit.
 * A message that cannot be processed is still stored (REJECTED or ERROR) in a transaction of its own.
 * Logs carry ids, codes and locations only, never message content.
 */
@Service
public class Hl7IngestService {

    static final String CHANNEL = "HL7V2";
    private static final Logger log = LoggerFactory.getLogger(Hl7IngestService.class);

    private final Hl7Screener screener;
    private final Hl7RuleEngine rules;
    private final MessageStore store;
    private final MessageControlIds controlIds;
    private final WorkItemLedger ledger;
    private final TransactionTemplate transaction;

    Hl7IngestService(Hl7Screener screener, Hl7RuleEngine rules, MessageStore store, MessageControlIds controlIds,
            WorkItemLedger ledger, PlatformTransactionManager transactions) {
        this.screener = screener;
        this.rules = rules;
        this.store = store;
        this.controlIds = controlIds;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Processes a message that has just arrived. */
    Hl7Outcome ingest(InboundFrame frame, String remoteAddress) {
        Screening screening = screener.screen(frame);
        ReceivedMessage received = received(frame, screening.header(), remoteAddress);
        return process(screening, received, null);
    }

    /** Processes a stored message again and records the new outcome on it. */
    Hl7Outcome reprocess(long messageId, InboundFrame frame) {
        Screening screening = screener.screen(frame);
        return process(screening, null, messageId);
    }

    private Hl7Outcome process(Screening screening, ReceivedMessage received, Long storedId) {
        if (screening instanceof Screening.Accepted accepted) {
            return accept(received, storedId, accepted);
        }
        Screening.Rejected rejected = (Screening.Rejected) screening;
        return fail(received, storedId, rejected.header(), null, MessageStatus.REJECTED, AcknowledgmentCode.AR,
                rejected.error());
    }

    private Hl7Outcome accept(ReceivedMessage received, Long storedId, Screening.Accepted accepted) {
        MshHeader header = accepted.header();
        MappingResult mapping;
        try {
            mapping = rules.evaluate(accepted.message());
        } catch (MappingDataException unusable) {
            HL7Exception error = new HL7Exception(unusable.getMessage(), unusable.errorCode());
            if (unusable.location() != null) {
                error.setLocation(unusable.location());
            }
            return fail(received, storedId, header, accepted, MessageStatus.ERROR, AcknowledgmentCode.AE, error);
        }
        Optional<AcknowledgmentCode> answer = AcknowledgementPolicy.answer(header, AcknowledgmentCode.AA);
        String ackCode = answer.map(Enum::name).orElse(null);
        try {
            return transaction.execute(tx -> {
                MessageOutcome outcome = MessageOutcome.of(
                        mapping.matched() ? MessageStatus.PROCESSED : MessageStatus.IGNORED, ackCode);
                long id = storedId != null ? storedId : store.insert(received, outcome);
                Optional<Long> original = controlIds.claim(header.sendingApplication(), header.sendingFacility(),
                        header.controlId(), id);
                if (original.isPresent()) {
                    outcome = new MessageOutcome(MessageStatus.DUPLICATE, ackCode, null, null,
                            "Duplicate of message " + original.get() + " (same MSH-3, MSH-4 and MSH-10)",
                            original.get());
                    store.recordOutcome(id, outcome, storedId != null);
                } else {
                    ledger.apply(mapping.changes(), id);
                    if (storedId != null) {
                        store.recordOutcome(id, outcome, true);
                    }
                }
                log.debug("HL7 message {} ({} control id {}): {}", id, header.typeAndEvent(), header.controlId(),
                        outcome.status());
                return new Hl7Outcome(id, outcome.status(), answer, accepted.message(), header, null);
            });
        } catch (RuntimeException failure) {
            log.error("HL7 message ({} control id {}) could not be processed: {}", header.typeAndEvent(),
                    header.controlId(), failure.getClass().getName());
            log.debug("Processing failure", failure);
            HL7Exception error = new HL7Exception("The hub could not process the message; it was kept with status"
                    + " ERROR and can be resent or reprocessed", ErrorCode.APPLICATION_INTERNAL_ERROR);
            return fail(received, storedId, header, accepted, MessageStatus.ERROR, AcknowledgmentCode.AE, error);
        }
    }

    /** Stores a message that was rejected or could not be processed, in a transaction of its own. */
    private Hl7Outcome fail(ReceivedMessage received, Long storedId, MshHeader header, Screening.Accepted accepted,
            MessageStatus status, AcknowledgmentCode code, HL7Exception error) {
        Optional<AcknowledgmentCode> answer = AcknowledgementPolicy.answer(header, code);
        MessageOutcome outcome = new MessageOutcome(status, answer.map(Enum::name).orElse(null),
                String.valueOf(error.getErrorCode()), locationOf(error), error.getMessageWithoutLocation(), null);
        Long id = storedId;
        try {
            id = transaction.execute(tx -> {
                if (storedId == null) {
                    return store.insert(received, outcome);
                }
                store.recordOutcome(storedId, outcome, true);
                return storedId;
            });
            log.warn("HL7 message {} ({} control id {}): {} {} {} at {}", id,
                    header == null ? "no MSH" : header.typeAndEvent(), header == null ? "-" : header.controlId(),
                    status, code, error.getErrorCode(), outcome.errorLocation());
        } catch (RuntimeException storeFailure) {
            log.error("HL7 message ({} control id {}) could not even be stored: {}",
                    header == null ? "no MSH" : header.typeAndEvent(), header == null ? "-" : header.controlId(),
                    storeFailure.getClass().getName());
            log.debug("Store failure", storeFailure);
            HL7Exception notStored = new HL7Exception("The hub could not store the message; resend it",
                    ErrorCode.APPLICATION_INTERNAL_ERROR);
            return new Hl7Outcome(null, MessageStatus.ERROR, AcknowledgementPolicy.answer(header,
                    AcknowledgmentCode.AE), accepted == null ? null : accepted.message(), header, notStored);
        }
        return new Hl7Outcome(id, status, answer, accepted == null ? null : accepted.message(), header, error);
    }

    /** The ERL form used in ERR-2: segment^sequence^field^repetition^component^subcomponent, trailing parts cut. */
    private static String locationOf(HL7Exception error) {
        Location location = error.getLocation();
        if (location == null || location.getSegmentName() == null) {
            return null;
        }
        int[] parts = {location.getSegmentRepetition(), location.getField(), location.getFieldRepetition(),
                location.getComponent(), location.getSubcomponent()};
        StringBuilder erl = new StringBuilder(location.getSegmentName());
        int last = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            erl.append('^').append(parts[i] > 0 ? String.valueOf(parts[i]) : "");
        }
        return erl.toString();
    }

    private static ReceivedMessage received(InboundFrame frame, MshHeader header, String remoteAddress) {
        MshHeader h = header != null ? header : MshHeader.NONE;
        return new ReceivedMessage(new MessageEnvelope(CHANNEL, Instant.now(), remoteAddress, h.sendingApplication(),
                h.sendingFacility(), h.receivingApplication(), h.receivingFacility(), h.messageType(),
                h.triggerEvent(), h.controlId(), h.version(), frame.charset().name(), frame.size()), frame.text());
    }
}
