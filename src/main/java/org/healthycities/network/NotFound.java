package org.healthycities.network;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that is missing or belongs to a network the person may not see: both answer 404 alike, so a
 * guessed id tells nothing.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFound extends RuntimeException {

    NotFound() {
        super(null, null, false, false);
    }
}
