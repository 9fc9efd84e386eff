/** Requests that could not be delivered: kept with every attempt's reason, listed, and replayed on request. */
package org.liaisonhub.dispatch.deadletter;
