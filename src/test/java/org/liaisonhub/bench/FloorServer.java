package org.liaisonhub.bench;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The floor one feed can reach: plain blocking sockets, a thread per connection, HAPI's parse and
 * {@code generateACK} and nothing else (nothing stored, no server framework). What the hub spends beyond it is what
 * its promises cost. {@code java ... FloorServer <port>}; runs until killed.
 */
public final class FloorServer {

    private FloorServer() {
    }

    public static void main(String[] args) throws IOException {
        HapiContext context = new DefaultHapiContext();
        context.setValidationContext(new NoValidation());
        context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        Parser parser = context.getPipeParser();
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            System.out.println("Floor server listening on " + args[0]);
            while (true) {
                Socket connection = server.accept();
                connection.setTcpNoDelay(true);
                Thread thread = new Thread(() -> serve(connection, parser), "floor-connection");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void serve(Socket connection, Parser parser) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream()) {
            String message;
            while ((message = MllpFrames.read(in)) != null) {
                out.write(MllpFrames.frame(parser.encode(parser.parse(message).generateACK())));
                out.flush();
            }
        } catch (IOException | HL7Exception e) {
            System.err.println("Floor connection ended: " + e);
        }
    }
}
