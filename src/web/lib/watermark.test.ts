import { describe, expect, it } from 'vitest';
import { watermarkLines } from './watermark';

describe('watermarkLines', () => {
  it('names the viewer and the Beijing time to the minute', () => {
    expect(
      watermarkLines({ displayName: '张三', username: 'zhangsan' }, new Date('2026-12-02T07:04:59Z')),
    ).toEqual(['张三 (zhangsan)', '2026-12-02 15:04 北京时间']);
  });
});
