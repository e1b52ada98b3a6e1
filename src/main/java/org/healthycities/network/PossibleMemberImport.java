package org.healthycities.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
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

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_LINES = 20_000;
    private static final Tika TIKA = new Tika();
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
        if (!isText(bytes)) {
            return new Report(0, 0, List.of(), "import.file.notText");
        }
        List<String> lines = decode(bytes).lines().toList();
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
            var existing = possibleMembers.findByNetworkIdAndCode(networkId, code);
            if (existing.isPresent()) {
                existing.get().update(name, kind, regionCode, population);
                updated++;
            } else {
                possibleMembers.save(new PossibleMember(networkId, code, name, kind, regionCode, population));
                created++;
            }
        }
        return new Report(created, updated, refusals, null);
    }

    /**
     * Whether the bytes are plain text, judged by their content and never by a file name: a spreadsheet,
     * zip or PDF renamed to .csv is refused, and so is anything with NUL bytes (binary, or UTF-16 that
     * would be read as garbage).
     */
    static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        String type = MediaType.parse(TIKA.detect(bytes)).getBaseType().toString();
        return type.equals("text/plain") || type.equals("text/csv");
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

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
        }
    }

    /** Imports the file shipped with the application if the network has no possible members yet. */
    @Transactional
    public void seedIfEmpty(String networkId, byte[] csv) throws IOException {
        if (possibleMembers.countByNetworkId(networkId) == 0) {
            importCsv(networkId, new ByteArrayInputStream(csv));
        }
    }
}
