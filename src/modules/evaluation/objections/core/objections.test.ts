import { describe, expect, it } from 'vitest';
import { decisionReasonProblem, objectionReasonProblem } from './objections';

describe('objection rules', () => {
  it('an objection gives a reason of at least five characters', () => {
    expect(objectionReasonProblem('短')).toMatchObject({ field: 'reason', code: 'TOO_SHORT' });
    expect(objectionReasonProblem('税收数据有误')).toBeNull();
  });
  it('a decision gives a reason', () => {
    expect(decisionReasonProblem('')).toMatchObject({ field: 'reason', code: 'REQUIRED' });
    expect(decisionReasonProblem('核实无误')).toBeNull();
  });
});
