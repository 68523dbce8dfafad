import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  headlineZh,
  maskedUrl,
  MAX_ATTEMPTS,
  retryDelayMs,
  robotMessage,
  robotSign,
  signedUrl,
  webhookUrlProblem,
} from './notifications';

describe('robot signature (DingTalk / 浙政钉 加签)', () => {
  // Hand-computed: printf '1700000000000\nthis is secret' | openssl dgst -sha256 -hmac 'this is secret' -binary | base64
  it('is base64 HMAC-SHA256 of "timestamp\\nsecret" keyed with the secret', () => {
    expect(robotSign(1700000000000, 'this is secret')).toBe('sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0=');
  });

  it('goes on the address as URL-encoded timestamp and sign, beside the access token', () => {
    const url = signedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
      'this is secret',
      1700000000000,
    );
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000' +
        '&sign=sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0%3D',
    );
    expect(new URL(url).searchParams.get('sign')).toBe('sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0=');
  });

  it('leaves the address as it is without a secret', () => {
    expect(signedUrl('https://example.org/hook?x=1', null, 1)).toBe('https://example.org/hook?x=1');
  });
});

describe('retry schedule', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [5, null],
    [6, null],
  ])('after %i failed attempts waits %s ms', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });

  it('gives up after five attempts', () => expect(MAX_ATTEMPTS).toBe(5));
});

describe('webhook addresses', () => {
  it.each([
    ['https://oapi.dingtalk.com/robot/send?access_token=x', null],
    ['http://10.0.0.5:8080/hook', null],
    ['ftp://example.org/hook', 'SCHEME'],
    ['file:///etc/passwd', 'SCHEME'],
    ['javascript:alert(1)', 'SCHEME'],
    ['gopher://example.org', 'SCHEME'],
    ['https://user:pw@example.org/hook', 'CREDENTIALS'],
    ['example.org/hook', 'FORMAT'],
    ['', 'FORMAT'],
    [`https://example.org/${'a'.repeat(600)}`, 'TOO_LONG'],
  ])('%s → %s', (url, problem) => expect(webhookUrlProblem(url)).toBe(problem));

  it('are shown without their query (the access token)', () => {
    expect(maskedUrl('https://oapi.dingtalk.com/robot/send?access_token=secret')).toBe(
      'https://oapi.dingtalk.com/robot/send?…',
    );
    expect(maskedUrl('https://example.org/hook')).toBe('https://example.org/hook');
  });
});

describe('robot messages', () => {
  it.each([
    ['assigned', {}, '【新交办】诉求 QS-2026-000001'],
    ['due_soon', {}, '【即将到期】诉求 QS-2026-000001'],
    ['overdue', {}, '【已逾期】诉求 QS-2026-000001'],
    ['escalated', { level: 1 }, '【平台督办】诉求 QS-2026-000001'],
    ['escalated', { level: 2 }, '【市级督办】诉求 QS-2026-000001'],
    ['rated', {}, '【已评价】诉求 QS-2026-000001'],
    ['answered', {}, '【已反馈】诉求 QS-2026-000001'],
    ['closed', {}, '【已办结】诉求 QS-2026-000001'],
    ['progress', {}, '【诉求进展】诉求 QS-2026-000001'],
  ] as const)('%s %o reads %s', (kind, extra, title) => {
    expect(headlineZh(kind, { code: 'QS-2026-000001', ...extra })).toBe(title);
  });

  it('is the markdown robot format with the facts and, given a public address, a link', () => {
    const m = robotMessage(
      'assigned',
      { code: 'QS-2026-000007', title: '融资对接', dueOn: '2026-12-08', assignee: '市经信局' },
      '/requests/7',
      'https://yiyuan.example.gov.cn/',
    );
    expect(m).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '【新交办】诉求 QS-2026-000007',
        text: [
          '#### 【新交办】诉求 QS\\-2026\\-000007',
          '- 标题：融资对接',
          '- 交办给：市经信局',
          '- 办理时限：2026-12-08',
          '',
          '[在一园中查看](https://yiyuan.example.gov.cn/requests/7)',
        ].join('\n'),
      },
    });
  });

  it('names a supervised task by its title', () => {
    const m = robotMessage('task_supervised', { title: '重点项目推进' }, null, null);
    expect(m.markdown.title).toBe('【任务督办】重点项目推进');
    expect(m.markdown.text).toContain('- 任务：重点项目推进');
  });

  it('escapes markdown in typed text so a title cannot add a link', () => {
    expect(escapeMarkdown('[点我](http://evil)')).toBe('\\[点我\\]\\(http://evil\\)');
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });
});
