import type { TFunction } from 'i18next';
import type { Me } from '../../../modules/auth/auth.schemas';

/** Days after an administrator's password reset during which the owner is told at login. */
const NOTICE_DAYS = 30;

const local = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** The reset notice for an account, or null when there was no recent reset. */
export function resetNoticeText(me: Me, t: TFunction, now = Date.now()): string | null {
  const reset = me.passwordReset;
  if (!reset || now - new Date(reset.at).getTime() > NOTICE_DAYS * 86_400_000) return null;
  return t('login.resetNotice', {
    at: local(reset.at),
    by: reset.by,
    used: reset.usedAt
      ? `${local(reset.usedAt)}${reset.usedIp ? ` (${reset.usedIp})` : ''}`
      : t('login.resetNotUsed'),
  });
}
