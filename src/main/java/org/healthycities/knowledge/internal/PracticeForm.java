package org.healthycities.knowledge.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** A good practice as typed on the "add to the knowledge bank" page. */
class PracticeForm {

    @NotBlank(message = "{knowledge.form.title.required}")
    @Size(max = 300, message = "{knowledge.form.title.size}")
    private String title = "";
    @NotBlank(message = "{knowledge.form.text.required}")
    @Size(max = 10000, message = "{knowledge.form.text.size}")
    private String text = "";
    @Size(max = 500, message = "{knowledge.form.link.size}")
    @Pattern(regexp = "^$|^https?://\\S+$", message = "{knowledge.form.link.pattern}")
    private String link = "";
    @Size(max = 200, message = "{knowledge.form.contactName.size}")
    private String contactName = "";
    @Email(message = "{knowledge.form.contactEmail.pattern}")
    @Size(max = 200, message = "{knowledge.form.contactEmail.size}")
    private String contactEmail = "";
    @Min(value = 2000, message = "{knowledge.form.year.range}")
    @Max(value = 2100, message = "{knowledge.form.year.range}")
    private Integer year;
    /** The secretariat may name the member it is from; a member's contact adds for its own member. */
    private Long memberId;
    private boolean shared = true;
    private List<String> goals = new ArrayList<>();
    private List<String> sdgs = new ArrayList<>();
    private List<String> sixPs = new ArrayList<>();
    private List<String> themeGroups = new ArrayList<>();
    /** The file chosen with the form (read and checked by the documents feature before anything is stored). */
    private MultipartFile document;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title == null ? "" : title.strip(); }
    public String getText() { return text; }
    public void setText(String text) { this.text = text == null ? "" : text.strip(); }
    public String getLink() { return link; }
    public void setLink(String link) { this.link = link == null ? "" : link.strip(); }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName == null ? "" : contactName.strip(); }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail == null ? "" : contactEmail.strip(); }
    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public boolean isShared() { return shared; }
    public void setShared(boolean shared) { this.shared = shared; }
    public List<String> getGoals() { return goals; }
    public void setGoals(List<String> goals) { this.goals = goals == null ? new ArrayList<>() : goals; }
    public List<String> getSdgs() { return sdgs; }
    public void setSdgs(List<String> sdgs) { this.sdgs = sdgs == null ? new ArrayList<>() : sdgs; }
    public List<String> getSixPs() { return sixPs; }
    public void setSixPs(List<String> sixPs) { this.sixPs = sixPs == null ? new ArrayList<>() : sixPs; }
    public MultipartFile getDocument() { return document; }
    public void setDocument(MultipartFile document) { this.document = document; }
    public List<String> getThemeGroups() { return themeGroups; }
    public void setThemeGroups(List<String> themeGroups) { this.themeGroups = themeGroups == null ? new ArrayList<>() : themeGroups; }
}
