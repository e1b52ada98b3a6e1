package org.healthycities.workshop.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.healthycities.forms.SaveResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the groups' answer sheets are kept: one sheet per group, one row per question, each row with its
 * own version. The only class that knows how sheets are stored, so moving them to the forms engine's
 * submissions is a change here alone.
 */
@Component
@Transactional
class SheetStore {

    /** One group's sheet with its fields by question id, and the fields' open conflicts by question id. */
    record SheetView(Sheet sheet, Map<Long, Answer> answers, Map<Long, List<FieldConflict>> conflicts) {

        /**
         * The sheet's status as people should read it: a sheet still open when the session has closed is a
         * draft (the process collects it as one a moment later).
         */
        public Sheet.Status shownStatus(boolean sessionOpen) {
            return !sessionOpen && sheet.getStatus() == Sheet.Status.OPEN ? Sheet.Status.DRAFT : sheet.getStatus();
        }

        public List<FieldConflict> conflicts(Long questionId) {
            return conflicts.getOrDefault(questionId, List.of());
        }

        public String value(Long questionId) {
            Answer a = answers.get(questionId);
            return a == null ? null : a.getValue();
        }

        public int version(Long questionId) {
            Answer a = answers.get(questionId);
            return a == null ? 0 : a.getVersion();
        }

        public boolean answered(Long questionId) {
            Answer a = answers.get(questionId);
            return a != null && a.isAnswered();
        }
    }

    private final SheetRepository sheets;
    private final AnswerRepository answers;
    private final FieldConflictRepository conflicts;
    private final FieldVersionRepository versions;

    SheetStore(SheetRepository sheets, AnswerRepository answers, FieldConflictRepository conflicts,
               FieldVersionRepository versions) {
        this.sheets = sheets;
        this.answers = answers;
        this.conflicts = conflicts;
        this.versions = versions;
    }

    /** Made when the session opens, so saving a field is always an update and two phones never race an insert. */
    void createSheets(SessionView view) {
        List<Answer> rows = new ArrayList<>();
        for (WorkshopGroup group : view.groups()) {
            Sheet sheet = sheets.save(new Sheet(view.session().getId(), group.getId()));
            view.questions().forEach(q -> rows.add(new Answer(sheet.getId(), q.getId())));
        }
        answers.saveAll(rows);
    }

    /**
     * Saves one field if nobody saved it since {@code seenVersion}. A text that cannot be saved is kept as an
     * open conflict; while a field has one, only a save that names it ({@code resolves}, after someone chose
     * between the versions) is written, and it closes them all. Every saved version is kept. A refused save is a
     * {@link SaveResult.Conflict}: someone else in the group saved the field since the version the phone saw, or the
     * field has a conflict nobody has chosen on yet; its {@link SheetField#refused()} holds the text. {@code fieldId}, the
     * field's row when the caller read it already, lets the common save write by key (null: found here).
     */
    SaveResult<SheetField> save(Long groupId, Long questionId, Long fieldId, int seenVersion, String value,
                                Long participantId, Instant now, Long resolves) {
        String text = value == null || value.isBlank() ? null : value.replace("\r\n", "\n");
        // the common case, as a workshop's phones save while typing: one update and one insert, both by key (an
        // INSERT ... SELECT would take the table's AUTO-INC lock for the statement and queue every phone behind it)
        if (resolves == null && fieldId != null
                && answers.saveUncontested(fieldId, seenVersion, text, now, participantId) == 1) {
            versions.save(new FieldVersion(fieldId, seenVersion + 1, text, participantId, now));
            return new SaveResult.Saved<>(new SheetField(seenVersion + 1, text, null));
        }
        Sheet sheet = sheets.findByGroupId(groupId).orElseThrow();
        Long answerId = answers.idOf(sheet.getId(), questionId).orElseThrow();
        List<FieldConflict> open = conflicts.findByAnswerIdAndResolvedAtIsNullOrderById(answerId);
        boolean resolving = resolves != null && open.stream().anyMatch(c -> c.getId().equals(resolves));
        if (open.isEmpty() || resolving) {
            if (answers.save(sheet.getId(), questionId, seenVersion, text, now, participantId) == 1) {
                versions.save(new FieldVersion(answerId, seenVersion + 1, text, participantId, now));
                if (resolving) {
                    conflicts.resolveAll(answerId, now, participantId);
                }
                return new SaveResult.Saved<>(new SheetField(seenVersion + 1, text, null));
            }
        }
        Answer current = answers.findById(answerId).orElseThrow();
        if (Objects.equals(current.getValue(), text)) {
            return new SaveResult.Saved<>(new SheetField(current.getVersion(), text, null)); // a retry that did arrive
        }
        // kept beside the saved text; the same text twice (a phone retrying) is kept once
        FieldConflict kept = open.stream().filter(c -> Objects.equals(c.getValue(), text)).findFirst()
                .orElseGet(() -> conflicts.save(new FieldConflict(answerId, text, seenVersion, participantId, now)));
        String key = SheetField.key(questionId);
        return new SaveResult.Conflict<>(new SheetField(current.getVersion(), current.getValue(), kept),
                current.getValue() == null ? Map.of() : Map.of(key, current.getValue()), List.of(key));
    }

    /** Every saved version of a field, oldest first. */
    @Transactional(readOnly = true)
    List<FieldVersion> history(Long groupId, Long questionId) {
        Sheet sheet = sheets.findByGroupId(groupId).orElseThrow();
        return answers.idOf(sheet.getId(), questionId).map(versions::findByAnswerIdOrderByVersion).orElse(List.of());
    }

    /** Hands the group's sheet in; true the first time only. */
    boolean submit(Long groupId, Instant now) {
        Sheet sheet = sheets.findByGroupId(groupId).orElseThrow();
        return sheets.submit(sheet.getId(), now, Sheet.Status.OPEN, Sheet.Status.SUBMITTED) == 1;
    }

    /** At the close: every sheet not handed in is taken as it stands and marked as a draft. */
    int collectDrafts(Long sessionId) {
        return sheets.collectDrafts(sessionId, Sheet.Status.OPEN, Sheet.Status.DRAFT);
    }

    @Transactional(readOnly = true)
    SheetView sheet(Long groupId) {
        Sheet sheet = sheets.findByGroupId(groupId).orElseThrow();
        List<Answer> rows = answers.findBySheetIdIn(List.of(sheet.getId()));
        return view(sheet, rows, openConflicts(rows));
    }

    /** The open conflicts of these fields, by answer id: one query for a whole session. */
    private Map<Long, List<FieldConflict>> openConflicts(List<Answer> rows) {
        return rows.isEmpty() ? Map.of()
                : conflicts.findByAnswerIdInAndResolvedAtIsNullOrderById(rows.stream().map(Answer::getId).toList())
                        .stream().collect(Collectors.groupingBy(FieldConflict::getAnswerId));
    }

    private static SheetView view(Sheet sheet, List<Answer> rows, Map<Long, List<FieldConflict>> openByAnswer) {
        Map<Long, Answer> byQuestion = new HashMap<>();
        Map<Long, List<FieldConflict>> open = new HashMap<>();
        for (Answer a : rows) {
            byQuestion.put(a.getQuestionId(), a);
            List<FieldConflict> list = openByAnswer.get(a.getId());
            if (list != null) {
                open.put(a.getQuestionId(), list);
            }
        }
        return new SheetView(sheet, byQuestion, open);
    }

    /** Every group's sheet of a session, by group id. */
    @Transactional(readOnly = true)
    Map<Long, SheetView> sheets(Long sessionId) {
        List<Sheet> list = sheets.findBySessionId(sessionId);
        List<Answer> rows = answers.findBySheetIdIn(list.stream().map(Sheet::getId).toList());
        Map<Long, List<Answer>> bySheet = rows.stream().collect(Collectors.groupingBy(Answer::getSheetId));
        Map<Long, List<FieldConflict>> open = openConflicts(rows);
        Map<Long, SheetView> result = new HashMap<>();
        for (Sheet s : list) {
            result.put(s.getGroupId(), view(s, bySheet.getOrDefault(s.getId(), List.of()), open));
        }
        return result;
    }

    /** How many groups wrote an answer to the question. */
    @Transactional(readOnly = true)
    long answersTo(Long questionId) {
        return answers.countAnswered(questionId);
    }

    /** The text of a question on the first sheet that has one (for tests that know which group wrote). */
    @Transactional(readOnly = true)
    String valueOf(Long questionId) {
        return answers.findByQuestionId(questionId).stream().map(Answer::getValue)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** How many fields hold text, over all sheets of these sessions (for counts in tests and the live view). */
    @Transactional(readOnly = true)
    long answeredFields(Collection<Long> sessionIds) {
        return sessionIds.stream().flatMap(id -> sheets(id).values().stream())
                .mapToLong(v -> v.answers().values().stream().filter(Answer::isAnswered).count()).sum();
    }
}
