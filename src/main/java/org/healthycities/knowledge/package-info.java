/**
 * The knowledge bank: items gathered from evaluations and workshops (it listens to their events) and added by
 * hand, searched with facets, shown on the public page and in an Atom feed, with sign-in links for members'
 * contacts. No other feature calls it, so all of it is internal.
 */
package org.healthycities.knowledge;
