package org.liaisonhub.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** MLLP framing for the load driver and the floor server: a start byte, the message, end byte and CR. */
final class MllpFrames {

    private static final byte START = 0x0b;
    private static final byte END = 0x1c;
    private static final byte CR = 0x0d;

    private MllpFrames() {
    }

    static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 3];
        frame[0] = START;
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[frame.length - 2] = END;
        frame[frame.length - 1] = CR;
        return frame;
    }

    /** The next frame's content, or null when the peer closed the connection between frames. */
    static String read(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                return null;
            }
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(4096);
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new IOException("Connection closed inside a frame");
            }
            frame.write(b);
        }
        in.read();
        return frame.toString(StandardCharsets.UTF_8);
    }
}
