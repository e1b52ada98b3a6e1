/**
 * Staff accounts on top of Camunda's identity service: invitations and forgotten passwords by one-time mailed
 * links, roles and networks (groups and tenant memberships), secretariat leads who manage their own networks'
 * staff, deactivation that closes every way in and ends the sessions, the password rule; and the login throttle
 * (failed logins counted per user and per address in the database, locks that end by themselves, an unlock link
 * mailed to the owner). No other feature calls it (the throttle plugs into security's
 * {@link org.healthycities.security.LoginGuard}), so all of it is internal.
 */
package org.healthycities.staff;
