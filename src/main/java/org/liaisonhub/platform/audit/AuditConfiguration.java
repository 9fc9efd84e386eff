package org.liaisonhub.platform.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the access audit on every API request and every console page and action. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration implements WebMvcConfigurer {

    private final AccessAuditInterceptor interceptor;

    public AuditConfiguration(AccessAuditInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**", "/console/**");
    }
}
