package org.healthycities.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.healthycities.security.ErrorReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a multipart request's parts before anything else does (the CSRF check would, deep in the security
 * chain): a request that breaks off halfway (a phone that lost its connection) gets our error page with 400 and
 * one line in the log, instead of two stack traces and the servlet container's bare page.
 */
class BrokenUploadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BrokenUploadFilter.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase().startsWith("multipart/form-data")
                || request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IOException | IllegalStateException | ServletException broken) {
            Throwable cause = broken;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (isTooLarge(broken)) {
                throw broken; // the size limits have their own answer (413)
            }
            log.warn("Upload to {} broke off: {}", request.getRequestURI(), cause.toString());
            if (response.isCommitted()) {
                return; // the connection itself is gone: nobody is left to read a page
            }
            ErrorReason.set(request, ErrorReason.BROKEN_UPLOAD);
            // marked as a failed multipart request, so the error page's dispatch does not read the parts again
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MultipartException("Upload broke off", cause));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")) {
                return true;
            }
        }
        return false;
    }
}
