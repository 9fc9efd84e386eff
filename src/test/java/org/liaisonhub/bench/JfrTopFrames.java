package org.liaisonhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Where the CPU went, from a JFR recording's execution samples: the hottest methods and libraries. */
final class JfrTopFrames {

    private static final List<String> LIBRARIES = List.of("org.postgresql", "ca.uhn.hl7v2", "ca.uhn.fhir",
            "org.hl7.fhir", "org.apache.activemq", "io.netty", "org.apache.camel", "org.springframework", "com.zaxxer",
            "com.fasterxml", "org.liaisonhub", "org.flywaydb", "org.apache.tomcat", "org.apache.coyote",
            "ch.qos.logback", "org.slf4j", "io.micrometer", "java.", "javax.", "jdk.", "sun.");

    private final Map<String, Integer> methods = new HashMap<>();
    private final Map<String, Integer> libraries = new HashMap<>();
    private int samples;

    static JfrTopFrames of(Path recording) {
        JfrTopFrames top = new JfrTopFrames();
        try {
            for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
                        && !event.getStackTrace().getFrames().isEmpty()) {
                    top.add(event.getStackTrace().getFrames());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return top;
    }

    private void add(List<RecordedFrame> frames) {
        samples++;
        RecordedFrame top = frames.get(0);
        methods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
        // the library is the first non-JDK frame: time in java.util called by the JDBC driver counts as the driver's
        String library = "other";
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String found = LIBRARIES.stream().filter(type::startsWith).findFirst().orElse("other");
            if (!found.equals("java.") && !found.equals("jdk.") && !found.equals("sun.") && !found.equals("javax.")) {
                library = found;
                break;
            }
        }
        libraries.merge(library, 1, Integer::sum);
    }

    int samples() {
        return samples;
    }

    Map<String, Integer> topMethods(int count) {
        return top(methods, count);
    }

    Map<String, Integer> topLibraries(int count) {
        return top(libraries, count);
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int count) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(count)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
