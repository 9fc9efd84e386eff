/**
 * The MLLP listener's transport, and nothing of HL7: TLS, the sender allow-list, MLLP framing (start block, end
 * block, size limit), the connection guard, the listener's errors and health. It hands each frame's bytes to the
 * route; {@code ingest.hl7} gives them meaning.
 */
package org.liaisonhub.ingest.mllp;
