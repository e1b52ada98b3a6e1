package org.healthycities.forms;

/** One choice of a radio, select, checklist or taglist: the stored value and its Danish label. */
public record FormOption(String label, String value) {
}
