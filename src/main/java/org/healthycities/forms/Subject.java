package org.healthycities.forms;

/** What a submission is about, in the owning feature's terms: e.g. ("application", "42"), ("workshop_group", "7"). */
public record Subject(String type, String id) {
}
