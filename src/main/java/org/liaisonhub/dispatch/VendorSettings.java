package org.liaisonhub.dispatch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.liaisonhub.platform.Redacted;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The vendors ({@code hub.vendors.<name>.*}): which work-item type each takes, its queue, how to reach it and how
 * hard to try. A vendor without a {@code url} is not dispatched to: its work stays on the liaisons' list. Every
 * default is here, once: application.yml and a site's configuration name only what differs.
 */
@ConfigurationProperties("hub")
public record VendorSettings(Map<String, Vendor> vendors) {

    /** The vendor queues share this prefix, which the broker's redelivery settings for them address. */
    public static final String QUEUE_PREFIX = "liaison.vendor.";
    /** A callback secret shorter than this is guessable offline from one signed callback: the hub will not start. */
    public static final int SHORTEST_CALLBACK_SECRET = 32;

    public VendorSettings {
        Map<String, Vendor> named = new TreeMap<>();
        (vendors == null ? Map.<String, Vendor>of() : vendors).forEach((name, v) -> named.put(name, v.named(name)));
        named.forEach((name, vendor) -> {
            String secret = vendor.callbackSecret();
            if (secret != null && !secret.isEmpty()
                    && secret.getBytes(StandardCharsets.UTF_8).length < SHORTEST_CALLBACK_SECRET) {
                throw new IllegalArgumentException("hub.vendors." + name + ".callback-secret must be at least "
                        + SHORTEST_CALLBACK_SECRET + " bytes: it is all that proves a callback came from the vendor"
                        + " (make one with: openssl rand -hex 32)");
            }
        });
        vendors = named;
    }

    /**
     * @param workItemType   the work-item type this vendor handles, e.g. INTERPRETER
     * @param queue          its durable Artemis queue; {@code liaison.vendor.<name>} when not set
     * @param consumers      how many requests to it are delivered at once (each work item's in order); 2
     * @param url            where requests are POSTed; dispatch is off while empty
     * @param timeout        for one HTTP request (connect and response); 30 s
     * @param event          the MessageHeader event is {@code <event>-request} / {@code <event>-cancel}; the
     *                       vendor's name when not set
     * @param request        the FHIR resource the request focuses on
     * @param callbackSecret shared secret for the HMAC-SHA256 signature of the vendor's callbacks
     * @param serviceCode    for {@code request: service}, the ServiceRequest code and its display text
     * @param maxRequestsPerSecond how many requests this hub instance sends the vendor in a second at most; 0 (the
     *                       default) sets no limit
     */
    public record Vendor(String workItemType, String queue, int consumers, URI url, Duration timeout, String event,
            RequestKind request, Auth auth, Retry retry, Circuit circuit, double maxRequestsPerSecond,
            String callbackSecret, String serviceCode, String serviceDisplay) {

        public Vendor {
            consumers = consumers <= 0 ? 2 : consumers;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
            request = request == null ? RequestKind.SERVICE : request;
            auth = auth == null ? new Auth(null, null, null, null, null, null, null, null, null) : auth;
            retry = retry == null ? new Retry(0, null, 0, null, null) : retry;
            circuit = circuit == null ? new Circuit(0, null) : circuit;
            maxRequestsPerSecond = Math.max(0, maxRequestsPerSecond);
        }

        /** This vendor with the defaults that derive from its name filled in. */
        Vendor named(String name) {
            return new Vendor(workItemType, blank(queue) ? QUEUE_PREFIX + name : queue, consumers, url, timeout,
                    blank(event) ? name : event, request, auth, retry, circuit, maxRequestsPerSecond, callbackSecret,
                    serviceCode, serviceDisplay);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        public boolean enabled() {
            return url != null && !url.toString().isBlank();
        }

        @Override
        public String toString() {
            return Redacted.toString(this, "callbackSecret");
        }
    }

    /** What a vendor's request focuses on. */
    public enum RequestKind {
        /** CoverageEligibilityRequest (purpose validation) with the Coverage and payer. */
        INSURANCE_ELIGIBILITY,
        /** ServiceRequest for transport, with pickup and destination Locations and the requested time. */
        TRANSPORT,
        /** ServiceRequest for an interpreter, with the language as a BCP-47 code. */
        INTERPRETER,
        /** ServiceRequest with the configured service code; every detail becomes a Task input. */
        SERVICE
    }

    /**
     * How the hub authenticates to the vendor: {@code none}, {@code api-key} (header, default X-API-Key),
     * {@code basic}, or {@code oauth2} client credentials (token cached until shortly before it expires).
     */
    public record Auth(AuthType type, String header, String key, String username, String password, URI tokenUrl,
            String clientId, String clientSecret, String scope) {

        public Auth {
            type = type == null ? AuthType.NONE : type;
            header = header == null || header.isBlank() ? "X-API-Key" : header;
        }

        @Override
        public String toString() {
            return Redacted.toString(this, "key", "password", "clientSecret");
        }
    }

    public enum AuthType {
        NONE, API_KEY, BASIC, OAUTH2;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * When to stop calling a vendor that does not answer: after {@code failures} attempts in a row that got no
     * answer, a timeout, 408, 429 or a server error, the hub sends it nothing (its requests wait in the outbox) and
     * tries one request every {@code probeInterval} until one is answered.
     */
    public record Circuit(int failures, Duration probeInterval) {

        public Circuit {
            failures = failures <= 0 ? 5 : failures;
            probeInterval = probeInterval == null ? Duration.ofSeconds(30) : probeInterval;
        }
    }

    /**
     * Delivery attempts: network errors, timeouts, 408, 429 and 5xx are retried after {@code initialBackoff},
     * growing by {@code multiplier} up to {@code maxBackoff}; a Retry-After header is honoured up to
     * {@code maxRetryAfter}.
     */
    public record Retry(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
            Duration maxRetryAfter) {

        public Retry {
            maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
            multiplier = multiplier < 1 ? 2.0 : multiplier;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(60) : maxBackoff;
            maxRetryAfter = maxRetryAfter == null ? Duration.ofMinutes(2) : maxRetryAfter;
        }
    }
}
