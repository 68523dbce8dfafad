import { useCallback } from 'react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../modules/evaluation/core/method';
import { useLang } from '../../lib/useLang';
import { locationOf, type ShownProblem } from './problems';

/** A problem's message in the UI language (the UI's own wording where it has one). */
export function useProblemText(): (p: ShownProblem) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return useCallback(
    (p: ShownProblem) => {
      if (p.worded) return t(`methods.problem.${p.worded.code}`, p.worded.params ?? {});
      return (lang === 'en' ? p.en : p.zh) || p.en;
    },
    [t, lang],
  );
}

/** Every problem of the method, each linked to its field. */
export function ProblemList({
  problems,
  method,
  onGo,
}: {
  problems: ShownProblem[];
  method: Method;
  onGo: (pointer: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useProblemText();
  if (problems.length === 0) return null;
  const server = problems.some((p) => p.server);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="method-problems"
      title={t(server ? 'methods.problems.server' : 'methods.problems.title', { count: problems.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 220, overflowY: 'auto' }}>
          {problems.map((p, i) => {
            const where = locationOf(p.path, method, lang)
              .map((part) => t(part.key, { ...part.params, defaultValue: part.key.split('.').pop() }))
              .join(' › ');
            return (
              <li key={i}>
                <Typography.Link onClick={() => onGo(p.path)}>
                  {where || t('methods.problems.whole')}
                </Typography.Link>
                {lang === 'en' ? ': ' : '：'}
                {text(p)}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}
