import type { TFunction } from 'i18next';
import type { Notification } from '../../api/notifications';

/** A notification's headline in the reader's language, from its kind and parameters. */
export function notificationTitle(t: TFunction, n: Notification): string {
  const p = n.params;
  const level = p.level === 2 ? t('inbox.level.city') : t('inbox.level.platform');
  const step = p.step ? t(`inbox.step.${p.step}`, { defaultValue: t('inbox.step.other') }) : '';
  const rating = p.rating ? t(`inbox.rating.${p.rating}`, { defaultValue: '' }) : '';
  return t(`inbox.kind.${n.kind}`, { code: p.code ?? '', title: p.title ?? '', level, step, rating });
}
