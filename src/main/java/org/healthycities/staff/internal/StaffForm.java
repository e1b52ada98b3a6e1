package org.healthycities.staff.internal;

import java.util.ArrayList;
import java.util.List;

/** The invitation form, and the roles form (which has no name or address). What was typed comes back on an error. */
public class StaffForm {

    private String email = "";
    private String firstName = "";
    private String lastName = "";
    private StaffRole role = StaffRole.SECRETARIAT;
    private List<String> networks = new ArrayList<>();
    private boolean lead;
    private boolean admin;

    static StaffForm of(StaffMember m) {
        StaffForm form = new StaffForm();
        form.email = m.email() == null ? "" : m.email();
        form.firstName = m.firstName() == null ? "" : m.firstName();
        form.lastName = m.lastName() == null ? "" : m.lastName();
        form.role = m.role() == null ? StaffRole.SECRETARIAT : m.role();
        form.networks = new ArrayList<>(m.networks());
        form.lead = m.lead();
        form.admin = m.admin();
        return form;
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null ? "" : email.strip(); }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName == null ? "" : firstName.strip(); }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName == null ? "" : lastName.strip(); }
    public StaffRole getRole() { return role; }
    public void setRole(StaffRole role) { this.role = role; }
    public List<String> getNetworks() { return networks; }
    public void setNetworks(List<String> networks) { this.networks = networks == null ? new ArrayList<>() : networks; }
    public boolean isLead() { return lead; }
    public void setLead(boolean lead) { this.lead = lead; }
    public boolean isAdmin() { return admin; }
    public void setAdmin(boolean admin) { this.admin = admin; }
}
