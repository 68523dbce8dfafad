/**
 * Notifications' vocabulary and rules (pure): the kinds, the DingTalk / 浙政钉 robot message a
 * webhook receives, its signature, the retry schedule and which webhook addresses are accepted.
 */
import { createHmac } from 'node:crypto';
import type { NotificationKind } from './kinds';

/** What a kind's text is filled with (all optional; a kind uses the ones it names). */
export interface NotificationParams {
  code?: string;
  title?: string;
  /** 督办 level: 1 platform, 2 city. */
  level?: number;
  dueOn?: string;
  /** A request step (`accept`, `assign` …) for `progress`. */
  step?: string;
  rating?: string;
  /** Who or what it was handed to, for `assigned`. */
  assignee?: string;
}

const STEP_ZH: Record<string, string> = {
  create: '提出',
  accept: '受理',
  assign: '交办',
  transfer: '转办',
  start: '开始处置',
  answer: '反馈',
  close: '办结',
  rate: '评价',
  suspend: '挂起',
  resume: '恢复',
  escalate: '督办',
};
const STAGE_ZH: Record<string, string> = {
  lead: '线索',
  negotiating: '洽谈',
  signed: '签约',
  land_supplied: '供地',
  construction: '开工',
  completed: '竣工',
  production: '投产',
  full_production: '达产',
};
const RATING_ZH: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** The Chinese headline of a notification (webhook messages are read in Chinese). */
export function headlineZh(kind: NotificationKind, p: NotificationParams): string {
  const subject = p.code ? `诉求 ${p.code}` : '任务';
  switch (kind) {
    case 'assigned':
      return `【新交办】${subject}`;
    case 'due_soon':
      return `【即将到期】${subject}`;
    case 'overdue':
      return `【已逾期】${subject}`;
    case 'escalated':
      return `【${p.level === 2 ? '市级督办' : '平台督办'}】${subject}`;
    case 'rated':
      return `【已评价】${subject}`;
    case 'answered':
      return `【已反馈】${subject}`;
    case 'closed':
      return `【已办结】${subject}`;
    case 'progress':
      return `【诉求进展】${subject}`;
    case 'task_supervised':
      return `【任务督办】${p.title ?? ''}`.trim();
    case 'project_stalled':
      return `【${p.level === 2 ? '项目停滞·市级督办' : '项目停滞预警'}】${p.code ?? ''} ${p.title ?? ''}`.trim();
  }
}

/** Markdown special characters in text people typed are escaped so a title cannot add links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|>~<])/g, '\\$1').replace(/\s+/g, ' ');
}

export interface RobotMessage {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
}

/**
 * The custom robot message (DingTalk and 浙政钉 share the format): markdown with the headline, the
 * request's title, the facts the kind carries and a link to the object.
 */
export function robotMessage(
  kind: NotificationKind,
  p: NotificationParams,
  link: string | null,
  baseUrl: string | null,
): RobotMessage {
  const title = headlineZh(kind, p);
  const lines = [`#### ${escapeMarkdown(title)}`];
  if (p.title && kind !== 'task_supervised' && kind !== 'project_stalled')
    lines.push(`- 标题：${escapeMarkdown(p.title)}`);
  if (kind === 'task_supervised' && p.title) lines.push(`- 任务：${escapeMarkdown(p.title)}`);
  if (p.assignee) lines.push(`- 交办给：${escapeMarkdown(p.assignee)}`);
  if (p.dueOn && kind === 'project_stalled') lines.push(`- 阶段日期：${p.dueOn}`);
  else if (p.dueOn) lines.push(`- 办理时限：${p.dueOn}`);
  if (p.level) lines.push(`- 督办级别：${p.level === 2 ? '市级督办' : '平台督办'}`);
  if (p.step && kind === 'project_stalled') lines.push(`- 所处阶段：${STAGE_ZH[p.step] ?? p.step}`);
  else if (p.step) lines.push(`- 环节：${STEP_ZH[p.step] ?? p.step}`);
  if (p.rating) lines.push(`- 评价：${RATING_ZH[p.rating] ?? p.rating}`);
  if (link && baseUrl) lines.push('', `[在一园中查看](${baseUrl.replace(/\/+$/, '')}${link})`);
  return { msgtype: 'markdown', markdown: { title, text: lines.join('\n') } };
}

/**
 * The robot's signature: HMAC-SHA256 of `timestamp + "\n" + secret` keyed with the secret, in
 * base64 (the caller URL-encodes it as the `sign` query parameter beside `timestamp`, in ms).
 */
export function robotSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The address to post to: the configured URL with `timestamp` and `sign` when a secret is set. */
export function signedUrl(url: string, secret: string | null, timestampMs: number): string {
  if (!secret) return url;
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestampMs));
  u.searchParams.set('sign', robotSign(timestampMs, secret));
  return u.toString();
}

/** Attempts before a delivery is given up as failed. */
export const MAX_ATTEMPTS = 5;
/** The wait after the first failed attempt; each further failure doubles it. */
export const FIRST_RETRY_MS = 30_000;

/**
 * The wait before the next attempt after `attempts` failed ones (30 s, 1 min, 2 min, 4 min), or
 * null when the delivery has had its `MAX_ATTEMPTS` and is failed.
 */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
}

export const WEBHOOK_URL_MAX = 500;

/**
 * Why a webhook address is refused, or null: only absolute http(s) URLs without credentials.
 * Which hosts a deployment may reach is the egress firewall's job (docs/services.md).
 */
export function webhookUrlProblem(text: string): 'FORMAT' | 'SCHEME' | 'CREDENTIALS' | 'TOO_LONG' | null {
  if (text.length > WEBHOOK_URL_MAX) return 'TOO_LONG';
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return 'FORMAT';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'SCHEME';
  if (u.username || u.password) return 'CREDENTIALS';
  if (!u.hostname) return 'FORMAT';
  return null;
}

/** The webhook address with its query (access tokens) hidden, for lists and logs. */
export function maskedUrl(text: string): string {
  try {
    const u = new URL(text);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '…';
  }
}
