package org.healthycities.workshop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
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

    /** What became of one field's save. */
    sealed interface Outcome {
        /** Stored (or it was already stored with exactly this text); the phone goes on from this version. */
        record Saved(int version) implements Outcome { }

        /** Someone else in the group saved the field since the version the phone saw: nothing written. */
        record Conflict(String theirs, int theirVersion) implements Outcome { }
    }

    /** One group's sheet with its fields by question id. */
    record SheetView(Sheet sheet, Map<Long, Answer> answers) {
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

    SheetStore(SheetRepository sheets, AnswerRepository answers) {
        this.sheets = sheets;
        this.answers = answers;
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

    Outcome save(Long groupId, Long questionId, int seenVersion, String value, Long participantId, Instant now) {
        Sheet sheet = sheets.findByGroupId(groupId).orElseThrow();
        String text = value == null || value.isBlank() ? null : value.replace("\r\n", "\n");
        if (answers.save(sheet.getId(), questionId, seenVersion, text, now, participantId) == 1) {
            return new Outcome.Saved(seenVersion + 1);
        }
        Answer current = answers.findBySheetIdAndQuestionId(sheet.getId(), questionId).orElseThrow();
        if (Objects.equals(current.getValue(), text)) {
            return new Outcome.Saved(current.getVersion()); // a retry of a save that did arrive
        }
        return new Outcome.Conflict(current.getValue(), current.getVersion());
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
        return new SheetView(sheet, answers.findBySheetIdIn(List.of(sheet.getId())).stream()
                .collect(Collectors.toMap(Answer::getQuestionId, a -> a)));
    }

    /** Every group's sheet of a session, by group id. */
    @Transactional(readOnly = true)
    Map<Long, SheetView> sheets(Long sessionId) {
        List<Sheet> list = sheets.findBySessionId(sessionId);
        Map<Long, List<Answer>> bySheet = answers.findBySheetIdIn(list.stream().map(Sheet::getId).toList())
                .stream().collect(Collectors.groupingBy(Answer::getSheetId));
        Map<Long, SheetView> result = new HashMap<>();
        for (Sheet s : list) {
            result.put(s.getGroupId(), new SheetView(s, bySheet.getOrDefault(s.getId(), List.of()).stream()
                    .collect(Collectors.toMap(Answer::getQuestionId, a -> a))));
        }
        return result;
    }

    /** The text of a question on the first sheet that has one (for tests that know which group wrote). */
    @Transactional(readOnly = true)
    String valueOf(Long questionId) {
        return answers.findByQuestionId(questionId).stream().map(Answer::getValue)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** How many fields hold text, over all sheets of these sessions (for counts in tests and the live view). */
    @Transactional(readOnly = true)
    long answeredFields(Collection<Long> sessionIds) {
        return sessionIds.stream().flatMap(id -> sheets(id).values().stream())
                .mapToLong(v -> v.answers().values().stream().filter(Answer::isAnswered).count()).sum();
    }
}
