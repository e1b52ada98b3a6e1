/**
 * The network and its members: networks, strategies and strategic goals, SDGs and WHO 6 Ps, possible members,
 * members and theme groups. Other features read them through {@link org.healthycities.network.NetworkDirectory},
 * {@link org.healthycities.network.MemberService} and {@link org.healthycities.network.NetworkClock}; the
 * network's pages, its editors, the repositories and the seeding are internal. The member import stays in this
 * package because it creates and changes members through the member service's own package-private methods.
 */
package org.healthycities.network;
