package org.liaisonhub.cli;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.liaisonhub.ingest.Hl7TextFile;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar liaison-hub.jar send [--host H] [--port P] [--timeout S] [--new-ids] FILE...}: sends the
 * messages of HL7 text files to a hub with HAPI's MLLP client and prints each acknowledgement. {@code --new-ids}
 * gives every message a fresh MSH-10 and MSH-7, so a sample can be sent again without being a duplicate.
 * Exit code 0 when every message was accepted (AA/CA), 1 when some were not, 2 on bad usage, 3 when the hub
 * could not be reached.
 */
public final class SendHl7Command {

    public static final String NAME = "send";
    private static final String USAGE =
            "usage: java -jar liaison-hub.jar send [--host localhost] [--port 2575] [--timeout 30] [--new-ids] FILE...";

    private SendHl7Command() {
    }

    public static int run(String[] args) {
        // HAPI's client logs every connection it closes at INFO; a command line wants only the answers
        ((Logger) LoggerFactory.getLogger("ca.uhn.hl7v2")).setLevel(Level.WARN);
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String host = "localhost";
        int port = 2575;
        int timeoutSeconds = 30;
        boolean newIds = false;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host = args[++i];
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--timeout" -> timeoutSeconds = Integer.parseInt(args[++i]);
                    case "--new-ids" -> newIds = true;
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> files.add(Path.of(args[i]));
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println(USAGE);
            return 2;
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try (HapiContext hapi = new DefaultHapiContext(ValidationContextFactory.noValidation())) {
            hapi.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
            PipeParser parser = hapi.getPipeParser();
            Connection connection = hapi.newClient(host, port, false);
            try {
                Initiator initiator = connection.getInitiator();
                initiator.setTimeout(timeoutSeconds, TimeUnit.SECONDS);
                boolean allAccepted = true;
                for (Path file : files) {
                    for (String text : Hl7TextFile.messages(Files.readString(file, StandardCharsets.UTF_8))) {
                        allAccepted &= send(file, text, parser, initiator, newIds, out, err);
                    }
                }
                return allAccepted ? 0 : 1;
            } finally {
                connection.close();
            }
        } catch (HL7Exception e) {
            err.println("Cannot connect to " + host + ":" + port + ": " + e.getMessage());
            return 3;
        } catch (IOException e) {
            err.println("Cannot read a file: " + e.getMessage());
            return 2;
        }
    }

    private static boolean send(Path file, String text, PipeParser parser, Initiator initiator, boolean newIds,
            PrintStream out, PrintStream err) throws HL7Exception {
        Message message;
        try {
            message = parser.parse(text);
        } catch (HL7Exception e) {
            err.println(file + ": not sent, HAPI cannot parse it: " + e.getMessage());
            return false;
        }
        Terser terser = new Terser(message);
        if (newIds) {
            terser.set("/MSH-10", UUID.randomUUID().toString().replace("-", "").substring(0, 20));
            terser.set("/MSH-7", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ")));
        }
        String label = file.getFileName() + " " + terser.get("/MSH-9-1") + "^" + terser.get("/MSH-9-2")
                + " control id " + terser.get("/MSH-10");
        try {
            Message ack = initiator.sendAndReceive(message);
            Terser answer = new Terser(ack);
            String code = answer.get("/MSA-1");
            out.println(label + " -> " + code + errors(ack));
            return "AA".equals(code) || "CA".equals(code);
        } catch (LLPException | IOException e) {
            err.println(label + " -> no acknowledgement: " + e.getMessage());
            return false;
        }
    }

    private static String errors(Message ack) throws HL7Exception {
        StringBuilder text = new StringBuilder();
        for (String name : ack.getNames()) {
            if (name.startsWith("ERR")) {
                for (var err : ack.getAll(name)) {
                    text.append("\n    ").append(PipeParser.encode((Segment) err, EncodingCharacters.getInstance(ack)));
                }
            }
        }
        return text.toString();
    }
}
