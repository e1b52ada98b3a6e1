package org.healthycities.network.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.healthycities.network.ThemeGroup;

/** A theme group as entered on its create or edit page. */
record ThemeGroupForm(
        @NotBlank(message = "{themeGroup.name.required}") @Size(max = 200, message = "{themeGroup.name.size}") String name,
        @Size(max = 4000, message = "{network.description.size}") String description,
        boolean active) {

    static ThemeGroupForm blank() {
        return new ThemeGroupForm("", "", true);
    }

    static ThemeGroupForm of(ThemeGroup g) {
        return new ThemeGroupForm(g.getName(), g.getDescription(), g.isActive());
    }
}
