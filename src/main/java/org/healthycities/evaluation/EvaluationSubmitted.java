package org.healthycities.evaluation;

import java.util.List;
import org.healthycities.network.StrategicGoal;

/**
 * A member handed in its evaluation (on time or late, again after a send-back): what it reported, with the round's
 * goals to name them, for whoever keeps the network's knowledge. Published inside the saving transaction.
 */
public record EvaluationSubmitted(String networkId, long evaluationId, long memberId, String memberName, int year,
                                  EvaluationAnswers answers, List<StrategicGoal> goals) {
}
