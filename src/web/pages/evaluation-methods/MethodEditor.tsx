import { useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  ConfigProvider,
  Flex,
  Form,
  Input,
  Row,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { validateMethod, type Method } from '../../../modules/evaluation/core/method';
import { ApiError } from '../../api/client';
import { useCreateMethod, type MethodDetail, type MethodSummary } from '../../api/evaluationMethods';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUnsavedChangesGuard } from '../../components/useUnsavedChangesGuard';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { CohortsSection } from './CohortsSection';
import { METHOD_KEY_PATTERN, nearestPointer, setAt, tabOf, type EditorTab, type Path } from './draft';
import { EditorProvider, type Editor } from './editorContext';
import { FormBoundary } from './FormBoundary';
import { GeneralSection } from './GeneralSection';
import { JsonPanel } from './JsonPanel';
import { nextVersion } from './methodGroups';
import { MethodVersionInfo } from './MethodVersionInfo';
import { PoliciesEditor } from './PoliciesEditor';
import { ProblemList, useProblemText } from './ProblemList';
import { tidyProblems, type ShownProblem } from './problems';

type Tab = EditorTab | 'json';

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

/** Checks of the key the method is saved under (the server checks the same). */
function keyProblems(key: string): ShownProblem[] {
  if (key === '') return [{ path: '/key', zh: '', en: '', worded: { code: 'required' } }];
  if (!METHOD_KEY_PATTERN.test(key))
    return [{ path: '/key', zh: '', en: '', worded: { code: 'keyPattern' } }];
  return [];
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
  const problemText = useProblemText();
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

  const problems = useMemo<ShownProblem[]>(() => {
    if (!editing) return [];
    const own = [...(version ? [] : keyProblems(key)), ...tidyProblems(validateMethod(draft))];
    return own.length > 0 ? own : serverProblems;
  }, [editing, version, key, draft, serverProblems]);

  const byPointer = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems) map.set(p.path, [...(map.get(p.path) ?? []), problemText(p)]);
    return map;
  }, [problems, problemText]);

  const changed = useCallback(() => {
    setDirty(true);
    setServerProblems([]);
    setSaveError(null);
  }, []);

  const editor: Editor = useMemo(
    () => ({
      method: draft,
      readOnly: !editing,
      lang,
      set: (path: Path, value: unknown) => {
        setDraft((m) => setAt(m, path, value));
        changed();
      },
      update: (change: (m: Method) => Method) => {
        setDraft(change);
        changed();
      },
      problemsAt: (pointer: string) => byPointer.get(pointer),
    }),
    [draft, editing, lang, byPointer, changed],
  );

  const counts = useMemo(() => {
    const byTab: Record<Tab, number> = { general: 0, cohorts: 0, policies: 0, json: 0 };
    const byCohort = new Map<number, number>();
    for (const p of problems) {
      if (p.path === '/key') continue;
      const where = tabOf(p.path);
      byTab[where.tab]++;
      if (where.cohort !== undefined) byCohort.set(where.cohort, (byCohort.get(where.cohort) ?? 0) + 1);
    }
    return { byTab, byCohort };
  }, [problems]);

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
        <Card
          size="small"
          title={
            version
              ? t('methods.editor.newVersionOf', { key: saveAs, version: saveVersion })
              : t('methods.editor.saveTitle')
          }
        >
          <Row gutter={16}>
            {!version && (
              <Col xs={24} md={10}>
                <div data-pointer="/key">
                  <Form layout="vertical" component="div">
                    <Form.Item
                      label={t('methods.field.methodKey')}
                      required
                      validateStatus={byPointer.get('/key') ? 'error' : undefined}
                      help={byPointer.get('/key')?.join('；')}
                      extra={
                        key && METHOD_KEY_PATTERN.test(key)
                          ? saveVersion === 1
                            ? t('methods.editor.keyNew')
                            : t('methods.editor.keyExists', { key, version: saveVersion })
                          : t('methods.editor.keyHint')
                      }
                    >
                      <Input
                        value={key}
                        maxLength={64}
                        onChange={(e) => {
                          setKey(e.target.value.trim());
                          changed();
                        }}
                        data-testid="method-key"
                      />
                    </Form.Item>
                  </Form>
                </div>
              </Col>
            )}
            <Col xs={24} md={version ? 24 : 14}>
              <Form layout="vertical" component="div">
                <Form.Item label={t('methods.field.note')} extra={t('methods.editor.noteHint')}>
                  <Input
                    value={note}
                    maxLength={500}
                    onChange={(e) => {
                      setNote(e.target.value);
                      setDirty(true);
                    }}
                    placeholder={t('methods.editor.notePlaceholder')}
                    data-testid="method-note"
                  />
                </Form.Item>
              </Form>
            </Col>
          </Row>
        </Card>
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
