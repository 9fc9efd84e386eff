/**
 * The access audit: who read or changed what, when and from where. Every feature records into it
 * ({@link org.liaisonhub.platform.audit.AuditTrail}, {@link org.liaisonhub.platform.audit.AuditedIds}).
 */
@NamedInterface("audit")
package org.liaisonhub.platform.audit;

import org.springframework.modulith.NamedInterface;
