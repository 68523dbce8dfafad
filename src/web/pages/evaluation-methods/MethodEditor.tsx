import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, ConfigProvider, Flex, Form, Tabs, Tooltip, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Method } from '../../../modules/evaluation/core/method';
import { ApiError } from '../../api/client';
import { useCreateMethod, type MethodDetail, type MethodSummary } from '../../api/evaluationMethods';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUnsavedChangesGuard } from '../../components/useUnsavedChangesGuard';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { CohortsSection } from './CohortsSection';
import { nearestPointer, tabOf, type EditorTab } from './draft';
import { EditorProvider } from './editorContext';
import { FormBoundary } from './FormBoundary';
import { GeneralSection } from './GeneralSection';
import { JsonPanel } from './JsonPanel';
import { nextVersion } from './methodGroups';
import { MethodVersionInfo } from './MethodVersionInfo';
import { PoliciesEditor } from './PoliciesEditor';
import { ProblemList } from './ProblemList';
import { tidyProblems, type ShownProblem } from './problems';
import { SaveAsCard } from './SaveAsCard';
import { useDraftEditor } from './useDraftEditor';

export type Tab = EditorTab | 'json';

export interface MethodEditorProps {
  /** A version being viewed (editing it saves the next version of its key); none: a new method. */
  version?: MethodDetail;
  /** The starting document (may be invalid when imported). */
  initial: Method;
  /** Suggested key of a new method. */
  initialKey?: string;
  basedOn: string | null;
  initialNote?: string;
  /** Where a new method comes from, said above the form. */
  origin?: ReactNode;
  /** All versions (next version numbers, other versions of the key). */
  methods: MethodSummary[];
}

/** The method editor: a structured form over the whole document with live validation. */
export function MethodEditor({
  version,
  initial,
  initialKey = '',
  basedOn,
  initialNote = '',
  origin,
  methods,
}: MethodEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const create = useCreateMethod();
  const [editing, setEditing] = useState(!version);
  const [draft, setDraft] = useState<Method>(initial);
  const [key, setKey] = useState(version?.key ?? initialKey);
  const [note, setNote] = useState(initialNote);
  const [dirty, setDirty] = useState(false);
  const [serverProblems, setServerProblems] = useState<ShownProblem[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [tab, setTab] = useState<Tab>('general');
  const [cohort, setCohort] = useState(0);
  const [formKey, setFormKey] = useState(0);
  const { allowLeave } = useUnsavedChangesGuard(dirty && editing);
  usePageTitle(version ? `${version.key} v${version.version}` : t('methods.newTitle'));

  const changed = useCallback(() => {
    setDirty(true);
    setServerProblems([]);
    setSaveError(null);
  }, []);
  const { problems, byPointer, editor, counts } = useDraftEditor({
    draft,
    setDraft,
    editing,
    checkKey: version ? undefined : key,
    serverProblems,
    changed,
  });

  /** Opens the tab of a problem's field and scrolls to the field. */
  const goTo = (pointer: string) => {
    const where = tabOf(pointer);
    if (pointer !== '/key') setTab(where.tab);
    if (where.cohort !== undefined) setCohort(where.cohort);
    window.setTimeout(() => {
      const find = (p: string) => document.querySelector(`[data-pointer="${CSS.escape(p)}"]`);
      const target = nearestPointer(pointer, (p) => !!find(p));
      const el = target ? find(target) : null;
      if (!el) return;
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.querySelector<HTMLElement>('input, textarea, .ant-select-selector')?.focus();
    }, 80);
  };

  const saveAs = version ? version.key : key;
  const saveVersion = nextVersion(methods, saveAs);
  const canSave = editing && problems.length === 0 && (!version || dirty) && !create.isPending;

  const save = () => {
    setSaveError(null);
    create.mutate(
      { key: saveAs, definition: draft, basedOn, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (m) => {
          allowLeave();
          setDirty(false);
          void message.success(t('methods.saved', { key: m.key, version: m.version }));
          navigate(`/evaluation/methods/${m.id}`, { replace: !version });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'METHOD_INVALID' && error.details.length > 0) {
            setServerProblems(
              tidyProblems(
                error.details.map((d) => ({ path: d.field || '/', zh: d.zh, en: d.en })),
                true,
              ),
            );
          } else setSaveError(error);
        },
      },
    );
  };

  const stopEditing = () => {
    const reset = () => {
      setDraft(initial);
      setNote(initialNote);
      setDirty(false);
      setServerProblems([]);
      setEditing(false);
      setFormKey((k) => k + 1);
    };
    if (!dirty) return reset();
    modal.confirm({
      title: t('form.leaveTitle'),
      content: t('form.leaveContent'),
      okText: t('methods.discard'),
      cancelText: t('form.stay'),
      okButtonProps: { danger: true },
      onOk: reset,
    });
  };

  const tabLabel = (tab: Tab, text: string) => (
    <Badge count={counts.byTab[tab]} size="small" offset={[8, -2]}>
      <span>{text}</span>
    </Badge>
  );

  const formFallback = <Alert type="warning" showIcon title={t('methods.json.cannotShow')} />;
  const structured = (node: ReactNode) => (
    <FormBoundary key={formKey} fallback={formFallback}>
      {node}
    </FormBoundary>
  );

  const title = version
    ? lang === 'en'
      ? version.definition.name.en || version.definition.name.zh
      : version.definition.name.zh
    : t('methods.newTitle');

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          aria-label={t('common.back')}
          onClick={() => navigate('/evaluation/methods')}
        />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      </Flex>
      {version && (
        <MethodVersionInfo
          version={version}
          methods={methods}
          editing={editing}
          onEdit={() => setEditing(true)}
        />
      )}
      {!version && origin}
      {editing && (
        <SaveAsCard
          isNewVersion={!!version}
          saveAs={saveAs}
          saveVersion={saveVersion}
          methodKey={key}
          keyErrors={byPointer.get('/key')}
          onKeyChange={(value) => {
            setKey(value);
            changed();
          }}
          note={note}
          onNoteChange={(value) => {
            setNote(value);
            setDirty(true);
          }}
        />
      )}
      {editing && <ProblemList problems={problems} method={draft} onGo={goTo} />}
      {saveError !== null && <ErrorAlert error={saveError} />}
      <EditorProvider value={editor}>
        <Form layout="vertical" component="div" disabled={!editing}>
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as Tab)}
            items={[
              {
                key: 'general',
                label: tabLabel('general', t('methods.tabs.general')),
                children: structured(<GeneralSection />),
              },
              {
                key: 'cohorts',
                label: tabLabel('cohorts', t('methods.tabs.cohorts', { count: draft.cohorts?.length ?? 0 })),
                children: structured(
                  <CohortsSection
                    active={cohort}
                    onActiveChange={setCohort}
                    problemCount={(i) => counts.byCohort.get(i) ?? 0}
                  />,
                ),
              },
              {
                key: 'policies',
                label: tabLabel('policies', t('methods.tabs.policies')),
                children: structured(<PoliciesEditor />),
              },
              {
                key: 'json',
                label: t('methods.tabs.json'),
                children: tab === 'json' && (
                  <ConfigProvider componentDisabled={false}>
                    <JsonPanel
                      method={draft}
                      readOnly={!editing}
                      onApply={(value) => {
                        setDraft(value);
                        changed();
                        setFormKey((k) => k + 1);
                        void message.info(t('methods.json.applied'));
                      }}
                    />
                  </ConfigProvider>
                ),
              },
            ]}
          />
        </Form>
      </EditorProvider>
      {editing && (
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 10 }}>
          <Flex align="center" justify="space-between" gap={8} wrap>
            <Typography.Text type={problems.length ? 'danger' : 'secondary'} data-testid="method-status">
              {problems.length
                ? t('methods.editor.blocked', { count: problems.length })
                : version && !dirty
                  ? t('methods.editor.nothingChanged')
                  : t('methods.editor.ready', { key: saveAs || '—', version: saveVersion })}
            </Typography.Text>
            <Flex gap={8}>
              {version ? (
                <Button onClick={stopEditing} disabled={create.isPending}>
                  {t('common.cancel')}
                </Button>
              ) : (
                <Button onClick={() => navigate('/evaluation/methods')} disabled={create.isPending}>
                  {t('common.cancel')}
                </Button>
              )}
              <Tooltip title={version && !dirty ? t('methods.editor.nothingChanged') : undefined}>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={!canSave}
                  loading={create.isPending}
                  onClick={save}
                  data-testid="method-save"
                >
                  {t('common.save')}
                </Button>
              </Tooltip>
            </Flex>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
