package org.healthycities.network;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

/**
 * The three people to reach about a municipality, kept alike by a member and by an application to join: its
 * political contact, its administrative contact and its coordinator, each a {@link Contact} in three columns of
 * the entity's own table (political_contact_name, admin_contact_email, coordinator_phone, ...).
 */
@MappedSuperclass
public abstract class MunicipalityContacts {

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "political_contact_name"))
    @AttributeOverride(name = "email", column = @Column(name = "political_contact_email"))
    @AttributeOverride(name = "phone", column = @Column(name = "political_contact_phone"))
    private Contact politicalContact;
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "admin_contact_name"))
    @AttributeOverride(name = "email", column = @Column(name = "admin_contact_email"))
    @AttributeOverride(name = "phone", column = @Column(name = "admin_contact_phone"))
    private Contact adminContact;
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "coordinator_name"))
    @AttributeOverride(name = "email", column = @Column(name = "coordinator_email"))
    @AttributeOverride(name = "phone", column = @Column(name = "coordinator_phone"))
    private Contact coordinator;

    /** The three contacts, as a form or an import gives them. */
    protected void contacts(Contact political, Contact admin, Contact coordinator) {
        this.politicalContact = political;
        this.adminContact = admin;
        this.coordinator = coordinator;
    }

    public String getPoliticalContactName() { return Contact.orNone(politicalContact).name(); }
    public String getPoliticalContactEmail() { return Contact.orNone(politicalContact).email(); }
    public String getPoliticalContactPhone() { return Contact.orNone(politicalContact).phone(); }
    public String getAdminContactName() { return Contact.orNone(adminContact).name(); }
    public String getAdminContactEmail() { return Contact.orNone(adminContact).email(); }
    public String getAdminContactPhone() { return Contact.orNone(adminContact).phone(); }
    public String getCoordinatorName() { return Contact.orNone(coordinator).name(); }
    public String getCoordinatorEmail() { return Contact.orNone(coordinator).email(); }
    public String getCoordinatorPhone() { return Contact.orNone(coordinator).phone(); }
}
