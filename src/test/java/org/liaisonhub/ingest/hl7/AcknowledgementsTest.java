package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The acceptance written from the header's text is the one HAPI generates, for every version and header shape. */
class AcknowledgementsTest {

    private static final HapiContext HAPI = new HapiConfiguration().hapiContext();
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-07T12:30:45.123Z"), ZoneOffset.UTC);
    private static final Acknowledgements ACKS = new Acknowledgements(HAPI, NOON);

    @AfterAll
    static void closeHapi() throws Exception {
        HAPI.close();
    }

    static Stream<String> messages() {
        List<String> messages = new ArrayList<>();
        for (String version : Hl7Versions.SUPPORTED) {
            messages.add("MSH|^~\\&|EPIC|GH|LH|GH2|20261127||ADT^A01|C1|P|" + version + "\rEVN|A01\rPID|1||7^^^GH^MR\r");
            messages.add("MSH|^~\\&|EPIC^1.2.840.114350^ISO|GH^9^L|LH^7^L|GH2|20261127||ADT^A08^ADT_A01|C-2|P^T|"
                    + version + "|||AL|NE||8859/1\rEVN|A08\rPID|1||7^^^GH^MR\r");
            messages.add("MSH|^~\\&|EPIC||||20261127||ADT^A03|C3|T|" + version + "|||||||UNICODE UTF-8\rEVN|A03\r");
            messages.add("MSH|$#!@|EPIC$X|GH|LH|GH2|20261127||ADT$A01|C4|D|" + version + "\rEVN|A01\r");
        }
        messages.add("MSH|^~\\&#|EPIC|GH|LH|GH2|20261127||ADT^A01^ADT_A01|C5|P|2.7.1\rEVN|A01\r");
        messages.add("MSH|^~\\&|EP\\F\\IC|GH|LH|GH2|20261127||ADT^A01|C6|P|2.5.1\rEVN|A01\r");
        return messages.stream();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void acceptanceFromTheHeaderIsHapisAcknowledgementButForTimeAndControlId(String text) throws HL7Exception {
        Message parsed = HAPI.getPipeParser().parse(text);
        MshHeader header = MshHeader.read(text).orElseThrow();
        for (AcknowledgmentCode code : List.of(AcknowledgmentCode.AA, AcknowledgmentCode.CA)) {
            String fromHeader = ACKS.build(parsed, header, code, null);
            assertThat(withoutTimeAndControlId(fromHeader, header))
                    .isEqualTo(withoutTimeAndControlId(ACKS.withHapi(parsed, header, code, null), header));
        }
    }

    @Test
    void acceptanceCarriesTheTimeToTheMillisecondAndAControlIdOfItsOwn() {
        MshHeader header = MshHeader.read("MSH|^~\\&|EPIC|GH|LH|GH2|20261127||ADT^A01|C1|P|2.5.1\r").orElseThrow();
        String first = ACKS.fromHeader(header, AcknowledgmentCode.AA);
        String second = ACKS.fromHeader(header, AcknowledgmentCode.AA);
        assertThat(field(first, 7)).isEqualTo("20261207123045.123+0000");
        assertThat(field(first, 10)).startsWith("LH").isNotEqualTo(field(second, 10));
    }

    @Test
    void errorIsStillReportedThroughHapiInTheErrSegmentOfTheVersion() throws HL7Exception {
        String text = "MSH|^~\\&|EPIC|GH|LH|GH2|20261127||ADT^A01|C1|P|2.5.1\rEVN|A01\r";
        String ack = ACKS.build(HAPI.getPipeParser().parse(text), MshHeader.read(text).orElseThrow(),
                AcknowledgmentCode.AE, new HL7Exception("PID-3 is missing", ErrorCode.REQUIRED_FIELD_MISSING));
        assertThat(ack).contains("\rMSA|AE|C1").contains("\rERR||").contains("|101^");
    }

    /** MSH-7 and MSH-10 differ by design between two ACKs; everything else must not. */
    private static String withoutTimeAndControlId(String ack, MshHeader header) {
        String separator = header.fieldSeparator();
        String[] segments = ack.split("\r", -1);
        String[] msh = segments[0].split(Pattern.quote(separator), -1);
        msh[6] = "<time>";
        msh[9] = "<control id>";
        segments[0] = String.join(separator, msh);
        return String.join("\r", segments);
    }

    private static String field(String ack, int mshField) {
        return ack.substring(0, ack.indexOf('\r')).split("\\|", -1)[mshField - 1];
    }
}
