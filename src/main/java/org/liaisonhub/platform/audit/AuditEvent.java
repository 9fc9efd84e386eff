package org.liaisonhub.platform.audit;

import java.time.Instant;

/**
 * One access to patient data, or one refused attempt. Ids only, never patient data: the path is the endpoint's
 * pattern (with ids), filters are named but their values are not kept.
 *
 * @param principal     the API key name or JWT subject; {@code anonymous} when none was proven
 * @param action        READ, CHANGE, REPROCESS, REPLAY, REDISPATCH, VENDOR_CALLBACK, AUTHENTICATION_FAILED,
 *                      ACCESS_DENIED, CONNECTION_REFUSED, and the console's SIGN_IN and SIGN_OUT
 * @param resourceIds   the ids read or changed (for a list, the ids on the page returned)
 * @param status        the HTTP status answered (0 for MLLP connections)
 */
public record AuditEvent(long id, Instant at, String principal, String action, String resourceType,
        String resourceIds, String method, String path, int status, String remoteAddress, String detail) {

    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String CONNECTION_REFUSED = "CONNECTION_REFUSED";
}
