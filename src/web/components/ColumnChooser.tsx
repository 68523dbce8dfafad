import { useCallback, useState } from 'react';
import { Button, Checkbox, Dropdown, Flex, theme, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export interface ChoosableColumn {
  key: string;
  label: string;
  /** Always shown (e.g. the name column); its box is ticked and disabled. */
  locked?: boolean;
}

function readHidden(storageKey: string): string[] {
  try {
    const raw = window.localStorage.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Which optional table columns are hidden, remembered in localStorage. The hidden ones are stored,
 * so a column added later shows up by default.
 */
export function useHiddenColumns(storageKey: string) {
  const [hidden, setHiddenState] = useState<string[]>(() => readHidden(storageKey));
  const setHidden = useCallback(
    (next: string[]) => {
      setHiddenState(next);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // storage unavailable: the choice lasts for this page only
      }
    },
    [storageKey],
  );
  return { hidden, setHidden };
}

interface Props {
  columns: ChoosableColumn[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}

/** "Columns" button with a checkbox per column. */
export function ColumnChooser({ columns, hidden, onChange }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);
  const toggle = (key: string, visible: boolean) =>
    onChange(visible ? hidden.filter((k) => k !== key) : [...new Set([...hidden, key])]);

  return (
    <Dropdown
      open={open}
      onOpenChange={(next, info) => {
        // Ticking a box must not close the panel; clicks outside and the button do.
        if (info.source === 'trigger' || !next) setOpen(next);
      }}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => (
        <div
          style={{
            background: token.colorBgElevated,
            borderRadius: token.borderRadiusLG,
            boxShadow: token.boxShadowSecondary,
            padding: '8px 12px',
            minWidth: 200,
          }}
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('columns.hint')}
          </Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 6 }}>
            {columns.map((c) => (
              <Checkbox
                key={c.key}
                checked={c.locked || !hidden.includes(c.key)}
                disabled={c.locked}
                onChange={(e) => toggle(c.key, e.target.checked)}
              >
                {c.label}
              </Checkbox>
            ))}
          </Flex>
          {hidden.length > 0 && (
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0, marginTop: 4 }}
              onClick={() => onChange([])}
            >
              {t('columns.showAll')}
            </Button>
          )}
        </div>
      )}
    >
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('columns.button')}
      </Button>
    </Dropdown>
  );
}
