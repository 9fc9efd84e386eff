package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The MRN stored beside a message: PID-3's MR repetition, else its first. */
class PatientMrnTest {

    private static final HapiContext HAPI = new HapiConfiguration().hapiContext();
    private static final String MSH = "MSH|^~\\&|EPIC|GH|LH|GH2|20261127||ADT^A01|C1|P|2.5.1\rEVN|A01\r";

    @AfterAll
    static void closeHapi() throws Exception {
        HAPI.close();
    }

    @Test
    void repetitionOfTypeMrIsTheMrnWhereverItStands() throws HL7Exception {
        assertThat(mrnOf(MSH + "PID|1||99^^^SSA^SS~4711^^^GH^MR||DOE^JANE\r")).isEqualTo("4711");
    }

    @Test
    void firstIdentifierIsTheMrnWhenNoneIsTypedMr() throws HL7Exception {
        assertThat(mrnOf(MSH + "PID|1||99^^^GH~100^^^GH^PI||DOE^JANE\r")).isEqualTo("99");
    }

    @Test
    void messageWithoutPidHasNoMrn() throws HL7Exception {
        assertThat(mrnOf(MSH)).isNull();
    }

    private static String mrnOf(String text) throws HL7Exception {
        return PatientMrn.of(HAPI.getPipeParser().parse(text));
    }
}
