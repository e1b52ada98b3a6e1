package org.healthycities.network;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.ZoneId;
import java.util.Locale;

/** A national network of the WHO European Healthy Cities Network; its id is also its Camunda tenant id. */
@Entity
public class Network {

    @Id
    private String id;
    private String name;
    private String language;
    private String country;
    private String currency;
    private String secretariatName;
    private String secretariatEmail;
    private String secretariatPhone;
    private String website;
    /** The network's own zone: its days decide reminders, deadlines and the yearly round. */
    private String timeZone;
    /** The application asks for an accession document signed by the mayor and a seat in the general assembly. */
    private boolean accessionQuestions;
    @Version
    private int version;

    protected Network() {
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getLanguage() { return language; }
    public Locale getLocale() { return Locale.forLanguageTag(language); }
    public String getCountry() { return country; }
    public String getCurrency() { return currency; }
    public String getSecretariatName() { return secretariatName; }
    public String getSecretariatEmail() { return secretariatEmail; }
    public String getSecretariatPhone() { return secretariatPhone; }
    public String getWebsite() { return website; }
    public ZoneId getZone() { return ZoneId.of(timeZone); }
    public int getVersion() { return version; }
    public boolean isAccessionQuestions() { return accessionQuestions; }

    void updateSecretariat(String secretariatName, String secretariatEmail, String secretariatPhone, String website,
                           boolean accessionQuestions) {
        this.accessionQuestions = accessionQuestions;
        this.secretariatName = secretariatName;
        this.secretariatEmail = secretariatEmail;
        this.secretariatPhone = secretariatPhone;
        this.website = website;
    }
}
