/**
 * Mail for every feature: {@link org.healthycities.notifications.Mailer#send} writes a mail, rendered from the
 * calling feature's Thymeleaf template, to an outbox in the caller's transaction; a sender delivers it over
 * SMTP after commit, with retries. Without a mail server the outbox keeps the mails for the admin
 * ({@code /admin/outbox}).
 */
package org.healthycities.notifications;
