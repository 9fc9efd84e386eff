package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HL7 journal's files keep every record appended, in order, across a restart; a record cut short or damaged
 * by a crash is not replayed, and the records before it are; a checkpoint deletes only the segments it closed.
 */
class JournalSegmentsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T08:15:30.123456789Z");

    @TempDir
    Path dir;

    @Test
    void recordsAppendedBeforeARestartAreReadBackInOrderWithTheirExactBytes() throws IOException {
        byte[] latin1 = "MSH|^~\\&|EHR|GEN|||20261128||ADT^A01|1|P|2.5|||||||8859/1\rPID|||1||Muñoz".getBytes(
                StandardCharsets.ISO_8859_1);
        try (JournalSegments journal = new JournalSegments(dir)) {
            journal.append(new JournalEntry(41, RECEIVED, "10.0.0.5:41234", latin1));
            journal.append(new JournalEntry(42, RECEIVED.plusMillis(1), null, frame("2")));
        }

        try (JournalSegments reopened = new JournalSegments(dir)) {
            List<JournalEntry> entries = reopened.readOlder();

            assertThat(entries).extracting(JournalEntry::receipt).containsExactly(41L, 42L);
            assertThat(entries.get(0).receivedAt()).isEqualTo(RECEIVED);
            assertThat(entries.get(0).remoteAddress()).isEqualTo("10.0.0.5:41234");
            assertThat(entries.get(0).frame()).isEqualTo(latin1);
            assertThat(entries.get(1).remoteAddress()).isNull();
        }
    }

    @Test
    void aRecordCutShortByACrashIsNotReadAndTheOnesBeforeItAre() throws IOException {
        Path segment = segmentOfTwoRecords();
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, Arrays.copyOf(bytes, bytes.length - 10));

        assertThat(receiptsReadAfterReopening()).containsExactly(1L);
    }

    @Test
    void aDamagedRecordIsNotRead() throws IOException {
        Path segment = segmentOfTwoRecords();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x20;
        Files.write(segment, bytes);

        assertThat(receiptsReadAfterReopening()).containsExactly(1L);
    }

    @Test
    void aCheckpointDeletesTheSegmentsItClosedAndKeepsWhatWasAppendedAfter() throws IOException {
        try (JournalSegments journal = new JournalSegments(dir)) {
            journal.append(new JournalEntry(1, RECEIVED, null, frame("1")));
            assertThat(journal.currentIsEmpty()).isFalse();
            long closed = journal.roll();
            assertThat(journal.currentIsEmpty()).isTrue();
            journal.append(new JournalEntry(2, RECEIVED, null, frame("2")));
            journal.deleteUpTo(closed);
        }

        assertThat(receiptsReadAfterReopening()).containsExactly(2L);
    }

    private Path segmentOfTwoRecords() throws IOException {
        try (JournalSegments journal = new JournalSegments(dir)) {
            journal.append(new JournalEntry(1, RECEIVED, null, frame("1")));
            journal.append(new JournalEntry(2, RECEIVED, null, frame("2")));
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments = files.toList();
            assertThat(segments).hasSize(1);
            return segments.get(0);
        }
    }

    private List<Long> receiptsReadAfterReopening() throws IOException {
        try (JournalSegments reopened = new JournalSegments(dir)) {
            return reopened.readOlder().stream().map(JournalEntry::receipt).toList();
        }
    }

    private static byte[] frame(String controlId) {
        return ("MSH|^~\\&|EHR|GEN|||20261128||ADT^A08|" + controlId + "|P|2.5\rPID|||" + controlId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
