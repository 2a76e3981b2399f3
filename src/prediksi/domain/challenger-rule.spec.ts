import { judgeChallenger } from './challenger-rule';
import type { CvSummary } from './metrics';

const cv = (accuracy: number, recallRendah: number): CvSummary =>
  ({ accuracy, class_report: { Rendah: { precision: 0, recall: recallRendah, f1_score: 0, support: 10 } } }) as unknown as CvSummary;

describe('champion/challenger rule', () => {
  it('activates a challenger that is at most the allowed drop worse and finds as many Rendah students', () => {
    expect(judgeChallenger(cv(0.8, 0.7), cv(0.79, 0.7), 0.01)).toMatchObject({ activated: true, reasons: [], accuracy_drop: 0.01 });
    expect(judgeChallenger(cv(0.8, 0.7), cv(0.9, 0.75), 0.01).activated).toBe(true);
  });

  it('keeps it inactive, saying why, when accuracy drops more or Rendah recall is lower', () => {
    expect(judgeChallenger(cv(0.8, 0.7), cv(0.7899, 0.7), 0.01)).toMatchObject({
      activated: false,
      reasons: ['accuracy_drop_exceeds_max'],
    });
    expect(judgeChallenger(cv(0.8, 0.7), cv(0.85, 0.69), 0.01)).toMatchObject({ activated: false, reasons: ['rendah_recall_lower'] });
    expect(judgeChallenger(cv(0.8, 0.7), cv(0.5, 0.2), 0.01).reasons).toEqual(['accuracy_drop_exceeds_max', 'rendah_recall_lower']);
  });
});
