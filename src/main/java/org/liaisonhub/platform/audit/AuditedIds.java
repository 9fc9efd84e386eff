package org.liaisonhub.platform.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Lets an endpoint name the records it returned (a page of a list), for the audit entry of the request. */
public final class AuditedIds {

    static final String ATTRIBUTE = AuditedIds.class.getName();

    private AuditedIds() {
    }

    public static void add(Collection<?> ids) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> recorded = (List<Object>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (recorded == null) {
            recorded = new ArrayList<>();
            request.setAttribute(ATTRIBUTE, recorded, RequestAttributes.SCOPE_REQUEST);
        }
        recorded.addAll(ids);
    }
}
