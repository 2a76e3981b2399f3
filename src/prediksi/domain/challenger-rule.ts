/**
 * The champion/challenger rule: a retrained model (challenger) replaces the active one (champion)
 * only when its cross-validated accuracy is not lower by more than the allowed drop AND it finds at
 * least as many at-risk students (recall of `Rendah` not lower). Both as stored (4 decimals).
 */
import { AT_RISK_CLASS } from './fairness';
import type { CvSummary } from './metrics';

export type ChallengerRejection = 'accuracy_drop_exceeds_max' | 'rendah_recall_lower';

export interface ChallengerVerdict {
  activated: boolean;
  reasons: ChallengerRejection[];
  champion_accuracy: number;
  challenger_accuracy: number;
  /** champion − challenger accuracy (positive = the challenger is worse). */
  accuracy_drop: number;
  max_accuracy_drop: number;
  champion_recall_rendah: number;
  challenger_recall_rendah: number;
}

export const recallOfAtRisk = (cv: CvSummary): number => cv.class_report[AT_RISK_CLASS]?.recall ?? 0;

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export function judgeChallenger(champion: CvSummary, challenger: CvSummary, maxAccuracyDrop: number): ChallengerVerdict {
  const drop = r4(champion.accuracy - challenger.accuracy);
  const championRecall = recallOfAtRisk(champion);
  const challengerRecall = recallOfAtRisk(challenger);
  const reasons: ChallengerRejection[] = [];
  if (drop > maxAccuracyDrop) reasons.push('accuracy_drop_exceeds_max');
  if (challengerRecall < championRecall) reasons.push('rendah_recall_lower');
  return {
    activated: reasons.length === 0,
    reasons,
    champion_accuracy: champion.accuracy,
    challenger_accuracy: challenger.accuracy,
    accuracy_drop: drop,
    max_accuracy_drop: maxAccuracyDrop,
    champion_recall_rendah: championRecall,
    challenger_recall_rendah: challengerRecall,
  };
}
