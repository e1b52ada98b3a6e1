/**
 * Membership: a municipality's application (forms/membership-application.form at /apply), its onboarding process
 * (bpmn/membership-onboarding.bpmn) through the secretariat's review and the board's decision to a member of the
 * network, the fee rules and the applicant's private link. It offers nothing to the other features: everything is
 * in {@code internal}; it meets them through their APIs (network's members, forms, documents, tasks, privacy,
 * notifications) and the engine through its one gateway, {@code MembershipGateway}.
 */
package org.healthycities.membership;
