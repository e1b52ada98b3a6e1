package org.healthycities.network;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.healthycities.network.internal.MemberRepository;
import org.healthycities.network.internal.PossibleMemberRepository;
import org.healthycities.network.internal.ThemeGroupRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Brings a network's existing members in from the spreadsheet its secretariat keeps. An upload is kept as it is
 * and only previewed: every line is shown as to be created, to be updated (with what changes), unchanged, or
 * refused (why). Nothing is written until the secretariat confirms, and then the previewed plan is written whole in
 * one transaction, or not at all if anything changed since the preview. Every line passes the same checks as a
 * member added by hand ({@link MemberService#check}). Importing the same file again changes nothing.
 */
@Service
public class MemberImport {

    /** An upload not confirmed within a week is deleted at the next upload. */
    private static final Duration KEEP = Duration.ofDays(7);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));
    /** Words that only say what kind of body a municipality is, left out when names are compared. */
    private static final Set<String> KIND_WORDS = Set.of("kommune", "kommun", "region", "regionen", "lan", "fylke",
            "fylkeskommune", "municipality", "stad");

    private final MemberService service;
    private final MemberRepository members;
    private final PossibleMemberRepository possibleMembers;
    private final ThemeGroupRepository themeGroups;
    private final MemberImportFileRepository files;
    private final NetworkClock time;
    private final MessageSource messages;

    MemberImport(MemberService service, MemberRepository members, PossibleMemberRepository possibleMembers,
                 ThemeGroupRepository themeGroups, MemberImportFileRepository files, NetworkClock time,
                 MessageSource messages) {
        this.service = service;
        this.members = members;
        this.possibleMembers = possibleMembers;
        this.themeGroups = themeGroups;
        this.files = files;
        this.time = time;
        this.messages = messages;
    }

    public enum Outcome { CREATE, UPDATE, UNCHANGED, REFUSED }

    /** One line of the file and what confirming would do with it. */
    public record Line(int number, Outcome outcome, String fileName, String code, String officialName,
                       List<MemberDetails.Change> changes, List<String> problems,
                       MemberDetails details, Long memberId, MemberKind kind) {
    }

    /** The whole preview; {@code fingerprint} says what would be written, so a confirmation writes exactly that. */
    public record Preview(Long importId, String networkId, String fileName, List<Line> lines,
                          List<String> unusedColumns, String fileError, String fingerprint) {
        public long count(Outcome outcome) {
            return lines.stream().filter(l -> l.outcome() == outcome).count();
        }

        public boolean failed() {
            return fileError != null;
        }

        public boolean writesSomething() {
            return count(Outcome.CREATE) + count(Outcome.UPDATE) > 0;
        }
    }

    /** What a confirmation did: written, or the preview again because something changed since (nothing written). */
    public record Result(boolean written, int created, int updated, Preview preview) {
    }

    /** Keeps the upload (nothing of the members is written) and returns its preview. */
    @Transactional
    public Preview upload(String networkId, String fileName, byte[] content, String by) {
        files.deleteUploadedBefore(time.now().minus(KEEP));
        String name = fileName == null || fileName.isBlank() ? "members" : fileName.strip();
        MemberImportFile file = files.save(new MemberImportFile(networkId, name.length() > 255
                ? name.substring(0, 255) : name, content, by, time.now()));
        Preview preview = preview(file);
        if (preview.failed()) {
            files.delete(file); // a file that cannot be read is not kept
        }
        return preview;
    }

    @Transactional(readOnly = true)
    public Optional<Preview> preview(Collection<String> networkScope, Long importId) {
        return file(networkScope, importId).map(this::preview);
    }

    /**
     * Writes the upload's plan if it is still the one previewed ({@code fingerprint}); all lines in one transaction,
     * refused and unchanged lines left out. A plan that changed (a member edited meanwhile) is written not at all.
     */
    @Transactional
    public Optional<Result> confirm(Collection<String> networkScope, Long importId, String fingerprint, String by) {
        Optional<MemberImportFile> found = file(networkScope, importId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MemberImportFile file = found.get();
        Preview preview = preview(file);
        if (file.committed() || preview.failed() || !preview.fingerprint().equals(fingerprint)) {
            return Optional.of(new Result(false, 0, 0, preview));
        }
        int created = 0;
        int updated = 0;
        for (Line line : preview.lines()) {
            if (line.outcome() == Outcome.CREATE) {
                service.create(file.getNetworkId(), line.details(), line.kind(), groups(file, line), by,
                        MemberChange.Source.IMPORT);
                created++;
            } else if (line.outcome() == Outcome.UPDATE) {
                Member member = members.findById(line.memberId()).orElseThrow();
                service.change(member, line.details(), line.kind(), groups(file, line), by, MemberChange.Source.IMPORT);
                updated++;
            }
        }
        file.committed(time.now());
        members.flush(); // a member edited since the preview fails here (its version), and nothing is written
        return Optional.of(new Result(true, created, updated, preview));
    }

    private Set<ThemeGroup> groups(MemberImportFile file, Line line) {
        return service.themeGroups(file.getNetworkId(), line.details().themeGroupIds());
    }

    private Optional<MemberImportFile> file(Collection<String> networkScope, Long importId) {
        return importId == null ? Optional.empty()
                : files.findById(importId).filter(f -> networkScope.contains(f.getNetworkId()));
    }

    Preview preview(MemberImportFile file) {
        Spreadsheet sheet;
        try {
            sheet = Spreadsheet.read(file.getContent());
        } catch (Spreadsheet.Refused refused) {
            return new Preview(file.getId(), file.getNetworkId(), file.getFileName(), List.of(), List.of(),
                    refused.messageKey, "");
        }
        Map<String, MemberColumn> labels = new HashMap<>();
        for (MemberColumn c : MemberColumn.values()) {
            inEveryLanguage("member." + c.property).forEach(label -> labels.putIfAbsent(label, c));
        }
        Map<MemberColumn, Integer> columns = new EnumMap<>(MemberColumn.class);
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < sheet.header().size(); i++) {
            String header = sheet.header().get(i);
            Optional<MemberColumn> column = MemberColumn.of(header)
                    .or(() -> Optional.ofNullable(labels.get(MemberColumn.key(header))));
            if (column.isPresent() && !columns.containsKey(column.get())) {
                columns.put(column.get(), i);
            } else if (!header.isBlank()) {
                unused.add(header);
            }
        }
        if (!columns.containsKey(MemberColumn.CODE) && !columns.containsKey(MemberColumn.NAME)) {
            return new Preview(file.getId(), file.getNetworkId(), file.getFileName(), List.of(), unused,
                    "import.members.header", "");
        }
        Municipalities known = new Municipalities(possibleMembers.findByNetworkId(file.getNetworkId()));
        Map<String, ThemeGroup> groupsByName = new HashMap<>();
        themeGroups.findByNetworkIdOrderByName(file.getNetworkId())
                .forEach(g -> groupsByName.put(g.getName().strip().toLowerCase(Locale.ROOT), g));
        Set<String> seen = new HashSet<>();
        // the network's members read once for the whole file, not once per line
        Map<String, Member> existingByCode = new HashMap<>();
        members.findByNetworkId(file.getNetworkId()).forEach(m -> existingByCode.put(m.getCode(), m));
        List<Line> lines = new ArrayList<>();
        for (Spreadsheet.Line row : sheet.lines()) {
            lines.add(line(file.getNetworkId(), row, columns, known, groupsByName, seen, existingByCode));
        }
        return new Preview(file.getId(), file.getNetworkId(), file.getFileName(), lines, unused, null,
                fingerprint(lines));
    }

    private Line line(String networkId, Spreadsheet.Line row, Map<MemberColumn, Integer> columns, Municipalities known,
                      Map<String, ThemeGroup> groupsByName, Set<String> seen, Map<String, Member> existingByCode) {
        Function<MemberColumn, String> cell = c -> columns.containsKey(c) ? row.cell(columns.get(c)) : "";
        String codeText = cell.apply(MemberColumn.CODE);
        String nameText = cell.apply(MemberColumn.NAME);
        List<String> problems = new ArrayList<>();
        PossibleMember municipality = null;
        PossibleMember byCode = codeText.isEmpty() ? null : known.byCode(codeText);
        PossibleMember byName = nameText.isEmpty() ? null : known.byName(nameText);
        if (!codeText.isEmpty() && byCode == null) {
            problems.add(say("import.members.code.unknown", codeText));
        } else if (byCode != null && byName != null && byCode != byName) {
            problems.add(say("import.members.code.otherName", codeText, byCode.getName(), nameText));
        } else if (byCode != null) {
            municipality = byCode;
        } else if (byName != null) {
            municipality = byName;
        } else if (nameText.isEmpty()) {
            problems.add(say("import.members.municipality.missing"));
        } else {
            List<PossibleMember> close = known.closeTo(nameText);
            problems.add(close.isEmpty() ? say("import.members.name.unknown", nameText)
                    : say("import.members.name.suggest", nameText,
                    close.stream().map(PossibleMember::getName).collect(Collectors.joining(", "))));
        }
        if (municipality != null && !seen.add(municipality.getCode())) {
            problems.add(say("import.members.duplicate", municipality.getName()));
        }
        Optional<Member> existing = municipality == null ? Optional.empty()
                : Optional.ofNullable(existingByCode.get(municipality.getCode()));
        MemberDetails base = existing.map(MemberDetails::of).orElse(null);
        Values v = new Values(base, cell);
        MemberStatus status = v.status(problems);
        LocalDate joinedOn = v.date(MemberColumn.JOINED, base == null ? null : base.joinedOn(), problems);
        Integer population = v.number(MemberColumn.POPULATION, base == null ? null : base.population(), problems);
        Set<Long> groups = v.themeGroups(groupsByName, problems);
        if (municipality == null || !problems.isEmpty()) {
            return refused(row, nameText, codeText, municipality, problems);
        }
        MemberDetails details = new MemberDetails(municipality.getCode(), municipality.getName(),
                status != null ? status : base != null ? base.status() : MemberStatus.ACTIVE, joinedOn, population,
                base == null ? null : base.yearlyFee(),
                v.text(MemberColumn.POLITICAL, base == null ? null : base.politicalContactName()),
                v.text(MemberColumn.POLITICAL_EMAIL, base == null ? null : base.politicalContactEmail()),
                v.text(MemberColumn.POLITICAL_PHONE, base == null ? null : base.politicalContactPhone()),
                v.text(MemberColumn.ADMIN, base == null ? null : base.adminContactName()),
                v.text(MemberColumn.ADMIN_EMAIL, base == null ? null : base.adminContactEmail()),
                v.text(MemberColumn.ADMIN_PHONE, base == null ? null : base.adminContactPhone()),
                v.text(MemberColumn.COORDINATOR, base == null ? null : base.coordinatorName()),
                v.text(MemberColumn.COORDINATOR_EMAIL, base == null ? null : base.coordinatorEmail()),
                v.text(MemberColumn.COORDINATOR_PHONE, base == null ? null : base.coordinatorPhone()),
                groups != null ? groups : base != null ? base.themeGroupIds() : new LinkedHashSet<>());
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(details, "details");
        MemberKind kind = service.check(networkId, details, existing.map(Member::getId).orElse(null), errors);
        for (ObjectError error : errors.getAllErrors()) {
            String message = messages.getMessage(error, locale());
            problems.add(error instanceof FieldError f
                    ? messages.getMessage("member." + f.getField(), null, f.getField(), locale()) + ": " + message
                    : message);
        }
        if (!problems.isEmpty()) {
            return refused(row, nameText, codeText, municipality, problems);
        }
        if (existing.isEmpty()) {
            return new Line(row.number(), Outcome.CREATE, nameText, municipality.getCode(), municipality.getName(),
                    List.of(), List.of(), details, null, kind);
        }
        List<MemberDetails.Change> changes = details.changesFrom(base, id -> service.themeGroupName(id));
        return new Line(row.number(), changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATE, nameText,
                municipality.getCode(), municipality.getName(), changes, List.of(), details, existing.get().getId(),
                kind);
    }

    private static Line refused(Spreadsheet.Line row, String nameText, String codeText, PossibleMember municipality,
                                List<String> problems) {
        return new Line(row.number(), Outcome.REFUSED, nameText.isEmpty() ? codeText : nameText,
                municipality == null ? codeText : municipality.getCode(),
                municipality == null ? null : municipality.getName(), List.of(), List.copyOf(problems), null, null, null);
    }

    /** The cells of one line read against the member as it is: an empty cell leaves the member's value. */
    private final class Values {
        private final MemberDetails base;
        private final Function<MemberColumn, String> cell;

        Values(MemberDetails base, Function<MemberColumn, String> cell) {
            this.base = base;
            this.cell = cell;
        }

        String text(MemberColumn column, String current) {
            String value = cell.apply(column);
            return value.isEmpty() ? current : value;
        }

        MemberStatus status(List<String> problems) {
            String value = MemberColumn.key(cell.apply(MemberColumn.STATUS));
            for (MemberStatus s : MemberStatus.values()) {
                if (inEveryLanguage("member.status." + s).contains(value)) {
                    return s; // as our own export writes it, in any of the four languages
                }
            }
            return switch (value) {
                case "" -> null;
                case "aktiv", "active", "medlem", "member" -> MemberStatus.ACTIVE;
                case "udmeldt", "udtradt", "resigned", "uttradd", "utmeldt", "utmeldet", "former" ->
                        MemberStatus.RESIGNED;
                case "ansoger", "applicant", "sokande", "soker" -> MemberStatus.APPLICANT;
                default -> {
                    problems.add(say("import.members.status", cell.apply(MemberColumn.STATUS)));
                    yield null;
                }
            };
        }

        LocalDate date(MemberColumn column, LocalDate current, List<String> problems) {
            String value = cell.apply(column);
            if (value.isEmpty()) {
                return current;
            }
            if (value.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(value), 1, 1); // only the year kept: its first day
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException next) {
                    // the next way of writing a date
                }
            }
            problems.add(say("import.members.date", label(column), value));
            return current;
        }

        Integer number(MemberColumn column, Integer current, List<String> problems) {
            String value = cell.apply(column).replaceAll("[\\s.,'\u00a0]", "");
            if (value.isEmpty()) {
                return current;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                problems.add(say("import.members.number", label(column), cell.apply(column)));
                return current;
            }
        }

        /** The named theme groups, or null when the cell is empty (the member's stay). */
        Set<Long> themeGroups(Map<String, ThemeGroup> byName, List<String> problems) {
            String value = cell.apply(MemberColumn.THEME_GROUPS);
            if (value.isEmpty()) {
                return null;
            }
            Set<Long> ids = new LinkedHashSet<>();
            for (String name : value.split("[,;|]")) {
                if (name.isBlank()) {
                    continue;
                }
                ThemeGroup group = byName.get(name.strip().toLowerCase(Locale.ROOT));
                if (group == null) {
                    problems.add(say("import.members.themeGroup", name.strip()));
                } else {
                    ids.add(group.getId());
                }
            }
            return ids;
        }
    }

    /** A message as {@link MemberColumn#key} compares it, in each of the four languages. */
    private Set<String> inEveryLanguage(String key) {
        Set<String> keys = new HashSet<>();
        for (String language : List.of("da", "en", "sv", "nb")) {
            String text = messages.getMessage(key, null, null, Locale.forLanguageTag(language));
            if (text != null) {
                keys.add(MemberColumn.key(text));
            }
        }
        return keys;
    }

    private String label(MemberColumn column) {
        return messages.getMessage("member." + column.property, null, column.property, locale());
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** What the plan writes, line by line, and nothing of how it is said (the language may differ at confirmation). */
    private static String fingerprint(List<Line> lines) {
        StringBuilder plan = new StringBuilder();
        for (Line line : lines) {
            if (line.outcome() == Outcome.CREATE || line.outcome() == Outcome.UPDATE) {
                // the changes hold the values before: a member edited since the preview changes the plan
                plan.append(line.outcome()).append('|').append(line.memberId()).append('|').append(line.details())
                        .append('|').append(line.changes()).append('\n');
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(plan.toString().getBytes(StandardCharsets.UTF_8));
            return String.format("%064x", new BigInteger(1, hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A network's possible members found by code (leading zeros optional, as a spreadsheet drops them) or name. */
    static final class Municipalities {
        private final Map<String, PossibleMember> byCode = new HashMap<>();
        private final Map<String, PossibleMember> byName = new HashMap<>();
        private final List<PossibleMember> all;

        Municipalities(List<PossibleMember> all) {
            this.all = all;
            Set<String> ambiguous = new HashSet<>();
            for (PossibleMember p : all) {
                byCode.put(p.getCode(), p);
                String bare = stripZeros(p.getCode());
                if (!bare.equals(p.getCode()) && byCode.putIfAbsent(bare, p) != null) {
                    ambiguous.add(bare);
                }
                byName.put(nameKey(p.getName()), p);
            }
            ambiguous.forEach(byCode::remove);
        }

        PossibleMember byCode(String code) {
            PossibleMember exact = byCode.get(code.strip());
            return exact != null ? exact : byCode.get(stripZeros(code.strip()));
        }

        PossibleMember byName(String name) {
            return byName.get(nameKey(name));
        }

        /** Names one or two letters away from the given one, closest first. */
        List<PossibleMember> closeTo(String name) {
            String key = nameKey(name);
            int limit = key.length() < 6 ? 1 : 2;
            return all.stream().filter(p -> distance(nameKey(p.getName()), key) <= limit)
                    .sorted(Comparator.comparingInt(p -> distance(nameKey(p.getName()), key)))
                    .limit(3).toList();
        }

        private static String stripZeros(String code) {
            return code.replaceFirst("^0+(?=.)", "");
        }

        /**
         * A name as compared: lower case, æ/ø/å spelled ae/oe/aa (so "Hoeje Taastrup" is Høje-Taastrup), other
         * accents dropped, "Kommune"/"kommun"/"Region"/"län" left out, no spaces or hyphens.
         */
        static String nameKey(String name) {
            String s = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
            s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            return Arrays.stream(s.split("[^a-z0-9]+")).filter(w -> !w.isEmpty() && !KIND_WORDS.contains(w))
                    .collect(Collectors.joining());
        }

        static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}
