// Registers dayjs's Chinese locale for the date pickers (see the audit page).
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { Checkbox, DatePicker, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { LABELS as LABEL_CODES, type Label as LabelCode } from '../../../modules/enterprises/core/codes';
import type { EnterpriseLabel } from '../../api/enterprises';

interface Props {
  value?: EnterpriseLabel[];
  onChange?: (value: EnterpriseLabel[]) => void;
  disabled?: boolean;
}

/** One checkbox per label, each with an optional grant date (a form control for `labels`). */
export function LabelsInput({ value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const byLabel = new Map(value.map((l) => [l.label, l]));

  const set = (label: LabelCode, next: EnterpriseLabel | null) => {
    const map = new Map(byLabel);
    if (next) map.set(label, next);
    else map.delete(label);
    // Keep the contract's label order, then anything unknown the server sent.
    const known = LABEL_CODES.filter((c) => map.has(c)).map((c) => map.get(c)!);
    const unknown = [...map.values()].filter((l) => !(LABEL_CODES as readonly string[]).includes(l.label));
    onChange?.([...known, ...unknown]);
  };

  return (
    <Flex vertical gap={6}>
      {LABEL_CODES.map((code) => {
        const current = byLabel.get(code);
        // Chain leaders are confirmed with a reason on the chain-leader page (plan §3.1), not here.
        const locked = disabled || code === 'chain_leader';
        return (
          <Flex key={code} align="center" gap={12} wrap>
            <Checkbox
              checked={!!current}
              disabled={locked}
              onChange={(e) => set(code, e.target.checked ? { label: code, grantedOn: null } : null)}
              style={{ width: 260 }}
            >
              {t(`labels.${code}`)}
              {code === 'chain_leader' && !disabled ? ` ${t('enterprise.chainLeaderDecidedElsewhere')}` : ''}
            </Checkbox>
            <DatePicker
              size="small"
              disabled={locked || !current}
              value={current?.grantedOn ? dayjs(current.grantedOn) : null}
              placeholder={t('enterprise.grantedOnOptional')}
              aria-label={t('enterprise.grantedOnFor', { label: t(`labels.${code}`) })}
              maxDate={dayjs()}
              onChange={(d) => set(code, { label: code, grantedOn: d ? d.format('YYYY-MM-DD') : null })}
              style={{ width: 170 }}
            />
          </Flex>
        );
      })}
    </Flex>
  );
}
