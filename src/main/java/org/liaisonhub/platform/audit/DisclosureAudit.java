package org.liaisonhub.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records an API read of patient data when its answer is ready and before a byte of it is written: if the audit
 * trail cannot take the event, the answer is a 503 instead, without the data ({@link AuditUnavailableException}).
 * Pages of the console are recorded the same way before they are rendered ({@link AccessAuditInterceptor}).
 */
@ControllerAdvice
class DisclosureAudit implements ResponseBodyAdvice<Object> {

    private final AccessAuditInterceptor audit;

    DisclosureAudit(AccessAuditInterceptor audit) {
        this.audit = audit;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail || !(request instanceof ServletServerHttpRequest servletRequest)
                || !(response instanceof ServletServerHttpResponse servletResponse)) {
            return body;
        }
        HttpServletRequest call = servletRequest.getServletRequest();
        audit.recordDisclosure(call, servletResponse.getServletResponse().getStatus());
        return body;
    }
}
