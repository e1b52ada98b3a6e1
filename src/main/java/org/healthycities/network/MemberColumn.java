package org.healthycities.network;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a member list as secretariats name them, in Danish, English, Swedish and Norwegian. A header is
 * compared without case, spaces, hyphens and accents, so "E-mail", "e-post" and "Email" are one column.
 * {@code property} is the member's field it fills (its label is {@code member.<property>}).
 */
enum MemberColumn {
    CODE("code", "kommunekode", "kode", "code", "municipalitycode", "kommunkod", "kod", "kommunenummer", "kommunenr",
            "regionskode", "lanskod"),
    NAME("name", "kommune", "kommun", "navn", "name", "municipality", "namn", "medlem", "member", "region"),
    STATUS("status", "status", "medlemsstatus"),
    JOINED("joinedOn", "indmeldt", "medlemsiden", "joined", "membersince", "joinedon", "medlemsedan", "intradde",
            "innmeldt", "medlemfra", "medlemsdato"),
    POPULATION("population", "indbyggertal", "indbyggere", "population", "invanare", "invanarantal", "folkmangd",
            "innbyggere", "innbyggertall", "folketall"),
    COORDINATOR("coordinatorName", "koordinator", "coordinator", "koordinatorensnavn", "coordinatorname",
            "samordnare", "kontaktperson"),
    COORDINATOR_EMAIL("coordinatorEmail", "email", "mail", "epost", "koordinatorensemail", "koordinatoremail",
            "coordinatoremail", "koordinatorensepost"),
    COORDINATOR_PHONE("coordinatorPhone", "telefon", "phone", "tlf", "telefonnummer", "mobil",
            "koordinatorenstelefon", "koordinatortelefon", "coordinatorphone"),
    POLITICAL("politicalContactName", "politiskkontakt", "politicalcontact", "politiskkontaktsnavn",
            "politiskkontaktperson"),
    POLITICAL_EMAIL("politicalContactEmail", "politiskkontaktemail", "politiskkontaktsemail", "politicalcontactemail",
            "politiskkontaktepost"),
    POLITICAL_PHONE("politicalContactPhone", "politiskkontakttelefon", "politiskkontaktstelefon",
            "politicalcontactphone"),
    ADMIN("adminContactName", "administrativkontakt", "administrativecontact", "administrativkontaktsnavn",
            "administrativkontaktperson", "tjenestepersonkontakt"),
    ADMIN_EMAIL("adminContactEmail", "administrativkontaktemail", "administrativkontaktsemail",
            "administrativecontactemail", "administrativkontaktepost"),
    ADMIN_PHONE("adminContactPhone", "administrativkontakttelefon", "administrativkontaktstelefon",
            "administrativecontactphone"),
    THEME_GROUPS("themeGroups", "temagrupper", "themegroups", "temagrupp", "temagruppe", "netvaerk", "natverk");

    final String property;
    private final List<String> names;

    MemberColumn(String property, String... names) {
        this.property = property;
        this.names = List.of(names);
    }

    static Optional<MemberColumn> of(String header) {
        String key = key(header);
        for (MemberColumn column : values()) {
            if (column.names.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Lower case, Danish/Norwegian letters spelled out, other accents dropped, only letters and digits left. */
    static String key(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replaceAll("[^a-z0-9]", "");
    }
}
