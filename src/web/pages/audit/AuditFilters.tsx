// Registers dayjs's Chinese locale so the date picker shows Chinese month and weekday names
// (dayjs comes with antd; antd's zh_CN locale expects this import).
import 'dayjs/locale/zh-cn';
import { DatePicker, Flex, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuditActors } from '../../api/audit';
import type { AuditQuery } from '../../../modules/audit/audit.schemas';
import {
  actionsByModule,
  AUDIT_ACTIONS,
  AUDIT_MODULES,
  objectTypeName,
} from '../../../modules/audit/core/actions';
import { useLang } from '../../lib/useLang';

export type AuditFilterValues = Omit<AuditQuery, 'page' | 'pageSize'>;

/** The log's filters: pickers of actions (by module) and accounts, the result, the days, the object. */
export function AuditFilters({
  filters,
  apply,
  objectName,
}: {
  filters: AuditFilterValues;
  /** The filtered object's name, once a row about it is shown. */
  objectName?: string | null;
  apply: (patch: Partial<AuditFilterValues>) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang() === 'en' ? 'en' : 'zh';
  const actors = useAuditActors();
  const actionOptions = actionsByModule().map((g) => ({
    label: AUDIT_MODULES[g.module][lang],
    title: AUDIT_MODULES[g.module][lang],
    options: g.actions.map((code) => ({ value: code, label: AUDIT_ACTIONS[code][lang] })),
  }));
  return (
    <Flex wrap gap={12} align="center">
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.filters.action')}
        aria-label={t('audit.filters.action')}
        data-testid="audit-action-filter"
        value={filters.action}
        onChange={(v) => apply({ action: v })}
        options={actionOptions}
        style={{ width: 240 }}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={actors.isPending}
        placeholder={t('audit.filters.username')}
        aria-label={t('audit.filters.username')}
        value={filters.username}
        onChange={(v) => apply({ username: v })}
        options={(actors.data ?? []).map((a) => ({
          value: a.username,
          label: t('audit.actorOption', { name: a.displayName, username: a.username }),
        }))}
        style={{ width: 220 }}
      />
      <Select<'success' | 'failure'>
        allowClear
        placeholder={t('audit.filters.result')}
        aria-label={t('audit.filters.result')}
        value={filters.result}
        onChange={(v) => apply({ result: v })}
        style={{ width: 130 }}
        options={[
          { value: 'success', label: t('audit.success') },
          { value: 'failure', label: t('audit.failure') },
        ]}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        aria-label={t('audit.filters.dates')}
        format="YYYY-MM-DD"
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(dates) =>
          apply({
            from: dates?.[0]?.format('YYYY-MM-DD') ?? undefined,
            to: dates?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
      />
      {filters.objectType && (
        <Tag
          closable
          data-testid="audit-object-filter"
          onClose={() => apply({ objectType: undefined, objectId: undefined })}
        >
          {t('audit.filters.object', {
            type: objectTypeName(filters.objectType, lang),
            id: objectName || filters.objectId || '',
          })}
        </Tag>
      )}
    </Flex>
  );
}
