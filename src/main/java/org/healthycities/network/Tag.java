package org.healthycities.network;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.Locale;

/** A tag of a shared tag set: one of the UN's 17 SDGs or one of WHO's 6 Ps. */
@Entity
@IdClass(Tag.Key.class)
public class Tag {

    public static final String SDG = "SDG";
    public static final String SIX_P = "SIX_P";

    @Id
    private String tagSet;
    @Id
    private String code;
    private int position;
    private String nameDa;
    private String nameEn;
    private String nameSv;
    private String nameNb;

    protected Tag() {
    }

    public String getTagSet() { return tagSet; }
    public String getCode() { return code; }
    public int getPosition() { return position; }

    /** The name in the given language, falling back to Danish, never to a key. */
    public String name(Locale locale) {
        String name = switch (locale.getLanguage()) {
            case "en" -> nameEn;
            case "sv" -> nameSv;
            case "nb", "no", "nn" -> nameNb;
            default -> nameDa;
        };
        return name == null || name.isBlank() ? nameDa : name;
    }

    public record Key(String tagSet, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
