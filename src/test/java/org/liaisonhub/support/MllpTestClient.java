package org.liaisonhub.support;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.ParserConfiguration;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A sending system for tests. {@link #send} uses HAPI's own MLLP client (Connection/Initiator), as an EHR built on
 * HAPI would. {@link #openRaw} gives a plain socket framed with HAPI's MLLP reader and writer, for what a
 * well-behaved client cannot send: other segment separators, garbage, half-closed connections.
 */
public final class MllpTestClient implements AutoCloseable {

    private final String host;
    private final int port;
    /** Generic structures: the test reads any acknowledgement, also one in a version HAPI has no classes for. */
    private final HapiContext hapi = new DefaultHapiContext(new ParserConfiguration(),
            ValidationContextFactory.noValidation(), new GenericModelClassFactory());
    private Connection connection;

    private final boolean tls;
    private int timeoutSeconds = 30;

    public MllpTestClient(String host, int port) {
        this(host, port, null);
    }

    /**
     * A sender speaking MLLP over TLS with HAPI's own TLS client, through a HAPI socket factory built on the given
     * SSL context (its trust store and, if any, its client certificate); null for plain MLLP.
     */
    public MllpTestClient(String host, int port, SSLContext tlsContext) {
        this.host = host;
        this.port = port;
        this.tls = tlsContext != null;
        if (tlsContext != null) {
            hapi.setSocketFactory(new TlsSockets(tlsContext));
        }
        hapi.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        hapi.getParserConfiguration().setAllowUnknownVersions(true);
        // HAPI's default executor is shared by all contexts and shut down by the first one closed
        hapi.setExecutorService(Executors.newCachedThreadPool());
    }

    /** Sends one message over this client's connection (opened on first use) and waits for its ACK. */
    public Ack send(String er7) {
        try {
            if (connection == null) {
                connection = hapi.newClient(host, port, tls);
                connection.getInitiator().setTimeout(timeoutSeconds, TimeUnit.SECONDS);
            }
            return new Ack(connection.getInitiator().sendAndReceive(hapi.getPipeParser().parse(er7)));
        } catch (HL7Exception | LLPException | IOException e) {
            throw new IllegalStateException("No acknowledgement: " + e.getMessage(), e);
        }
    }

    /** How long {@link #send} waits for an acknowledgement (30 s unless said otherwise). */
    public MllpTestClient timeout(int seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public Raw openRaw() {
        return new Raw(null, host, port, hapi.getPipeParser());
    }

    /** A plain connection from another local address (any of 127.0.0.0/8 is this machine on Linux). */
    public Raw openRawFrom(String localAddress) {
        return new Raw(localAddress, host, port, hapi.getPipeParser());
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
            hapi.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HAPI's socket factory with the test's TLS context. */
    private static final class TlsSockets extends StandardSocketFactory {

        private final SSLContext context;

        TlsSockets(SSLContext context) {
            this.context = context;
        }

        @Override
        public Socket createTlsSocket() throws IOException {
            return context.getSocketFactory().createSocket();
        }
    }

    /** A plain MLLP connection. */
    public static final class Raw implements AutoCloseable {

        private final Socket socket;
        private final PipeParser parser;
        private final MinLLPWriter writer;
        private final MinLLPReader reader;

        Raw(String localAddress, String host, int port, PipeParser parser) {
            this.parser = parser;
            try {
                socket = new Socket();
                if (localAddress != null) {
                    socket.bind(new InetSocketAddress(localAddress, 0));
                }
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(30_000);
                writer = new MinLLPWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                reader = new MinLLPReader(socket.getInputStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Frames the text as one MLLP message and sends it as is (separators untouched). */
        public Raw write(String text) {
            try {
                writer.writeMessage(text);
                return this;
            } catch (IOException | LLPException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sends bytes with no MLLP framing at all. */
        public Raw writeBytes(byte[] bytes) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads the next framed message (an ACK) and parses it; fails if the connection closes first. */
        public Ack read() {
            try {
                String text = reader.getMessage();
                if (text == null) {
                    throw new IllegalStateException("The connection closed before an acknowledgement arrived");
                }
                return new Ack(parser.parse(text));
            } catch (IOException | LLPException | HL7Exception e) {
                throw new IllegalStateException("No acknowledgement: " + e.getMessage(), e);
            }
        }

        public Ack send(String text) {
            return write(text).read();
        }

        /** Half-closes the connection: the hub sees end of input but can still write. */
        public Raw shutdownOutput() {
            try {
                socket.shutdownOutput();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
