package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The excerpt of a message the HL7 rules need parsed, on message text alone. */
class SegmentsReadTest {

    private static final String ADMISSION = String.join("\r",
            "MSH|^~\\&|EPIC|GENHOSP|LIAISONHUB|GENHOSP|20261127083000||ADT^A01^ADT_A01|C1|P|2.5.1",
            "EVN|A01|20261127083000",
            "PID|1||M1^^^GENHOSP^MR||GARCIA^MARIA",
            "NK1|1|GARCIA^JOSE|SPO^Spouse^HL70063",
            "PV1|1|I|4WEST^412^B",
            "OBX|1|NM|8867-4^Heart rate^LN||92",
            "IN1|1|PPO|AETNA01|AETNA",
            "IN2|1|123-45-6789",
            "IN1|2|MCR|MEDICARE|CENTERS FOR MEDICARE");

    private final SegmentsRead pidPv1In1 = new SegmentsRead(Set.of("PID", "PV1", "IN1"), false);

    @Test
    void theExcerptKeepsTheHeaderAndTheSegmentsReadInTheirOrder() {
        assertThat(pidPv1In1.excerptOf(ADMISSION, '|').split("\r")).extracting(s -> s.substring(0, 3))
                .containsExactly("MSH", "PID", "PV1", "IN1", "IN1");
    }

    @Test
    void aSegmentIsKeptWhole() {
        assertThat(pidPv1In1.excerptOf(ADMISSION, '|')).contains("\rIN1|2|MCR|MEDICARE|CENTERS FOR MEDICARE\r");
    }

    @Test
    void aLineWithoutAWellFormedSegmentNameIsLeftForTheParserToJudge() {
        String message = String.join("\r", "MSH|^~\\&|EPIC|GENHOSP|||||ADT^A01|C1|P|2.5.1", "PID|1||M1",
                "pv1|1|I", "OB|1", "OBXX|1", "ZPI|1", "OBX");
        assertThat(pidPv1In1.excerptOf(message, '|').split("\r"))
                .containsExactly("MSH|^~\\&|EPIC|GENHOSP|||||ADT^A01|C1|P|2.5.1", "PID|1||M1", "pv1|1|I", "OB|1",
                        "OBXX|1");
    }

    @Test
    void theFieldSeparatorIsTheMessagesOwn() {
        String message = "MSH#^~\\&#EPIC\rPID#1##M1\rOBX#1#NM";
        assertThat(pidPv1In1.excerptOf(message, '#')).isEqualTo("MSH#^~\\&#EPIC\rPID#1##M1\r");
    }

    @Test
    void aFullTerserPathReadsTheWholeMessage() {
        SegmentsRead withFullPath = pidPv1In1.and(new SegmentsRead(Set.of("IN1"), true));
        assertThat(withFullPath.excerptOf(ADMISSION, '|')).isSameAs(ADMISSION);
    }

    @Test
    void theHeaderIsAlwaysRead() {
        assertThat(new SegmentsRead(Set.of(), false).names()).containsExactly("MSH");
    }
}
