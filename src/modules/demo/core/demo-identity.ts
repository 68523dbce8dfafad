/** Identities of the demo data. Pure. */
import { USCC_ALPHABET, usccCheckCharacter } from '../../enterprises/core/uscc';

/** A valid demo USCC in a Hangzhou district: 91 + region + MA + 7 characters + check character. */
export function demoUscc(region: string, serial: number): string {
  let n = serial;
  let org = '';
  for (let i = 0; i < 7; i++) {
    org = USCC_ALPHABET[n % 31]! + org;
    n = Math.floor(n / 31);
  }
  const first17 = `91${region}MA${org}`;
  return first17 + usccCheckCharacter(first17)!;
}

/** The one demo enterprise the seed creates (the demo `enterprise` user is scoped to it). */
export const SEEDED_DEMO_USCC = demoUscc('330108', 1);
export const SEEDED_DEMO_NAME = '杭州演示智联科技有限公司';
