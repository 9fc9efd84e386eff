package org.liaisonhub.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the header of messages HAPI may not be able to parse. */
class MshHeaderTest {

    @Test
    void readsAddressingTypeControlIdVersionAndAcknowledgementModes() {
        MshHeader header = MshHeader.read(
                "MSH|^~\\&|EPIC^1.2.3^ISO|GH|LH|GH2|20261127||ADT^A01^ADT_A01|C1|P^T|2.5.1^USA|||AL|NE||UNICODE UTF-8\r"
                        + "PID|1\r").orElseThrow();
        assertThat(header.sendingApplication()).isEqualTo("EPIC^1.2.3^ISO");
        assertThat(header.sendingFacility()).isEqualTo("GH");
        assertThat(header.receivingFacility()).isEqualTo("GH2");
        assertThat(header.messageType()).isEqualTo("ADT");
        assertThat(header.triggerEvent()).isEqualTo("A01");
        assertThat(header.controlId()).isEqualTo("C1");
        assertThat(header.processingId()).isEqualTo("P");
        assertThat(header.version()).isEqualTo("2.5.1");
        assertThat(header.acceptAckType()).isEqualTo("AL");
        assertThat(header.applicationAckType()).isEqualTo("NE");
        assertThat(header.characterSet()).isEqualTo("UNICODE UTF-8");
        assertThat(header.enhancedMode()).isTrue();
    }

    @Test
    void honoursTheSeparatorsTheMessageDeclares() {
        MshHeader header = MshHeader.read("MSH#*~\\&#APP#FAC#####ADT*A08#C9#P#2.3\r").orElseThrow();
        assertThat(header.sendingApplication()).isEqualTo("APP");
        assertThat(header.triggerEvent()).isEqualTo("A08");
        assertThat(header.version()).isEqualTo("2.3");
        assertThat(header.enhancedMode()).isFalse();
    }

    @Test
    void aShortHeaderReadsAsEmptyFields() {
        MshHeader header = MshHeader.read("MSH|^~\\&|APP\r").orElseThrow();
        assertThat(header.controlId()).isEmpty();
        assertThat(header.version()).isEmpty();
    }

    @Test
    void textWithoutMshHasNoHeader() {
        assertThat(MshHeader.read("PID|1||123\r")).isEmpty();
        assertThat(MshHeader.read("")).isEmpty();
        assertThat(MshHeader.read("MSHA^~\\&|X|Y")).isEmpty();
    }
}
