import { Alert, App, Button, Flex, Tooltip, Typography, Upload } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { statsTemplateUrl, useImportStats } from '../../api/platformStats';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';

export interface ImportProblems {
  title: string;
  lines: string[];
}

interface Props {
  year: number;
  /** While the form has unsaved changes: an import would replace what is on screen. */
  disabled: boolean;
  onImported: () => void;
  /** A refused file's problems (null: none to show). */
  onProblems: (problems: ImportProblems | null) => void;
}

const SHOWN_PROBLEMS = 20;

/** The year's template (current figures of the user's platforms) and its import, all or nothing. */
export function StatsImport({ year, disabled, onImported, onProblems }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const importStats = useImportStats();
  const send = async (file: File) => {
    onProblems(null);
    try {
      const r = await importStats.mutateAsync({ year, file });
      void message.success(t('platformStats.imported', { ...r }));
      onImported();
    } catch (e) {
      const lines =
        e instanceof ApiError ? e.details.map((d) => (lang === 'en' ? d.en : d.zh) || d.code) : [];
      onProblems({ title: errorText(e), lines });
      void message.error(t('platformStats.importFailed'));
    }
  };

  const button = (
    <Upload
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      multiple={false}
      showUploadList={false}
      disabled={disabled || importStats.isPending}
      beforeUpload={(file) => {
        void send(file);
        // The file goes out through our own request (CSRF header), not antd's uploader.
        return Upload.LIST_IGNORE;
      }}
    >
      <Button
        icon={<UploadOutlined />}
        loading={importStats.isPending}
        disabled={disabled}
        data-testid="stats-import"
      >
        {t('platformStats.import', { year })}
      </Button>
    </Upload>
  );

  return (
    <Flex gap={8} wrap align="center">
      <Typography.Link href={statsTemplateUrl(year)} download data-testid="stats-template">
        <FileExcelOutlined /> {t('platformStats.template', { year })}
      </Typography.Link>
      {disabled ? <Tooltip title={t('platformStats.importWhenSaved')}>{button}</Tooltip> : button}
    </Flex>
  );
}

/** Why a workbook was refused: the server's reason and its row-level problems. */
export function ImportProblemsAlert({
  problems,
  onClose,
}: {
  problems: ImportProblems;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={problems.title}
      data-testid="stats-import-problems"
      description={
        problems.lines.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problems.lines.slice(0, SHOWN_PROBLEMS).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {problems.lines.length > SHOWN_PROBLEMS && (
              <li>{t('platformStats.moreProblems', { count: problems.lines.length - SHOWN_PROBLEMS })}</li>
            )}
          </ul>
        ) : undefined
      }
    />
  );
}
