package org.healthycities.web;

import java.util.Map;
import org.healthycities.security.ErrorReason;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** The error page's model gains {@code reason} ({@link ErrorReason}), so it can say what helps. */
@Component
class ErrorReasonAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object reason = request.getAttribute(ErrorReason.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        attributes.put("reason", reason == null ? "" : reason);
        return attributes;
    }
}
