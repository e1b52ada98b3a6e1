/** The application's clock: one {@link java.time.Clock} bean that every feature reads the time from. */
package org.healthycities.time;
