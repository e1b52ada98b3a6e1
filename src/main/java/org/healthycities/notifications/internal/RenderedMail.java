package org.healthycities.notifications.internal;

/**
 * A mail as its recipient will see it: subject, HTML, the plain-text alternative, and the sender (the network's
 * own "Name &lt;address&gt;", or null for the configured one).
 */
record RenderedMail(String subject, String html, String text, String sender) {

    RenderedMail withSender(String sender) {
        return new RenderedMail(subject, html, text, sender);
    }
}
