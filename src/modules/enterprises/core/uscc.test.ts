import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckCharacter } from './uscc';

const vectors = JSON.parse(fs.readFileSync(new URL('./uscc-vectors.json', import.meta.url), 'utf8')) as {
  valid: string[];
  invalid: { code: string; why: string }[];
};

describe('USCC (GB 32100-2015)', () => {
  it.each(vectors.valid)('accepts %s', (code) => expect(checkUscc(code)).toBeNull());
  it.each(vectors.invalid.map((v) => [v.code, v.why]))('rejects %s (%s)', (code) =>
    expect(checkUscc(code)).not.toBeNull(),
  );
  it('computes the check character', () => {
    expect(usccCheckCharacter('91440300192203821')).toBe('6');
    expect(usccCheckCharacter('91330100799655058')).toBe('B');
    expect(usccCheckCharacter('9133010079965505O')).toBeNull();
  });
});
