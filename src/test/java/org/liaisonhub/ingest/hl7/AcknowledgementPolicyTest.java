package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.AcknowledgmentCode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MSH-15 / MSH-16 decide which acknowledgement, if any, a sender gets. */
class AcknowledgementPolicyTest {

    @ParameterizedTest(name = "MSH-15={0} MSH-16={1} outcome {2} -> {3}")
    @CsvSource(nullValues = "none", value = {
        "'',  '',  AA, AA",
        "'',  '',  AE, AE",
        "'',  '',  AR, AR",
        "AL,  AL,  AA, AA",
        "AL,  NE,  AA, CA",
        "AL,  NE,  AE, CE",
        "AL,  NE,  AR, CR",
        "NE,  NE,  AA, none",
        "NE,  ER,  AA, none",
        "NE,  ER,  AE, AE",
        "ER,  NE,  AA, none",
        "ER,  NE,  AR, CR",
        "SU,  NE,  AA, CA",
        "NE,  SU,  AA, AA",
        "NE,  '',  AA, none",
        "XX,  NE,  AA, CA",
    })
    void theSendersAcknowledgementTypesAreHonoured(String accept, String application, AcknowledgmentCode outcome,
            String expected) {
        MshHeader header = new MshHeader("|", "^~\\&", "A", "F", "B", "G", "ADT", "A01", "C1", "P", "2.5",
                accept, application, "");
        Optional<AcknowledgmentCode> answer = AcknowledgementPolicy.answer(header, outcome);
        assertThat(answer.map(Enum::name).orElse(null)).isEqualTo(expected);
    }
}
