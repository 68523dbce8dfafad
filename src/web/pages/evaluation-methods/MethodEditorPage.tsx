import { Alert } from 'antd';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../modules/evaluation/core/method';
import { ApiError } from '../../api/client';
import { useMethod, useMethods, usePresets } from '../../api/evaluationMethods';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';
import { NotFoundPage } from '../errors/NotFoundPage';
import { MethodEditor } from './MethodEditor';
import { basedOnOf } from './methodGroups';
import { DEFAULT_PRESET, presetKind } from './presets';

/** What the list page hands over after reading an imported file. */
export interface ImportedState {
  imported: { definition: unknown; key?: string; fileName: string };
}

function parseId(raw: string | null | undefined): number | undefined {
  if (!raw || !/^\d{1,9}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > 0 ? n : undefined;
}

/** /evaluation/methods/:id views a version; /evaluation/methods/new starts a new method. */
export function MethodEditorPage() {
  const params = useParams();
  if (params.id === undefined) return <NewMethod />;
  const id = parseId(params.id);
  if (id === undefined) return <NotFoundPage />;
  return <ViewMethod key={id} id={id} />;
}

function ViewMethod({ id }: { id: number }) {
  const errorText = useErrorText();
  const method = useMethod(id);
  const methods = useMethods();
  if (method.error instanceof ApiError && method.error.status === 404)
    return <NotFoundPage message={errorText(method.error)} />;
  const error = method.error ?? methods.error;
  if (error)
    return (
      <ErrorAlert
        error={error}
        onRetry={() => {
          void method.refetch();
          void methods.refetch();
        }}
      />
    );
  if (!method.data || !methods.data) return <PageSpin />;
  return (
    <MethodEditor
      version={method.data}
      initial={method.data.definition}
      basedOn={basedOnOf(method.data)}
      methods={methods.data}
    />
  );
}

/** A new method from an imported file, another version (?fromId=) or a preset (?from=). */
function NewMethod() {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const [search] = useSearchParams();
  const imported = (location.state as Partial<ImportedState> | null)?.imported;
  const fromId = parseId(search.get('fromId'));
  const presetKey = search.get('from') ?? DEFAULT_PRESET;
  const methods = useMethods();
  const source = useMethod(imported ? undefined : fromId);
  const presets = usePresets();
  const pageKey = `${location.key}`;

  const error = methods.error ?? source.error ?? presets.error;
  if (error) return <ErrorAlert error={error} />;
  if (!methods.data) return <PageSpin />;

  if (imported) {
    return (
      <MethodEditor
        key={pageKey}
        initial={imported.definition as Method}
        initialKey={imported.key ?? ''}
        basedOn={null}
        initialNote={t('methods.origin.importNote', { file: imported.fileName })}
        origin={
          <Alert type="info" showIcon title={t('methods.origin.imported', { file: imported.fileName })} />
        }
        methods={methods.data}
      />
    );
  }
  if (fromId !== undefined) {
    if (!source.data) return <PageSpin />;
    const m = source.data;
    const name = lang === 'en' ? m.definition.name.en || m.definition.name.zh : m.definition.name.zh;
    return (
      <MethodEditor
        key={pageKey}
        initial={structuredClone(m.definition)}
        basedOn={basedOnOf(m)}
        origin={
          <Alert
            type="info"
            showIcon
            title={t('methods.origin.clone', { key: m.key, version: m.version, name })}
          />
        }
        methods={methods.data}
      />
    );
  }
  if (!presets.data) return <PageSpin />;
  const preset = presets.data[presetKey];
  if (!preset) return <NotFoundPage message={t('methods.origin.unknownPreset', { key: presetKey })} />;
  const name = lang === 'en' ? preset.name.en || preset.name.zh : preset.name.zh;
  return (
    <MethodEditor
      key={`${pageKey}:${presetKey}`}
      initial={structuredClone(preset)}
      basedOn={presetKey}
      origin={
        <Alert
          type="info"
          showIcon
          title={t('methods.origin.preset', { name, kind: t(`methods.presetKind.${presetKind(presetKey)}`) })}
          description={t('methods.origin.presetHint')}
        />
      }
      methods={methods.data}
    />
  );
}
