package org.healthycities.network;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.ZoneId;
import java.util.List;
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
    /** "Name <address>" the network's mails are sent from, or null for the configured sender. */
    private String mailSender;
    /** The network's own membership terms, one per line, or null for the standard terms. */
    private String membershipTerms;
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
    public String getTimeZone() { return timeZone; }
    public String getMailSender() { return mailSender; }
    public String getMembershipTerms() { return membershipTerms; }

    /** The network's own terms, one per line; empty when it uses the standard terms. */
    public List<String> getTermLines() {
        return membershipTerms == null ? List.of()
                : membershipTerms.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public void updateSettings(String timeZone, String mailSender, String membershipTerms) {
        this.timeZone = timeZone;
        this.mailSender = mailSender;
        this.membershipTerms = membershipTerms;
    }

    public void updateSecretariat(String secretariatName, String secretariatEmail, String secretariatPhone,
                                  String website, boolean accessionQuestions) {
        this.accessionQuestions = accessionQuestions;
        this.secretariatName = secretariatName;
        this.secretariatEmail = secretariatEmail;
        this.secretariatPhone = secretariatPhone;
        this.website = website;
    }
}
