package org.liaisonhub.ingest.hl7;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Control ids (MSH-10) for the acknowledgements the hub sends: a random prefix per hub instance and a counter, at
 * most 20 characters so that v2.3/v2.4 receivers (MSH-10 is ST 20 there) take them whole. Replaces HAPI's default
 * generator, which writes a counter file under the user's home directory and repeats across instances.
 */
final class AckControlIdGenerator implements IDGenerator {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    AckControlIdGenerator() {
        StringBuilder random = new StringBuilder("LH");
        SecureRandom source = new SecureRandom();
        for (int i = 0; i < 6; i++) {
            random.append(Character.forDigit(source.nextInt(36), 36));
        }
        this.prefix = random.toString().toUpperCase(Locale.ROOT);
    }

    @Override
    public String getID() {
        return prefix + Long.toString(counter.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
    }
}
