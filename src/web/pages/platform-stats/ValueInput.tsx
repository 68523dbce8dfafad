import { Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIGURES, type BaseFigure } from '../../../modules/metrics/core/metrics';
import { checkValue } from '../../../modules/metrics/core/reported';
import { useLang } from '../../lib/useLang';
import './platformStats.css';

/** The reported value's input, by the figure's kind, checked as the server checks it. */
export function ValueInput({ figure }: { figure: BaseFigure }) {
  const { t } = useTranslation();
  const lang = useLang();
  const def = FIGURES[figure];
  const label = `${lang === 'en' ? def.en : def.zh} ${t('platformStats.columns.reported')}`;
  return (
    <Form.Item
      name={[figure, 'value']}
      style={{ margin: 0 }}
      rules={[
        {
          validator: async (_, value: unknown) => {
            if (value === null || value === undefined) return;
            const [problem] = checkValue(figure, value);
            if (problem) throw new Error(lang === 'en' ? problem.en : problem.zh);
          },
        },
      ]}
    >
      {def.kind === 'flag' ? (
        <Select<number>
          allowClear
          placeholder={t('platformStats.notReported')}
          options={[
            { value: 1, label: t('platformStats.flagYes') },
            { value: 0, label: t('platformStats.flagNo') },
          ]}
          aria-label={label}
          style={{ width: '100%' }}
          data-testid={`value-${figure}`}
        />
      ) : (
        // No min: a negative number gets the server's message instead of being silently changed.
        <InputNumber<number>
          step={def.kind === 'count' ? 1 : undefined}
          placeholder={t('platformStats.notReported')}
          aria-label={label}
          style={{ width: '100%' }}
          data-testid={`value-${figure}`}
        />
      )}
    </Form.Item>
  );
}
