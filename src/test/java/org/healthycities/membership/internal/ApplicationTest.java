package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthycities.membership.internal.ApplicationStatus.ALREADY_MEMBER;
import static org.healthycities.membership.internal.ApplicationStatus.APPROVED;
import static org.healthycities.membership.internal.ApplicationStatus.DUPLICATE;
import static org.healthycities.membership.internal.ApplicationStatus.IN_REVIEW;
import static org.healthycities.membership.internal.ApplicationStatus.LAPSED;
import static org.healthycities.membership.internal.ApplicationStatus.REJECTED;
import static org.healthycities.membership.internal.ApplicationStatus.SUBMITTED;
import static org.healthycities.membership.internal.ApplicationStatus.WAITING_FOR_APPLICANT;
import static org.healthycities.membership.internal.ApplicationStatus.WITHDRAWN;
import static org.healthycities.membership.internal.ApplicationStatus.WITH_BOARD;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.healthycities.network.MemberKind;
import org.healthycities.forms.FormInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application guards its status: every move bpmn/membership-onboarding.bpmn makes works through the intent
 * methods, every other move is refused and changes nothing. Plain JUnit, no Spring and no clock: the moments are
 * fixed.
 */
class ApplicationTest {

    static final Instant APPLIED = Instant.parse("2031-05-12T08:00:00Z");
    static final Instant LATER = Instant.parse("2031-06-30T10:00:00Z");
    static final LocalDate BOARD_MEETING = LocalDate.of(2031, 6, 28);

    /** The moves of the diagram, written here on their own (not read from ApplicationStatus) so a change shows. */
    static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = new EnumMap<>(Map.of(
            SUBMITTED, EnumSet.of(IN_REVIEW, WAITING_FOR_APPLICANT, ALREADY_MEMBER, DUPLICATE, WITHDRAWN),
            IN_REVIEW, EnumSet.of(IN_REVIEW, WAITING_FOR_APPLICANT, WITH_BOARD, REJECTED, ALREADY_MEMBER, DUPLICATE,
                    WITHDRAWN),
            WAITING_FOR_APPLICANT, EnumSet.of(IN_REVIEW, WAITING_FOR_APPLICANT, LAPSED, ALREADY_MEMBER, DUPLICATE,
                    WITHDRAWN),
            WITH_BOARD, EnumSet.of(APPROVED, REJECTED, WITHDRAWN)));

    /** The intent method that moves an application to each status. */
    static final Map<ApplicationStatus, Consumer<Application>> INTENT = new EnumMap<>(Map.of(
            IN_REVIEW, Application::startReview,
            WAITING_FOR_APPLICANT, Application::askApplicant,
            WITH_BOARD, Application::sendToBoard,
            APPROVED, a -> a.approve(BOARD_MEETING, "Velkommen", LATER),
            REJECTED, a -> a.reject(LATER),
            LAPSED, a -> a.lapse(LATER),
            WITHDRAWN, a -> a.withdraw(LATER),
            ALREADY_MEMBER, a -> a.markAlreadyMember(LATER),
            DUPLICATE, a -> a.markDuplicate(LATER)));

    /** A new application, brought to {@code status} along a path of the diagram. */
    static Application in(ApplicationStatus status) {
        Application a = submitted();
        List<ApplicationStatus> path = switch (status) {
            case SUBMITTED -> List.of();
            case IN_REVIEW, ALREADY_MEMBER, DUPLICATE, WITHDRAWN -> List.of(status);
            case WAITING_FOR_APPLICANT -> List.of(IN_REVIEW, WAITING_FOR_APPLICANT);
            case LAPSED -> List.of(WAITING_FOR_APPLICANT, LAPSED);
            case WITH_BOARD -> List.of(IN_REVIEW, WITH_BOARD);
            case APPROVED -> List.of(IN_REVIEW, WITH_BOARD, APPROVED);
            case REJECTED -> List.of(IN_REVIEW, REJECTED);
        };
        path.forEach(step -> INTENT.get(step).accept(a));
        assertThat(a.getStatus()).isEqualTo(status);
        return a;
    }

    static Application submitted() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("municipalityCode", " 0185 ");
        form.put("municipalityName", " Tårnby Kommune ");
        form.put("population", "43000");
        form.put("adminContactName", "Aase Ansøger");
        form.put("adminContactEmail", "ansoeger@taarnby.example.org");
        form.put("adminContactPhone", "  ");
        form.put("coordinatorName", "Karin Koordinator");
        form.put("coordinatorEmail", "koordinator@taarnby.example.org");
        form.put("decisionDate", "2031-04-01");
        form.put("decisionBody", "Byrådet");
        form.put("accessionSignedByMayor", "true");
        form.put("mayorName", "Birte Ørsted");
        form.put("coordinatorJoinsAssembly", "true");
        form.put("motivation", "Lighed i sundhed");
        form.put("themeGroupIds", List.of("7"));
        return Application.fromAnswers("sund-by", ApplicationAnswers.of(FormInput.of(form)), Optional.empty(), false, Locale.forLanguageTag("da"),
                "Jeg giver samtykke", APPLIED, "key-1");
    }

    static Stream<Arguments> everyMove() {
        List<Arguments> moves = new ArrayList<>();
        for (ApplicationStatus from : ApplicationStatus.values()) {
            for (ApplicationStatus to : INTENT.keySet()) {
                moves.add(Arguments.of(from, to));
            }
        }
        return moves.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void everyMoveOfTheDiagramWorks_andEveryOtherIsRefused_changingNothing(ApplicationStatus from,
                                                                           ApplicationStatus to) {
        Application a = in(from);
        boolean allowed = ALLOWED.getOrDefault(from, Set.of()).contains(to);
        assertThat(from.canMoveTo(to)).as("canMoveTo").isEqualTo(allowed);
        if (allowed) {
            INTENT.get(to).accept(a);
            assertThat(a.getStatus()).isEqualTo(to);
        } else {
            Instant decidedBefore = a.getDecidedAt();
            assertThatThrownBy(() -> INTENT.get(to).accept(a)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name());
            assertThat(a.getStatus()).isEqualTo(from);
            assertThat(a.getDecidedAt()).isEqualTo(decidedBefore);
        }
    }

    @Test
    void aRejectedApplicationIsNeverApproved() {
        Application a = in(REJECTED);
        assertThatThrownBy(() -> a.approve(BOARD_MEETING, "alligevel", LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot move from REJECTED to APPROVED");
        assertThat(a.getStatus()).isEqualTo(REJECTED);
        assertThat(a.getBoardDecisionDate()).isNull();
    }

    @Test
    void anApprovedApplicationIsNeverRejected() {
        Application a = in(APPROVED);
        assertThatThrownBy(() -> a.reject(LATER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.boardRejected(BOARD_MEETING, "nej")).isInstanceOf(IllegalStateException.class);
        assertThat(a.getStatus()).isEqualTo(APPROVED);
        assertThat(a.getBoardNote()).isEqualTo("Velkommen");
    }

    @Test
    void aWithdrawnApplicationNeverGoesBackToReview() {
        Application a = in(WITHDRAWN);
        assertThatThrownBy(a::startReview).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(a::applicantAnswered).isInstanceOf(IllegalStateException.class);
        assertThat(a.getStatus()).isEqualTo(WITHDRAWN);
    }

    @Test
    void onlyTheBoardApproves_notTheReview() {
        Application a = in(IN_REVIEW);
        assertThatThrownBy(() -> a.approve(BOARD_MEETING, null, LATER)).isInstanceOf(IllegalStateException.class);
        a.sendToBoard();
        a.approve(BOARD_MEETING, "Velkommen", LATER);
        assertThat(a.getStatus()).isEqualTo(APPROVED);
        assertThat(a.getBoardDecisionDate()).isEqualTo(BOARD_MEETING);
        assertThat(a.getDecidedAt()).isEqualTo(LATER);
        assertThat(a.decided()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStatus.class, names = {"APPROVED", "REJECTED", "LAPSED", "WITHDRAWN",
            "ALREADY_MEMBER", "DUPLICATE"})
    void aDecidedApplicationMovesNoMore_andItsDocumentAndFeeStay(ApplicationStatus decided) {
        Application a = in(decided);
        assertThat(a.decided()).isTrue();
        assertThat(a.getDecidedAt()).isEqualTo(LATER);
        for (ApplicationStatus next : ApplicationStatus.values()) {
            assertThat(decided.canMoveTo(next)).as(decided + " -> " + next).isFalse();
        }
        assertThatThrownBy(() -> a.documentReceived(5L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.documentUnreadable("document.unreadable")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.feeByRule(BigDecimal.TEN, "DKK")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.attachProcess("p-2")).isInstanceOf(IllegalStateException.class);
        assertThat(a.getDecisionDocumentId()).isNull();
        assertThat(a.getFee()).isNull();
    }

    @Test
    void theApplicantAnswers_onlyWhenAsked() {
        Application a = in(IN_REVIEW);
        assertThatThrownBy(a::applicantAnswered).isInstanceOf(IllegalStateException.class);
        a.reviewed("Hvem deltager?", "Hvem er koordinator?");
        a.askApplicant();
        a.applicantAnswered();
        assertThat(a.getStatus()).isEqualTo(IN_REVIEW);
        assertThat(a.getQuestions()).isEqualTo("Hvem er koordinator?");
        a.reviewed("Fint", null); // approved by the review: the questions asked before stay
        assertThat(a.getQuestions()).isEqualTo("Hvem er koordinator?");
        assertThat(a.getReviewNote()).isEqualTo("Fint");
    }

    @Test
    void theSecretariatNotesItsReview_onlyWhileItReviews() {
        Application a = in(WITH_BOARD);
        assertThatThrownBy(() -> a.reviewed("for sent", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.codeChecked("for sent")).isInstanceOf(IllegalStateException.class);
        assertThat(a.getReviewNote()).isNull();
    }

    @Test
    void theBoardRejects_withItsReason_thenTheRejectionDecides() {
        Application a = in(WITH_BOARD);
        a.boardRejected(BOARD_MEETING, "Ikke nu");
        assertThat(a.getStatus()).isEqualTo(WITH_BOARD);
        a.reject(LATER);
        assertThat(a.getStatus()).isEqualTo(REJECTED);
        assertThat(a.getBoardNote()).isEqualTo("Ikke nu");
        Application reviewed = in(IN_REVIEW);
        assertThatThrownBy(() -> reviewed.boardRejected(BOARD_MEETING, "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMemberIsLinked_onlyToAnApprovedApplication_andOnce() {
        assertThatThrownBy(() -> in(WITH_BOARD).linkMember(9L)).isInstanceOf(IllegalStateException.class);
        Application a = in(APPROVED);
        a.linkMember(9L);
        a.linkMember(9L); // a step tried again
        assertThat(a.getMemberId()).isEqualTo(9L);
        assertThatThrownBy(() -> a.linkMember(10L)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFeeByRule_neverOverridesTheSecretariats() {
        Application a = in(IN_REVIEW);
        a.feeByRule(new BigDecimal("20000"), "DKK");
        assertThat(a.feeSetByHand(new BigDecimal("20000.00"), null, "sekretariat")).isFalse();
        assertThat(a.getFeeSetBy()).isNull();
        assertThat(a.feeSetByHand(new BigDecimal("15000.505"), null, "sekretariat")).isTrue();
        assertThat(a.getFee()).isEqualByComparingTo("15000.51");
        assertThat(a.getFeeCurrency()).isEqualTo("DKK");
        assertThat(a.getFeeSetBy()).isEqualTo("sekretariat");
        assertThatThrownBy(() -> a.feeByRule(new BigDecimal("20000"), "DKK")).isInstanceOf(IllegalStateException.class);
        assertThat(a.getFee()).isEqualByComparingTo("15000.51");
    }

    @Test
    void theDecisionDocument_readableReplacesTheProblem_aMissingOneKeepsTheReasonNotedBefore() {
        Application a = submitted();
        a.documentMissing();
        assertThat(a.getDocumentProblem()).isEqualTo("membership.document.missing");
        a.documentUnreadable("document.unreadable");
        a.documentMissing();
        assertThat(a.getDocumentProblem()).isEqualTo("document.unreadable");
        a.documentReceived(5L);
        assertThat(a.getDecisionDocumentId()).isEqualTo(5L);
        assertThat(a.getDocumentProblem()).isNull();
    }

    @Test
    void fromTheForm_trimmed_blanksAsNone_accessionOnlyWhereAsked_submitted() {
        Application a = submitted();
        assertThat(a.getStatus()).isEqualTo(SUBMITTED);
        assertThat(a.getNetworkId()).isEqualTo("sund-by");
        assertThat(a.getMunicipalityCode()).isEqualTo("0185");
        assertThat(a.getMunicipalityName()).isEqualTo("Tårnby Kommune");
        assertThat(a.getKind()).isEqualTo(MemberKind.MUNICIPALITY);
        assertThat(a.getAdminContactPhone()).isNull();
        assertThat(a.getMayorName()).isNull();
        assertThat(a.getAccessionSignedByMayor()).isNull();
        assertThat(a.getThemeGroupIds()).containsExactly(7L);
        assertThat(a.getConsentText()).isEqualTo("Jeg giver samtykke");
        assertThat(a.locale()).isEqualTo(Locale.forLanguageTag("da"));
        assertThat(a.decided()).isFalse();
        assertThatThrownBy(a::number).isInstanceOf(IllegalStateException.class); // not saved: no id yet
    }
}
