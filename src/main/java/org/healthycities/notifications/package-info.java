/**
 * Mail for every feature: {@link org.healthycities.notifications.Mailer#send} writes a mail, rendered from the
 * calling feature's Thymeleaf template, to an outbox in the caller's transaction; a sender delivers it over
 * SMTP after commit, with retries. Without a mail server the outbox keeps the mails for the admin
 * ({@code /admin/outbox}). A feature whose mails the admin may reword offers them as
 * {@link org.healthycities.notifications.EditableMails} (named interface {@code editable-mails}). The outbox, its
 * sender and the admin's pages are internal.
 */
package org.healthycities.notifications;
