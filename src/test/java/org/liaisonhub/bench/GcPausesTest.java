package org.liaisonhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a hub's GC pauses out of the log {@code -Xlog:gc:file=...:time} writes. */
class GcPausesTest {

    @TempDir
    Path dir;

    @Test
    void countsThePausesThatEndedWithinTheStretchAndNothingElse() throws IOException {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [2026-11-28T05:26:18.900+0000] GC(257) Pause Young (Normal) 580M->324M(650M) 90.000ms
                [2026-11-28T05:26:19.197+0000] GC(258) Pause Young (Normal) 583M->325M(650M) 16.924ms
                [2026-11-28T05:26:19.400+0000] GC(259) Concurrent Mark Cycle 335.387ms
                [2026-11-28T05:26:19.832+0000] GC(260) Pause Remark 376M->347M(582M) 37.282ms
                [2026-11-28T05:26:21.100+0000] GC(261) Pause Young (Normal) 563M->327M(650M) 70.000ms
                """);

        GcPauses pauses = GcPauses.between(log, Instant.parse("2026-11-28T05:26:19Z"),
                Instant.parse("2026-11-28T05:26:21Z"));

        assertThat(pauses.count()).isEqualTo(2);
        assertThat(pauses.longestMillis()).isEqualTo(37.282);
        assertThat(pauses.totalMillis()).isCloseTo(54.206, Offset.offset(1e-9));
        assertThat(pauses.summary()).isEqualTo("2 GC pauses, longest 37 ms, 54 ms in all (2.7 % of the time)");
    }

    @Test
    void aHubThatLoggedNothingHadNoPauses() {
        GcPauses pauses = GcPauses.between(dir.resolve("absent.log"), Instant.EPOCH, Instant.EPOCH.plusSeconds(20));

        assertThat(pauses.count()).isZero();
        assertThat(pauses.summary()).isEqualTo("0 GC pauses, longest 0 ms, 0 ms in all (0.0 % of the time)");
    }
}
