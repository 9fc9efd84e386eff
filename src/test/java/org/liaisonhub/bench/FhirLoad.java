package org.liaisonhub.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Creates FHIR Patients through /fhir (PUT, validated, kept and mapped like any other), closed loop. */
final class FhirLoad {

    private final HubUnderTest hub;
    private final String run;

    FhirLoad(HubUnderTest hub, String run) {
        this.hub = hub;
        this.run = run;
    }

    MllpLoad.Result run(int clients, double seconds) {
        Latencies latencies = new Latencies();
        AtomicLong sequence = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(MllpLoad.started(() -> {
                while (System.nanoTime() < deadline) {
                    long n = sequence.incrementAndGet();
                    String id = "bench-" + run.toLowerCase(Locale.ROOT) + "-" + n;
                    HttpRequest put = HttpRequest.newBuilder(hub.uri("/fhir/Patient/" + id))
                            .header("Authorization", "Bearer " + HubUnderTest.KEY)
                            .header("Content-Type", "application/fhir+json")
                            .PUT(HttpRequest.BodyPublishers.ofString(patient(id, n))).build();
                    long t0 = System.nanoTime();
                    String answer = hub.send(put);
                    latencies.add(System.nanoTime() - t0);
                    if (!answer.contains("\"resourceType\":\"Patient\"")) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(MllpLoad::join);
        return new MllpLoad.Result(latencies.count(), failed.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    private String patient(String id, long n) {
        return """
                {"resourceType": "Patient", "id": "%s",
                 "identifier": [{"system": "https://liaisonhub.org/fhir/NamingSystem/mrn", "value": "BF%s%09d"}],
                 "name": [{"use": "official", "family": "GARCIA", "given": ["MARIA", "LUISA"]}],
                 "telecom": [{"system": "phone", "value": "312-555-0101", "use": "home"}],
                 "gender": "female", "birthDate": "1958-02-14",
                 "address": [{"line": ["1200 N ELM ST"], "city": "CHICAGO", "state": "IL", "postalCode": "60610"}],
                 "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es",
                   "display": "Spanish"}], "text": "Spanish"}, "preferred": true}]}"""
                .formatted(id, run, n);
    }
}
