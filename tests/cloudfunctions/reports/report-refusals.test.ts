import { ERROR_CODES } from '@pingan/shared';
import { REPORT_REFUSALS } from '../../../cloudfunctions/src/reports/report-refusals';

describe('the lifecycle refusals', () => {
  it('give every REPORT code a Chinese sentence, never the code itself', () => {
    const codes = ERROR_CODES.filter((code) => code.startsWith('REPORT.'));
    expect(Object.keys(REPORT_REFUSALS).sort()).toEqual([...codes].sort());
    for (const [code, sentence] of Object.entries(REPORT_REFUSALS)) {
      expect(sentence).toMatch(/[\u4e00-\u9fff]/);
      expect(sentence).not.toContain(code);
    }
  });
});
