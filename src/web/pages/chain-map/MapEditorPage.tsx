import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Select, Typography, Upload } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  useChainIndustries,
  useImportMap,
  useMapDetail,
  useMapVersions,
  useSaveDraft,
  type DraftWrite,
} from '../../api/chainMap';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../lib/errorText';
import { localName, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { DraftCard } from './DraftCard';
import { VersionTable } from './VersionTable';

const parse = (p: URLSearchParams) => ({ industry: p.get('industry') || undefined });

/**
 * Map maintenance (the task force): an industry's versions, its draft edited as a node table (or
 * imported from Excel or JSON), saved, then published — the current version is retired, kept.
 */
export function MapEditorPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('nav.chain-edit'));
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { query, update } = useQueryParams(parse);
  const industries = useChainIndustries();
  const industry = query.industry ?? industries.data?.[0]?.code;
  const item = industries.data?.find((i) => i.code === industry);
  const versions = useMapVersions(industry);
  const base = useMapDetail(item ? (item.draftMapId ?? item.currentMapId) : null);
  const save = useSaveDraft();
  const importMap = useImportMap(industry);
  const [problems, setProblems] = useState<ApiError | null>(null);

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.details.length > 0) setProblems(e);
    else void message.error(errorText(e));
  };
  const saveDraft = (body: DraftWrite) =>
    save.mutate(body, {
      onSuccess: () => {
        setProblems(null);
        void message.success(t('chainMap.editor.saved'));
      },
      onError: failed,
    });
  const importJson = async (file: File) => {
    try {
      const parsed = JSON.parse(await file.text()) as Partial<DraftWrite>;
      saveDraft({
        industryCode: industry!,
        note: parsed.note ?? file.name,
        weakShare: parsed.weakShare,
        supplierMin: parsed.supplierMin,
        nodes: Array.isArray(parsed.nodes) ? parsed.nodes : [],
      });
    } catch {
      void message.error(t('chainMap.editor.badJson'));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={2}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('chainMap.editor.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('chainMap.editor.subtitle')}</Typography.Text>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Select<string>
          value={industry}
          onChange={(v) => {
            setProblems(null);
            update({ industry: v });
          }}
          options={(industries.data ?? []).map((i) => ({ value: i.code, label: localName(i, lang) }))}
          aria-label={t('chainMap.industry')}
          style={{ width: 200 }}
        />
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            importMap.mutate(f, {
              onSuccess: () => {
                setProblems(null);
                void message.success(t('chainMap.editor.imported'));
              },
              onError: failed,
            });
            return false;
          }}
        >
          <Button icon={<CloudUploadOutlined />} loading={importMap.isPending}>
            {t('chainMap.editor.importExcel')}
          </Button>
        </Upload>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(f) => {
            void importJson(f);
            return false;
          }}
        >
          <Button icon={<CloudUploadOutlined />}>{t('chainMap.editor.importJson')}</Button>
        </Upload>
      </Flex>
      {(industries.error || versions.error) && <ErrorAlert error={industries.error ?? versions.error} />}
      <Card size="small" title={t('chainMap.editor.versions')}>
        <VersionTable versions={versions.data ?? []} />
      </Card>
      {problems && (
        <Alert
          type="error"
          showIcon
          title={lang === 'en' ? problems.en : problems.zh}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.details.map((d, i) => (
                <li key={i}>{lang === 'en' ? d.en : d.zh}</li>
              ))}
            </ul>
          }
          data-testid="draft-problems"
        />
      )}
      {industry && item && base.data && (
        <DraftCard
          key={`${base.data.map.id}-${base.dataUpdatedAt}`}
          industry={industry}
          item={item}
          base={base.data}
          saving={save.isPending}
          onSave={saveDraft}
          onFailed={failed}
        />
      )}
    </Flex>
  );
}
