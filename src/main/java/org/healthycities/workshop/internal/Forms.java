package org.healthycities.workshop.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** What the secretariat's setup pages post; the messages live in i18n/workshop. */
final class Forms {

    private Forms() {
    }

    record WorkshopForm(
            @NotBlank(message = "{workshop.network.required}") String networkId,
            @NotBlank(message = "{workshop.title.required}") @Size(max = 200, message = "{field.size200}") String title,
            LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 200, message = "{field.size200}") String place) {

        static WorkshopForm empty(String networkId) {
            return new WorkshopForm(networkId, "", null, null, "");
        }
    }

    /** Corrections of a workshop: its network stays; the version it was read at guards against a lost update. */
    record WorkshopEditForm(
            @NotBlank(message = "{workshop.title.required}") @Size(max = 200, message = "{field.size200}") String title,
            LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 200, message = "{field.size200}") String place,
            Integer version) {

        static WorkshopEditForm of(Workshop w) {
            return new WorkshopEditForm(w.getTitle(), w.getStartsOn(), w.getEndsOn(), w.getPlace() == null ? "" : w.getPlace(),
                    w.getVersion());
        }
    }

    /** Corrections of a session: title, deadline (local time of the network) and groups, as when it was made. */
    record SessionEditForm(
            @NotBlank(message = "{workshop.session.title.required}") @Size(max = 200, message = "{field.size200}") String title,
            @NotNull(message = "{workshop.session.deadline.required}") LocalDateTime deadline,
            @NotBlank(message = "{workshop.session.groups.required}") String groups,
            Integer version,
            @Size(max = 200, message = "{field.size200}") String place) {
    }

    /** A session with its deadline (local time of the network) and its groups: a number, or names one a line. */
    record SessionForm(
            @NotBlank(message = "{workshop.session.title.required}") @Size(max = 200, message = "{field.size200}") String title,
            @NotNull(message = "{workshop.session.deadline.required}") LocalDateTime deadline,
            @NotBlank(message = "{workshop.session.groups.required}") String groups,
            @Size(max = 200, message = "{field.size200}") String place) {

        static SessionForm empty() {
            return new SessionForm("", null, "", "");
        }
    }

    record AssignmentForm(
            @NotBlank(message = "{workshop.assignment.title.required}") @Size(max = 300, message = "{workshop.size300}") String title,
            @Size(max = 5000, message = "{workshop.size5000}") String intro) {

        static AssignmentForm empty() {
            return new AssignmentForm("", "");
        }
    }

    record QuestionForm(
            @NotBlank(message = "{workshop.question.label.required}") @Size(max = 2000, message = "{workshop.size2000}") String label,
            @NotNull(message = "{workshop.question.kind.required}") Question.Kind kind,
            @Size(max = 2000, message = "{workshop.size2000}") String options,
            @Min(value = 0, message = "{workshop.question.scale.range}") @Max(value = 10, message = "{workshop.question.scale.range}") Integer scaleMin,
            @Min(value = 1, message = "{workshop.question.scale.range}") @Max(value = 10, message = "{workshop.question.scale.range}") Integer scaleMax) {

        static QuestionForm empty() {
            return new QuestionForm("", Question.Kind.LONG_TEXT, "", 1, 5);
        }
    }

    /** Corrections of a question; a field left out (after the session opened, only the wording is sent) stays. */
    record QuestionEditForm(
            @NotBlank(message = "{workshop.question.label.required}") @Size(max = 2000, message = "{workshop.size2000}") String label,
            Question.Kind kind,
            @Size(max = 2000, message = "{workshop.size2000}") String options,
            @Min(value = 0, message = "{workshop.question.scale.range}") @Max(value = 10, message = "{workshop.question.scale.range}") Integer scaleMin,
            @Min(value = 1, message = "{workshop.question.scale.range}") @Max(value = 10, message = "{workshop.question.scale.range}") Integer scaleMax) {

        static QuestionEditForm of(Question q) {
            return new QuestionEditForm(q.getLabel(), q.getKind(), q.getOptions() == null ? "" : q.getOptions(),
                    q.getScaleMin() == null ? 1 : q.getScaleMin(), q.getScaleMax() == null ? 5 : q.getScaleMax());
        }
    }

    record JoinForm(String code, Long groupId, Long memberId,
                    @Size(max = 200, message = "{field.size200}") String name,
                    @Size(max = 200, message = "{field.size200}")
                    @Email(message = "{field.email}") String email) {

        static JoinForm of(String code) {
            return new JoinForm(code, null, null, "", "");
        }
    }
}
