package org.healthycities.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one answer for a record a person may not see or that does not exist: 404 either way, so a page never tells
 * a stranger that another network's record exists.
 */
public final class NotFound {

    private NotFound() {
    }

    public static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
