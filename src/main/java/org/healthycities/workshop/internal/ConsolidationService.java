package org.healthycities.workshop.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.Strategy;
import org.healthycities.workshop.SessionConsolidated;
import org.healthycities.workshop.internal.SheetStore.SheetView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's consolidation: per question all groups' answers side by side, a synthesis per
 * question, tags of answers (strategic goals of the network's strategy and the SDGs). Also feeds the summary.
 */
@Service
@Transactional
public class ConsolidationService {

    static final String GOAL = "GOAL";
    static final String SDG = "SDG";

    /** A tag one may put on an answer: value "GOAL:12" or "SDG:SDG3". */
    record TagOption(String value, String label) { }

    /** Everything the consolidation page and the summary show. */
    record Board(SessionView view, Map<Long, SheetView> sheets, Map<Long, String> syntheses,
                 Map<Long, Set<String>> tags, List<TagOption> goals, List<TagOption> sdgs,
                 List<Participant> participants, Optional<String> task) {

        public SheetView sheet(Long groupId) {
            return sheets.get(groupId);
        }

        public String synthesis(Long questionId) {
            return syntheses.get(questionId);
        }

        public Set<String> tagsOf(Long answerId) {
            return answerId == null ? Set.of() : tags.getOrDefault(answerId, Set.of());
        }

        /** The labels of an answer's tags, in the order of the options. */
        public List<String> tagLabels(Long answerId) {
            Set<String> chosen = tagsOf(answerId);
            return Stream.concat(goals.stream(), sdgs.stream()).filter(t -> chosen.contains(t.value()))
                    .map(TagOption::label).toList();
        }
    }

    private final WorkshopService workshops;
    private final SheetStore sheets;
    private final SynthesisRepository syntheses;
    private final ParticipantRepository participants;
    private final SessionRepository sessions;
    private final WorkshopProcess process;
    private final NetworkDirectory directory;
    private final JdbcTemplate jdbc;
    private final NetworkClock time;

    private final ApplicationEventPublisher publisher;

    ConsolidationService(WorkshopService workshops, SheetStore sheets, SynthesisRepository syntheses,
                         ParticipantRepository participants, SessionRepository sessions, WorkshopProcess process,
                         NetworkDirectory directory, JdbcTemplate jdbc, NetworkClock time,
                         ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.time = time;
        this.workshops = workshops;
        this.sheets = sheets;
        this.syntheses = syntheses;
        this.participants = participants;
        this.sessions = sessions;
        this.process = process;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<Board> board(Collection<String> networks, Long sessionId, Locale locale) {
        return workshops.session(networks, sessionId).map(v -> board(v, locale));
    }

    @Transactional(readOnly = true)
    Board board(SessionView active, Locale locale) {
        Map<Long, SheetView> all = sheets.sheets(active.session().getId());
        // a question removed after the session opened stays here while a group answered it
        SessionView view = workshops.withAnsweredRemoved(active,
                questionId -> all.values().stream().anyMatch(s -> s.answered(questionId)));
        List<Long> questionIds = view.questions().stream().map(Question::getId).toList();
        Map<Long, String> texts = new HashMap<>();
        syntheses.findByQuestionIdIn(questionIds).forEach(s -> texts.put(s.getQuestionId(), s.getText()));
        List<Long> answerIds = all.values().stream().flatMap(s -> s.answers().values().stream())
                .map(Answer::getId).toList();
        return new Board(view, all, texts, tags(answerIds), goals(view.networkId()), sdgs(locale),
                participants.findBySessionIdOrderById(view.session().getId()),
                process.consolidationTask(view.session().getId()));
    }

    private List<TagOption> goals(String networkId) {
        Optional<Strategy> strategy = directory.currentStrategy(networkId)
                .or(() -> directory.strategies(networkId).stream().findFirst());
        return strategy.map(s -> s.getGoals().stream()
                .map(g -> new TagOption(GOAL + ":" + g.getId(), g.getTitle())).toList()).orElse(List.of());
    }

    private List<TagOption> sdgs(Locale locale) {
        return directory.sdgs().stream()
                .map(t -> new TagOption(SDG + ":" + t.getCode(), t.getPosition() + ". " + t.name(locale))).toList();
    }

    private Map<Long, Set<String>> tags(List<Long> answerIds) {
        Map<Long, Set<String>> result = new HashMap<>();
        if (answerIds.isEmpty()) {
            return result;
        }
        String in = answerIds.stream().map(id -> "?").collect(Collectors.joining(","));
        jdbc.query("SELECT answer_id, tag_set, code FROM workshop_answer_tag WHERE answer_id IN (" + in + ")",
                rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                            .add(rs.getString(2) + ":" + rs.getString(3));
                }, answerIds.toArray());
        return result;
    }

    /**
     * Saves the syntheses and tags as they stand. Tags must be among the offered options and answers must
     * belong to this session; anything else is ignored, as only a forged form could send it.
     */
    Optional<Board> save(Collection<String> networks, Long sessionId, Map<Long, String> texts,
                         Map<Long, Set<String>> answerTags, Locale locale) {
        Optional<Board> found = board(networks, sessionId, locale).filter(b -> !b.view().session().isDraft()
                && !b.view().session().isOpen());
        found.ifPresent(board -> {
            Set<Long> questionIds = board.view().questions().stream().map(Question::getId).collect(Collectors.toSet());
            Map<Long, Synthesis> existing = syntheses.findByQuestionIdIn(questionIds).stream()
                    .collect(Collectors.toMap(Synthesis::getQuestionId, s -> s));
            texts.forEach((questionId, text) -> {
                if (questionIds.contains(questionId)) {
                    Synthesis s = existing.computeIfAbsent(questionId, Synthesis::new);
                    s.write(text, time.now());
                    syntheses.save(s);
                }
            });
            Set<String> allowed = Stream.concat(board.goals().stream(), board.sdgs().stream())
                    .map(TagOption::value).collect(Collectors.toSet());
            Set<Long> answerIds = board.sheets().values().stream().flatMap(s -> s.answers().values().stream())
                    .map(Answer::getId).collect(Collectors.toSet());
            for (Long answerId : answerIds) {
                Set<String> wanted = new HashSet<>(answerTags.getOrDefault(answerId, Set.of()));
                wanted.retainAll(allowed);
                jdbc.update("DELETE FROM workshop_answer_tag WHERE answer_id = ?", answerId);
                for (String tag : wanted) {
                    String[] parts = tag.split(":", 2);
                    jdbc.update("INSERT INTO workshop_answer_tag (answer_id, tag_set, code) VALUES (?, ?, ?)",
                            answerId, parts[0], parts[1]);
                }
            }
        });
        return found;
    }

    /** Saves, completes the consolidation task and lets the process send the summary. */
    Optional<Boolean> complete(Collection<String> networks, Long sessionId, Map<Long, String> texts,
                               Map<Long, Set<String>> answerTags, String userId, Locale locale) {
        return save(networks, sessionId, texts, answerTags, locale).map(board -> {
            Optional<String> task = process.consolidationTask(sessionId);
            if (task.isEmpty()) {
                return false;
            }
            consolidated(board.view(), locale);
            process.completeConsolidation(task.get(), userId);
            return true;
        });
    }

    /** Marks the session consolidated and tells the network what came of it (the knowledge bank keeps it). */
    void consolidated(SessionView view, Locale locale) {
        WorkshopSession session = sessions.findById(view.session().getId()).orElseThrow();
        session.consolidated();
        sessions.save(session);
        announce(view, locale);
    }

    /** Tells the network what came of a consolidated session: its questions, syntheses and tags. */
    public void announce(SessionView view, Locale locale) {
        WorkshopSession session = view.session();
        Board board = board(view, locale);
        Set<String> tags = board.tags().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        publisher.publishEvent(new SessionConsolidated(view.networkId(), session.getId(), view.workshop().getTitle(),
                session.getTitle(), view.workshop().getStartsOn(),
                view.questions().stream().filter(q -> !q.isRemoved())
                        .map(q -> new SessionConsolidated.Result(q.getLabel(), board.synthesis(q.getId()))).toList(),
                tags.stream().filter(t -> t.startsWith(GOAL + ":")).map(t -> Long.valueOf(t.substring(GOAL.length() + 1)))
                        .collect(Collectors.toSet()),
                tags.stream().filter(t -> t.startsWith(SDG + ":")).map(t -> t.substring(SDG.length() + 1))
                        .collect(Collectors.toSet())));
    }
}
