package org.healthycities.staff.internal;

/** A new password, typed twice. */
public class PasswordForm {

    private String password = "";
    private String repeat = "";

    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password == null ? "" : password; }
    public String getRepeat() { return repeat; }
    public void setRepeat(String repeat) { this.repeat = repeat == null ? "" : repeat; }
}
