package org.liaisonhub.ingest.hl7;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.liaisonhub.platform.DurableCommits;
import org.liaisonhub.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What lets the hub acknowledge an HL7 message on embedded H2 without waiting for H2 to write its file. The
 * message's transaction commits in H2's memory ({@link DurableCommits#JOURNALED}); the message itself, as
 * received, is then appended to this journal, and only then acknowledged. About once a second a checkpoint makes
 * H2 write everything committed and deletes the journal up to there. After a crash, start-up processes again
 * every journaled message whose receipt the database does not have, before the listener opens. H2 then writes its
 * file about once a second instead of once per group of concurrent commits: each write serialises every page it
 * changed again, which was half of the hub's CPU at 500 msg/s. On PostgreSQL, which commits durably in groups
 * itself, there is no journal.
 */
@Component
public class Hl7Journal implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Hl7Journal.class);

    private final Path directory;
    private final DurableCommits durable;
    private final MessageStore store;
    private final Hl7IngestService ingest;
    private final MllpProperties properties;
    private final AtomicLong receipts = new AtomicLong();
    /** Null until start-up found embedded H2, and on every other database. */
    private volatile JournalSegments segments;

    Hl7Journal(@Value("${hub.data-dir}") Path dataDir, DurableCommits durable, MessageStore store,
            Hl7IngestService ingest, MllpProperties properties) {
        this.directory = dataDir.resolve("hl7-journal");
        this.durable = durable;
        this.store = store;
        this.ingest = ingest;
        this.properties = properties;
    }

    /** Replays what a crash left, before any route or listener starts. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!durable.embeddedH2()) {
            return;
        }
        try {
            JournalSegments opened = new JournalSegments(directory);
            try {
                receipts.set(replay(opened));
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
            segments = opened;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the HL7 journal in " + directory, e);
        }
    }

    /** Processes again the journaled messages H2 does not have; returns the newest receipt in use. */
    private long replay(JournalSegments journal) throws IOException {
        long newest = store.newestJournalReceipt();
        int replayed = 0;
        for (JournalEntry entry : journal.readOlder()) {
            newest = Math.max(newest, entry.receipt());
            if (!store.holdsJournalReceipt(entry.receipt())) {
                ingest.ingest(InboundFrame.decode(entry.frame(), properties.defaultCharset()),
                        entry.remoteAddress(), entry.receivedAt(), entry.receipt());
                replayed++;
            }
        }
        durable.flushCommitted();
        journal.deleteUpTo(journal.currentNumber() - 1);
        if (replayed > 0) {
            log.warn("Processed {} acknowledged HL7 messages again from the journal: the hub stopped before the"
                    + " database had written them", replayed);
        }
        return newest;
    }

    /**
     * Processes a message that has just arrived; returns once its outcome would survive a crash of the hub, so that
     * it may be acknowledged. With a journal, the message's transaction commits in H2's memory and the message is
     * then appended here; if the journal cannot be written, H2 writes the commit instead.
     */
    Hl7Outcome process(InboundFrame frame, String remoteAddress) {
        Instant receivedAt = Instant.now();
        JournalSegments journal = segments;
        if (journal == null) {
            return ingest.ingest(frame, remoteAddress, receivedAt, null);
        }
        long receipt = receipts.incrementAndGet();
        Hl7Outcome outcome = ingest.ingest(frame, remoteAddress, receivedAt, receipt);
        if (outcome.messageId() != null) {
            try {
                journal.append(new JournalEntry(receipt, receivedAt, remoteAddress, frame.bytes()));
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write the HL7 journal, writing the database instead: {}", e.getClass().getName());
                log.debug("HL7 journal failure", e);
                durable.flushCommitted();
            }
        }
        return outcome;
    }

    @Scheduled(fixedDelayString = "${hub.mllp.journal-checkpoint-interval:1s}", initialDelay = 1_000)
    void checkpoint() {
        JournalSegments journal = segments;
        if (journal == null || journal.currentIsEmpty()) {
            return;
        }
        try {
            long closed = journal.roll();
            durable.flushCommitted();
            journal.deleteUpTo(closed);
        } catch (IOException | RuntimeException e) {
            // the segments stay until a checkpoint succeeds: a replay finds their messages in the database
            log.warn("HL7 journal checkpoint failed: {}", e.getClass().getName());
            log.debug("HL7 journal checkpoint failure", e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        JournalSegments journal = segments;
        if (journal != null) {
            checkpoint();
            segments = null;
            journal.close();
        }
    }
}
