/** Vendors' status reports (a FHIR Task), signed with the vendor's callback secret, applied to the work item. */
package org.liaisonhub.dispatch.callback;
