package org.healthycities.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.healthycities.network.internal.NetworkRepository;
import org.healthycities.network.internal.PossibleMemberRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a network's list of possible members from CSV (code, name, kind, and optionally region_code and
 * population; comma or semicolon, UTF-8 or Excel's Windows-1252). A file that is empty, too large or not
 * text by its content is refused whole. Each line is saved whole or refused with its reason; the report
 * lists every refused line.
 */
@Service
public class PossibleMemberImport {

    public static final int MAX_BYTES = Spreadsheet.MAX_BYTES;
    public static final int MAX_LINES = Spreadsheet.MAX_LINES;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");

    private final PossibleMemberRepository possibleMembers;
    private final NetworkRepository networks;

    PossibleMemberImport(PossibleMemberRepository possibleMembers, NetworkRepository networks) {
        this.possibleMembers = possibleMembers;
        this.networks = networks;
    }

    /** A refused line: its number in the file and a message key with arguments. */
    public record Refusal(int line, String messageKey, List<Object> args) {
    }

    public record Report(int created, int updated, List<Refusal> refusals, String fileError) {
        public boolean failed() {
            return fileError != null;
        }
    }

    @Transactional
    public Report importCsv(String networkId, InputStream in) throws IOException {
        if (!networks.existsById(networkId)) {
            throw new IllegalArgumentException("Unknown network " + networkId);
        }
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length == 0) {
            return new Report(0, 0, List.of(), "import.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return new Report(0, 0, List.of(), "import.file.tooLarge");
        }
        String text = Spreadsheet.text(bytes); // null: not text by its content
        if (text == null) {
            return new Report(0, 0, List.of(), "import.file.notText");
        }
        List<String> lines = text.lines().toList();
        if (lines.size() > MAX_LINES + 1) {
            return new Report(0, 0, List.of(), "import.file.tooManyLines");
        }
        String header = lines.get(0);
        char delimiter = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = Csv.split(header, delimiter);
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.keySet().containsAll(List.of("code", "name", "kind"))) {
            return new Report(0, 0, List.of(), "import.file.header");
        }
        int created = 0;
        int updated = 0;
        // the network's list read once, not looked up line by line (a query each: 3 s of a first start's seeding);
        // by the code as the database compares it (its collation ignores case)
        Map<String, PossibleMember> known = new HashMap<>();
        for (PossibleMember p : possibleMembers.findByNetworkId(networkId)) {
            known.put(p.getCode().toLowerCase(Locale.ROOT), p);
        }
        List<Refusal> refusals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            int lineNo = n + 1;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells;
            try {
                cells = Csv.split(line, delimiter);
            } catch (IllegalArgumentException e) {
                refusals.add(new Refusal(lineNo, "import.line.quotes", List.of()));
                continue;
            }
            if (cells.size() != names.size()) {
                refusals.add(new Refusal(lineNo, "import.line.columns", List.of(names.size(), cells.size())));
                continue;
            }
            String code = cell(cells, columns, "code");
            String name = cell(cells, columns, "name");
            String kindText = cell(cells, columns, "kind");
            String region = cell(cells, columns, "region_code");
            String populationText = cell(cells, columns, "population");
            if (!CODE.matcher(code).matches()) {
                refusals.add(new Refusal(lineNo, "import.line.code", List.of(code)));
                continue;
            }
            if (!seen.add(code)) {
                refusals.add(new Refusal(lineNo, "import.line.duplicate", List.of(code)));
                continue;
            }
            if (name.isEmpty() || name.length() > 200) {
                refusals.add(new Refusal(lineNo, "import.line.name", List.of()));
                continue;
            }
            MemberKind kind = kind(kindText);
            if (kind == null) {
                refusals.add(new Refusal(lineNo, "import.line.kind", List.of(kindText)));
                continue;
            }
            Integer population = null;
            if (!populationText.isEmpty()) {
                try {
                    population = Integer.valueOf(populationText.replace(" ", "").replace(".", ""));
                } catch (NumberFormatException e) {
                    population = -1;
                }
                if (population < 0) {
                    refusals.add(new Refusal(lineNo, "import.line.population", List.of(populationText)));
                    continue;
                }
            }
            String regionCode = region.isEmpty() ? null : region;
            PossibleMember existing = known.get(code.toLowerCase(Locale.ROOT));
            if (existing != null) {
                existing.update(name, kind, regionCode, population);
                updated++;
            } else {
                known.put(code.toLowerCase(Locale.ROOT),
                        possibleMembers.save(new PossibleMember(networkId, code, name, kind, regionCode, population)));
                created++;
            }
        }
        return new Report(created, updated, refusals, null);
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null ? "" : cells.get(i).trim();
    }

    private static MemberKind kind(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "municipality", "kommune", "kommun" -> MemberKind.MUNICIPALITY;
            case "region", "fylke", "fylkeskommune" -> MemberKind.REGION;
            default -> null;
        };
    }

    /** Imports the file shipped with the application if the network has no possible members yet. */
    @Transactional
    public void seedIfEmpty(String networkId, byte[] csv) throws IOException {
        if (possibleMembers.countByNetworkId(networkId) == 0) {
            importCsv(networkId, new ByteArrayInputStream(csv));
        }
    }
}
