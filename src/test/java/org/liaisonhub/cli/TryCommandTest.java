package org.liaisonhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisonhub.support.DirectoryCopy;

/**
 * {@code try} runs sample messages through the shipped rules offline, as a sequence: the answer each would get and
 * the work items it would open, update or cancel, in text or JSON, and with {@code --explain} why each rule applied
 * or did not.
 */
class TryCommandTest {

    private static final String ADMIT = "samples/hl7/a01-admit-spanish-speaker.hl7";
    private static final String DISCHARGE = "samples/hl7/a03-discharge-to-snf.hl7";
    private static final String CANCEL = "samples/hl7/a11-cancel-admit.hl7";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path temp;

    @Test
    void anAdmissionThenItsDischargeThenItsCancelOpensThreeItemsAndCancelsThem() {
        assertThat(tryFiles(ADMIT, DISCHARGE, CANCEL)).as(err.toString()).isZero();

        String[] messages = out.toString(StandardCharsets.UTF_8).split("\n\n");
        assertThat(messages).hasSize(3);
        assertThat(messages[0]).startsWith("a01-admit-spanish-speaker.hl7  ADT^A01  AA  PROCESSED")
                .contains("opened #1 INTERPRETER MRN 900123 visit VN77001", "by adt-liaison/interpreter",
                        "languageCode=es", "opened #2 INSURANCE_VERIFICATION", "MSA|AA|SAMPLE-A01-0001");
        assertThat(messages[1]).startsWith("a03-discharge-to-snf.hl7  ADT^A03  AA  PROCESSED")
                .contains("opened #3 TRANSPORT MRN 900123 visit VN77001", "destination=SUNRISE SNF")
                .doesNotContain("#1", "#2");
        assertThat(messages[2]).contains("cancelled #1 INTERPRETER", "cancelled #2 INSURANCE_VERIFICATION",
                "cancelled #3 TRANSPORT", "(Admission cancelled (A11))");
    }

    @Test
    void everySampleAloneIsAcceptedAndThoseThatAskForWorkOpenIt() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            samples = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
        for (Path sample : samples) {
            out.reset();
            assertThat(tryFiles(sample.toString())).as(sample + ": " + err).isZero();
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).as(sample.toString()).startsWith(sample.getFileName() + "  ");
            // alone, a cancel finds nothing to cancel, and an Encounter no patient to work for
            if (sample.getFileName().toString().matches("(a01|a03|ref-i12|siu-s12)-.*")) {
                assertThat(text).as(sample + " opens work").contains("opened #1");
            }
        }
    }

    @Test
    void jsonOutputCarriesEachMessagesAnswerAndChangesAndARepeatIsADuplicate() throws IOException {
        assertThat(tryFiles("--format", "json", ADMIT, ADMIT)).as(err.toString()).isZero();

        JsonNode messages = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("messages");
        assertThat(messages).hasSize(2);
        JsonNode admit = messages.get(0);
        assertThat(admit.get("channel").asText()).isEqualTo("HL7V2");
        assertThat(admit.get("answer").asText()).isEqualTo("AA");
        assertThat(admit.get("acknowledgement").asText()).contains("MSA|AA|SAMPLE-A01-0001");
        assertThat(admit.get("changes")).extracting(c -> c.get("action").asText() + " " + c.get("type").asText())
                .containsExactly("OPENED INTERPRETER", "OPENED INSURANCE_VERIFICATION");
        assertThat(admit.at("/changes/0/due").asText()).isEqualTo("2026-11-27T10:30:00Z");
        assertThat(admit.at("/changes/0/details/languageCode").asText()).isEqualTo("es");
        assertThat(messages.get(1).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(messages.get(1).get("changes")).isEmpty();
    }

    @Test
    void explainSaysWhichConditionKeptARuleFromApplyingAndWhatItRead() {
        assertThat(tryFiles("--explain", DISCHARGE)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("rule adt-liaison/discharge-transport: applied")
                .containsPattern("rule adt-liaison/discharge-home-care: line \\d+: \\{value: PV1-36, in: 06\\} does"
                        + " not hold \\(read '03'\\)")
                .contains("rule adt-liaison/admit-cancelled: not for A03 (for A11)");
    }

    @Test
    void fhirResourcesInOrderReachEachOtherAndOpenTheSameWorkAsHl7() {
        assertThat(tryFiles("samples/fhir/patient-spanish-speaker.json", "samples/fhir/encounter-admitted.json"))
                .as(err.toString()).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("patient-spanish-speaker.json  Patient  200  IGNORED")
                .contains("encounter-admitted.json  Encounter  200  PROCESSED")
                .contains("opened #1 INTERPRETER MRN 900456 visit VN77002", "by fhir-liaison/interpreter");
    }

    @Test
    void aMessageTheHubWouldRejectIsAnsweredArWithItsErrAndTheCommandFails() throws IOException {
        Path oru = Files.writeString(temp.resolve("oru.hl7"),
                "MSH|^~\\&|LAB|GENHOSP|LIAISONHUB|GENHOSP|20261127||ORU^R01|TRY-ORU-1|P|2.5.1\nPID|1||1^^^GENHOSP^MR\n");
        Path noMrn = Files.writeString(temp.resolve("no-mrn.hl7"), Files.readString(Path.of(ADMIT))
                .replaceAll("(?m)^PID\\|1\\|\\|[^|]*\\|", "PID|1|||"));

        assertThat(tryFiles(oru.toString(), noMrn.toString())).isEqualTo(1);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("oru.hl7  ORU^R01  AR  REJECTED", "Message type ORU is not accepted here",
                "ERR|");
        assertThat(text).contains("no-mrn.hl7  ADT^A01  AE  ERROR", "has no MRN");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(tryFiles()).isEqualTo(2);
        assertThat(tryFiles("--format", "xml", ADMIT)).isEqualTo(2);
        assertThat(tryFiles("--mappings")).isEqualTo(2);
        assertThat(tryFiles("samples/hl7/no-such-file.hl7")).isEqualTo(2);
        assertThat(err.toString()).contains("usage: java -jar liaison-hub.jar try FILE...");
    }

    @Test
    void aBrokenMappingsDirectoryIsReportedAtItsFileAndLine() throws IOException {
        Path mappings = DirectoryCopy.of(Path.of("mappings"), temp.resolve("mappings"));
        Path adt = mappings.resolve("adt-liaison.yaml");
        Files.writeString(adt, Files.readString(adt).replaceFirst("(?m)^    when:", "    whenn:"));

        assertThat(tryFiles("--mappings", mappings.toString(), ADMIT)).isEqualTo(1);
        assertThat(err.toString()).containsPattern(adt + ":\\d+:5: unknown key 'whenn'");
    }

    private int tryFiles(String... args) {
        return TryCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
