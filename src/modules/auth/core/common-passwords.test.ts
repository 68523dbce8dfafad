import { describe, expect, it } from 'vitest';
import { commonPasswords, generateCommonPasswords, isCommonPassword } from './common-passwords';
import { checkPassword } from './password-policy';

const policy = { minLength: 8, minClasses: 3, maxAgeDays: 90 };

describe('common-password list', () => {
  it('holds well over 10,000 generated entries, built the same way every time', () => {
    expect(commonPasswords().size).toBeGreaterThan(10_000);
    expect(generateCommonPasswords().size).toBe(commonPasswords().size);
  });

  it.each([
    'Hangzhou@2025',
    'hangzhou2026',
    'Hz123456',
    'hz@2025',
    'Zhejiang#2024',
    'Xihu@1314',
    'Binjiang.2023',
    'Zhangwei1990',
    'Zhangwei@1990',
    'LiWei_88',
    'Wangfang@520',
    'Woaini@1314',
    '5201314Woaini',
    '1qaz@WSX',
    '!QAZ2wsx',
    '1qaz2wsx3edc',
    'Qwer1234',
    'qwer!@#$',
    'Asdf@1234',
    'P@ssw0rd!',
    'Pa$$w0rd',
    'Admin@2025',
    'Yiyuan@2025',
    'Huawei@123',
    'Zhengfu@2025',
    'Hangzhou#2025!',
    'Zhangwei_90',
    '1990.Liwei',
    'P@ssw0rd_2025',
  ])('refuses %s (it passes the composition rules but is on the list)', (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(checkPassword(password, 'someone', { ...policy, minClasses: 1 })).toContain('TOO_COMMON');
  });

  it.each(['Gx7#kq9!Lm', 'lower123UP', '长城-Great-Wall-2025', 'Tea&Dragonwell-Spring7', 'Hz!8472$qLm'])(
    'accepts %s',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});
