package org.liaisonhub.platform;

/**
 * Where a feature reports a caller that failed to prove who it is outside the security filter chains (a vendor
 * callback with a wrong signature), so that it counts towards the same per-address throttle and is audited as
 * every other failed authentication.
 */
public interface AuthenticationFailures {

    void failed(String address, String method, String path, String reason);
}
