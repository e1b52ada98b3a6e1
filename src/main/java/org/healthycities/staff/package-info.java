/**
 * Staff accounts on top of Camunda's identity service: for now the login throttle (failed logins counted per
 * user and per address in the database, locks that end by themselves, an unlock link mailed to the owner).
 */
package org.healthycities.staff;
