package org.liaisonhub.bench;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import java.io.IOException;
import java.util.Map;

/**
 * The floor HL7 over MLLP sets: HAPI's own MLLP server with an application that parses each message and answers
 * AA, nothing stored. {@code java ... HapiBaselineServer <port>}; runs until killed.
 */
public final class HapiBaselineServer {

    private HapiBaselineServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        HapiContext context = new DefaultHapiContext();
        context.setValidationContext(new NoValidation());
        // HAPI's default numbers ACKs through a file (id_file) in the working directory
        context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        HL7Service server = context.newServer(Integer.parseInt(args[0]), false);
        server.registerApplication("*", "*", new ReceivingApplication<>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) {
                try {
                    return message.generateACK();
                } catch (ca.uhn.hl7v2.HL7Exception | IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        server.startAndWait();
        System.out.println("HAPI baseline listening on " + args[0]);
        Thread.currentThread().join();
    }
}
