package org.liaisonhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.HubIntegrationTest;

/** The README walkthrough: the send command delivers the samples and they do what their comments say. */
class SamplesAndSendCommandTest extends HubIntegrationTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theSamplesOpenInterpreterInsuranceTransportAndHomeCareWorkAndTheCancelledAdmissionCancelsIt() {
        assertThat(send("samples/hl7/a01-admit-spanish-speaker.hl7")).as(err.toString()).isZero();
        assertThat(types("NEW")).containsExactlyInAnyOrder("INTERPRETER", "INSURANCE_VERIFICATION");

        assertThat(send("samples/hl7/a03-discharge-to-snf.hl7")).isZero();
        assertThat(types("NEW")).containsExactlyInAnyOrder("INTERPRETER", "INSURANCE_VERIFICATION", "TRANSPORT");

        assertThat(send("samples/hl7/ref-i12-home-care-referral.hl7")).isZero();
        JsonNode homeCare = getJson("/api/work-items?mrn=900123&visit=VN77001&type=HOME_CARE").get("items").get(0);
        assertThat(homeCare.get("priority").asText()).isEqualTo("stat");
        assertThat(homeCare.at("/details/referredTo/family").asText()).isEqualTo("SUNSHINE HOME HEALTH");

        assertThat(send("samples/hl7/a11-cancel-admit.hl7")).isZero();
        assertThat(types("NEW")).isEmpty();
        assertThat(types("CANCELLED")).hasSize(4);

        assertThat(send("--new-ids", "samples/hl7/a01-admit-spanish-speaker.hl7")).isZero();
        assertThat(types("NEW")).as("a fresh admission after the cancellation").hasSize(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("a01-admit-spanish-speaker.hl7 ADT^A01")
                .contains("-> AA");
    }

    @Test
    void theAppointmentSampleOpensAnInterpreterAndTwoRidesAndItsCancelCancelsThem() {
        assertThat(send("samples/hl7/siu-s12-appointment-with-ride.hl7")).as(err.toString()).isZero();
        assertThat(appointmentItems()).containsExactlyInAnyOrder("INTERPRETER CAD-550123 NEW",
                "TRANSPORT CAD-550123|to-appointment NEW", "TRANSPORT CAD-550123|from-appointment NEW");

        assertThat(send("samples/hl7/siu-s15-cancel-appointment.hl7")).isZero();
        assertThat(appointmentItems()).allMatch(item -> item.endsWith(" CANCELLED")).hasSize(3);
    }

    @Test
    void aRejectedMessageMakesTheCommandFailAndPrintsTheErrSegment() {
        int exit = send(writeTemp("MSH|^~\\&|LAB|GENHOSP|LIAISONHUB|GENHOSP|20261127||ORU^R01|SEND-ORU-1|P|2.5.1\n"
                + "PID|1||1^^^GENHOSP^MR\n"));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("-> AR").contains("ERR|").contains("200");
    }

    @Test
    void withoutFilesTheCommandPrintsItsUsage() {
        assertThat(send()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar liaison-hub.jar send");
    }

    private int send(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--port";
        all[1] = String.valueOf(MLLP_PORT);
        System.arraycopy(args, 0, all, 2, args.length);
        return SendHl7Command.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> types(String status) {
        JsonNode items = getJson("/api/work-items?mrn=900123&visit=VN77001&status=" + status).get("items");
        List<String> types = new ArrayList<>();
        items.forEach(i -> types.add(i.get("type").asText()));
        return types;
    }

    /** The items of the sample appointment, as "TYPE key STATUS". */
    private List<String> appointmentItems() {
        List<String> items = new ArrayList<>();
        getJson("/api/work-items?mrn=900123").get("items").forEach(i -> {
            if (i.get("key").asText().startsWith("CAD-550123")) {
                items.add(i.get("type").asText() + " " + i.get("key").asText() + " " + i.get("status").asText());
            }
        });
        return items;
    }

    private static String writeTemp(String content) {
        try {
            Path file = Files.createTempFile("oru", ".hl7");
            Files.writeString(file, content);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
