import { useCallback } from 'react';
import { Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  useEvaluationIndicators,
  type Bilingual,
  type EvaluationResult,
  type MethodClass,
  type Method,
  type ObjectionStatus,
  type RunStatus,
} from '../../api/evaluation';
import { useLang } from '../../lib/useLang';
import { classTagColor, parseFlag } from './evaluationFormat';

const STATUS_COLORS: Record<RunStatus, string> = {
  draft: 'default',
  notice: 'processing',
  published: 'success',
  superseded: 'warning',
};

export function RunStatusTag({ status, testId }: { status: RunStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`evaluation.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

const OBJECTION_COLORS: Record<ObjectionStatus, string> = {
  pending: 'orange',
  accepted: 'green',
  rejected: 'default',
};

export function ObjectionStatusTag({ status, large }: { status: ObjectionStatus; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={OBJECTION_COLORS[status]}
      data-status={status}
      style={{ marginInlineEnd: 0, ...(large && { fontSize: 14, lineHeight: '24px' }) }}
    >
      {t(`evaluation.objections.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** Picks the text of a bilingual pair for the current language. */
export function useBilingual(): (text: Bilingual | null | undefined) => string {
  const lang = useLang();
  return useCallback((text) => (text ? (lang === 'en' ? text.en || text.zh : text.zh) : ''), [lang]);
}

/** Name of a class in the current language ("优先发展"), or '' when the method does not know it. */
export function useClassName(classes: readonly MethodClass[]): (key: string | null) => string {
  const pick = useBilingual();
  return useCallback((key) => pick(classes.find((c) => c.key === key)?.name), [classes, pick]);
}

/** Name of a cohort of the method in the current language ("规上工业企业"), else its key. */
export function useCohortName(method: Method): (key: string) => string {
  const pick = useBilingual();
  return useCallback(
    (key) => pick(method.cohorts.find((c) => c.key === key)?.name) || key,
    [method.cohorts, pick],
  );
}

interface ClassTagProps {
  result: Pick<EvaluationResult, 'status' | 'class' | 'policyClass'>;
  classes: readonly MethodClass[];
  /** Show the class name next to its key ("A 优先发展"); otherwise the name is the tooltip. */
  withName?: boolean;
  large?: boolean;
}

/** The class of a result: A green, B blue, C orange, D red; unrated "不定等级（按B）"; merged tenants. */
export function ClassTag({ result, classes, withName, large }: ClassTagProps) {
  const { t } = useTranslation();
  const className = useClassName(classes);
  const style = large
    ? { marginInlineEnd: 0, fontSize: 16, lineHeight: '28px', paddingInline: 10 }
    : { marginInlineEnd: 0 };
  if (result.status === 'merged')
    return (
      <Tooltip title={t('evaluation.class.mergedHint')}>
        <Tag style={style}>{t('evaluation.class.merged')}</Tag>
      </Tooltip>
    );
  if (result.status === 'unrated' || !result.class) {
    const treatAs = result.policyClass ?? '';
    return (
      <Tooltip title={t('evaluation.class.unratedHint', { cls: treatAs, name: className(treatAs) })}>
        <Tag style={style}>{t('evaluation.class.unrated', { cls: treatAs })}</Tag>
      </Tooltip>
    );
  }
  const name = className(result.class);
  const tag = (
    <Tag color={classTagColor(result.class, classes)} style={style} data-class={result.class}>
      {withName && name ? `${result.class} ${name}` : result.class}
    </Tag>
  );
  return withName || !name ? tag : <Tooltip title={name}>{tag}</Tooltip>;
}

/** Indicator names and units in the current language, from the server's catalogue. */
export function useIndicatorInfo(): (key: string) => { name: string; unit: string; decimals: number } {
  const lang = useLang();
  const { data } = useEvaluationIndicators();
  return useCallback(
    (key: string) => {
      const def = data?.find((d) => d.key === key);
      if (!def) return { name: key, unit: '', decimals: 2 };
      return lang === 'en'
        ? { name: def.en, unit: def.unitEn, decimals: def.decimals }
        : { name: def.zh, unit: def.unitZh, decimals: def.decimals };
    },
    [data, lang],
  );
}

/** A warning icon when a result has data-quality flags; the tooltip lists them. */
export function FlagsIcon({ flags }: { flags: string[] }) {
  const { t } = useTranslation();
  const indicator = useIndicatorInfo();
  if (flags.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const lines = flags.map((raw) => {
    const f = parseFlag(raw);
    if (f.kind === 'missing')
      return t('evaluation.flags.missing', { indicator: indicator(f.indicator).name });
    if (f.kind === 'no_land') return t('evaluation.flags.noLand');
    return f.raw;
  });
  return (
    <Tooltip
      title={
        <div>
          {lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </div>
      }
    >
      <WarningOutlined
        style={{ color: '#fa8c16', fontSize: 16 }}
        aria-label={lines.join('; ')}
        data-testid="result-flags"
      />
    </Tooltip>
  );
}
