package org.healthycities.network.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.healthycities.network.Network;

/** A network's secretariat contact as entered on the network's edit page. */
record SecretariatContact(
        @NotBlank(message = "{network.secretariatName.required}") @Size(max = 200, message = "{field.size200}") String secretariatName,
        @Email(message = "{field.email}") @Size(max = 200, message = "{field.size200}") String secretariatEmail,
        @Size(max = 40, message = "{field.phone}") String secretariatPhone,
        // an absolute http(s) address with a dotted host, so the link works when shown; empty is allowed
        @Pattern(regexp = "(https?://[^\\s/.]+(\\.[^\\s/.]+)+(/\\S*)?)?", message = "{network.website.format}")
        @Size(max = 300, message = "{network.website.size}") String website,
        // null when the form did not carry the box (an older page): the setting stays as it is
        Boolean accessionQuestions,
        // null when the form did not carry them (an older page): they stay as they are
        @Size(max = 40, message = "{network.timeZone.unknown}") String timeZone,
        @Size(max = 300, message = "{network.mailSender.format}") String mailSender,
        @Size(max = 4000, message = "{network.membershipTerms.size}") String membershipTerms) {

    SecretariatContact(String secretariatName, String secretariatEmail, String secretariatPhone, String website,
                       Boolean accessionQuestions) {
        this(secretariatName, secretariatEmail, secretariatPhone, website, accessionQuestions, null, null, null);
    }

    static SecretariatContact of(Network n) {
        return new SecretariatContact(n.getSecretariatName(), n.getSecretariatEmail(), n.getSecretariatPhone(),
                n.getWebsite(), n.isAccessionQuestions(), n.getTimeZone(), n.getMailSender(), n.getMembershipTerms());
    }
}
