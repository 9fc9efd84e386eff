package org.liaisonhub.ingest.hl7;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The HL7 journal's files: numbered segments ({@code 42.journal}) in one directory, the newest one appended to. A
 * record is {@code [int length][int CRC32C][payload]}, the payload {@code [long receipt][long seconds][int nanos]
 * [int remote address length, -1 for none][remote address, UTF-8][frame]}. Records are written with plain writes,
 * not synced: like H2's own writes, they survive the hub's crash, not the machine's. A record cut short by a crash
 * (its length past the end, or its checksum wrong) ends the reading of its segment: it was the last one written,
 * and its message was not acknowledged.
 */
final class JournalSegments implements Closeable {

    private static final String SUFFIX = ".journal";
    private static final int HEADER = 8;
    /** receipt, seconds, nanos, remote address length */
    private static final int FIXED_PAYLOAD = 8 + 8 + 4 + 4;

    private final Path directory;
    private FileChannel current;
    private long currentNumber;
    private long currentSize;

    /** Opens the directory and starts a segment after every one already there. */
    JournalSegments(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        long newest = numbers().stream().mapToLong(Long::longValue).max().orElse(0);
        start(newest + 1);
    }

    /** The records of every segment older than the one being written, oldest first. */
    List<JournalEntry> readOlder() throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        for (long number : numbers()) {
            if (number < currentNumber) {
                read(Files.readAllBytes(segment(number)), entries);
            }
        }
        return entries;
    }

    synchronized void append(JournalEntry entry) throws IOException {
        byte[] remote = entry.remoteAddress() == null ? null : entry.remoteAddress().getBytes(StandardCharsets.UTF_8);
        int length = FIXED_PAYLOAD + (remote == null ? 0 : remote.length) + entry.frame().length;
        ByteBuffer record = ByteBuffer.allocate(HEADER + length);
        record.putInt(length).putInt(0)
                .putLong(entry.receipt())
                .putLong(entry.receivedAt().getEpochSecond()).putInt(entry.receivedAt().getNano())
                .putInt(remote == null ? -1 : remote.length);
        if (remote != null) {
            record.put(remote);
        }
        record.put(entry.frame());
        CRC32C crc = new CRC32C();
        crc.update(record.array(), HEADER, length);
        record.putInt(4, (int) crc.getValue()).flip();
        while (record.hasRemaining()) {
            current.write(record);
        }
        currentSize += HEADER + length;
    }

    /** Whether nothing was appended since the segment being written was started. */
    synchronized boolean currentIsEmpty() {
        return currentSize == 0;
    }

    /**
     * Starts a new segment; every record appended before this call is in the returned segment or an older one.
     *
     * @return the number of the segment closed
     */
    synchronized long roll() throws IOException {
        long closed = currentNumber;
        current.close();
        start(closed + 1);
        return closed;
    }

    /** The number of the segment being written. */
    synchronized long currentNumber() {
        return currentNumber;
    }

    /** Deletes the segments numbered up to {@code number}: what they record is in the database's file. */
    void deleteUpTo(long number) throws IOException {
        for (long n : numbers()) {
            if (n <= number) {
                Files.deleteIfExists(segment(n));
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        current.close();
    }

    private void start(long number) throws IOException {
        current = FileChannel.open(segment(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        currentNumber = number;
        currentSize = current.size();
    }

    private Path segment(long number) {
        return directory.resolve(number + SUFFIX);
    }

    private List<Long> numbers() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX) && name.length() > SUFFIX.length()
                            && name.substring(0, name.length() - SUFFIX.length()).chars().allMatch(Character::isDigit))
                    .map(name -> Long.parseLong(name.substring(0, name.length() - SUFFIX.length())))
                    .sorted()
                    .toList();
        }
    }

    private static void read(byte[] segment, List<JournalEntry> into) {
        ByteBuffer buffer = ByteBuffer.wrap(segment);
        while (buffer.remaining() >= HEADER) {
            int length = buffer.getInt();
            int checksum = buffer.getInt();
            if (length < FIXED_PAYLOAD || length > buffer.remaining()) {
                return;
            }
            CRC32C crc = new CRC32C();
            crc.update(segment, buffer.position(), length);
            if ((int) crc.getValue() != checksum) {
                return;
            }
            ByteBuffer payload = buffer.slice(buffer.position(), length);
            buffer.position(buffer.position() + length);
            long receipt = payload.getLong();
            Instant receivedAt = Instant.ofEpochSecond(payload.getLong(), payload.getInt());
            int remoteLength = payload.getInt();
            String remote = null;
            if (remoteLength >= 0) {
                byte[] bytes = new byte[remoteLength];
                payload.get(bytes);
                remote = new String(bytes, StandardCharsets.UTF_8);
            }
            byte[] frame = new byte[payload.remaining()];
            payload.get(frame);
            into.add(new JournalEntry(receipt, receivedAt, remote, frame));
        }
    }
}
