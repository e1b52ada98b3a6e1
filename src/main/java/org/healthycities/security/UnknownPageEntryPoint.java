package org.healthycities.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * An anonymous visitor at an address no page answers gets "page not found", as a signed-in person would, not
 * the login page (which would promise a page behind it). Known pages still lead to the login.
 */
class UnknownPageEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint login;
    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    UnknownPageEntryPoint(AuthenticationEntryPoint login, ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.login = login;
        this.mappings = mappings;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (known(request)) {
            login.commence(request, response, e);
        } else {
            // nothing to come back to after a login: forget the address the request cache just kept
            new CookieRequestCache().removeRequest(request, response);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean known(HttpServletRequest request) {
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            for (RequestMappingInfoHandlerMapping mapping : mappings.orderedStream().toList()) {
                try {
                    if (mapping.getHandler(request) != null) {
                        return true;
                    }
                } catch (HttpRequestMethodNotSupportedException wrongMethod) {
                    return true; // the address exists
                } catch (Exception other) {
                    return true; // when in doubt, the login page as before
                }
            }
            return false;
        } finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
