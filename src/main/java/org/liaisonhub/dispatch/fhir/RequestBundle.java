package org.liaisonhub.dispatch.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A message Bundle under construction. Each resource gets a {@code urn:uuid} full URL derived from the request's
 * idempotency key and the resource's role, so the same request always has the same ids.
 */
final class RequestBundle {

    private final Bundle bundle = new Bundle();
    private final Map<String, Reference> byRole = new HashMap<>();
    private final String key;

    RequestBundle(String idempotencyKey, Date timestamp) {
        this.key = idempotencyKey;
        bundle.setId(uuid("bundle").toString());
        bundle.setType(Bundle.BundleType.MESSAGE);
        bundle.setIdentifier(new Identifier().setSystem(FhirCodes.REQUEST_SYSTEM).setValue(idempotencyKey));
        bundle.setTimestamp(timestamp);
    }

    /** Adds a resource under its role and returns a reference to it. */
    Reference add(String role, Resource resource) {
        String fullUrl = "urn:uuid:" + uuid(role);
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        byRole.put(role, new Reference(fullUrl));
        return new Reference(fullUrl);
    }

    /** The resource already added under this role, if any. */
    Optional<Reference> reference(String role) {
        return Optional.ofNullable(byRole.get(role)).map(Reference::copy);
    }

    Bundle bundle() {
        return bundle;
    }

    private UUID uuid(String role) {
        return UUID.nameUUIDFromBytes((key + "#" + role).getBytes(StandardCharsets.UTF_8));
    }

    /** A Location named from point of care, room, bed and facility, added once per role. */
    Optional<Reference> location(String role, Details details, String prefix) {
        String pointOfCare = details.text(prefix + "pointOfCare");
        if (pointOfCare == null && !details.has(prefix + "room")) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder(pointOfCare == null ? "" : pointOfCare);
        if (details.has(prefix + "room")) {
            name.append(name.isEmpty() ? "" : " ").append(details.text(prefix + "room"));
        }
        if (details.has(prefix + "bed")) {
            name.append('-').append(details.text(prefix + "bed"));
        }
        Location location = new Location().setName(name.toString());
        location.setMode(Location.LocationMode.INSTANCE);
        if (details.has(prefix + "facility")) {
            location.setDescription(details.text(prefix + "facility"));
        }
        return reference(role).or(() -> Optional.of(add(role, location)));
    }
}
