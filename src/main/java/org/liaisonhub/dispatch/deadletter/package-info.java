/**
 * Requests that could not be delivered: kept with the reason, listed, and replayed on request. Offered to the
 * console, which lists and replays them for people.
 */
@NamedInterface("deadletter")
package org.liaisonhub.dispatch.deadletter;

import org.springframework.modulith.NamedInterface;
