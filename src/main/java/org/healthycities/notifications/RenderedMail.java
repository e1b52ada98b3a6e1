package org.healthycities.notifications;

/** A mail as its recipient will see it: subject, HTML and the plain-text alternative. */
record RenderedMail(String subject, String html, String text) {
}
