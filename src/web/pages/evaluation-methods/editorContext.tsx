// What every part of the method editor needs: the method, how to change it, whether it may be
// changed, and the problems found at each place. Small controlled inputs bound to a path.
import { createContext, useContext, type CSSProperties, type ReactNode } from 'react';
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import type { InputNumberProps } from 'antd';
import type { Method } from '../../../modules/evaluation/core/method';
import type { Lang } from '../../i18n';
import { getAt, pointerOf, type Path } from './draft';

export interface Editor {
  method: Method;
  readOnly: boolean;
  lang: Lang;
  /** Puts a value at a path (undefined removes an optional property). */
  set: (path: Path, value: unknown) => void;
  /** Replaces the whole method (structural edits). */
  update: (change: (m: Method) => Method) => void;
  /** Problems at exactly this pointer, in the UI language. */
  problemsAt: (pointer: string) => string[] | undefined;
}

const EditorContext = createContext<Editor | null>(null);

export function EditorProvider({ value, children }: { value: Editor; children: ReactNode }) {
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside EditorProvider');
  return editor;
}

interface FieldProps {
  path: Path;
  label?: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  /** No bottom margin (inside tables). */
  tight?: boolean;
  children: ReactNode;
}

/** A labelled field showing the problems at its path; the page scrolls here from the problem list. */
export function Field({ path, label, extra, required, tight, children }: FieldProps) {
  const { problemsAt } = useEditor();
  const pointer = pointerOf(path);
  const problems = problemsAt(pointer);
  return (
    <div data-pointer={pointer}>
      <Form.Item
        label={label}
        extra={extra}
        required={required}
        validateStatus={problems ? 'error' : undefined}
        help={problems?.join('；')}
        style={tight ? { marginBottom: 0 } : undefined}
      >
        {children}
      </Form.Item>
    </div>
  );
}

/** Problems about a whole part (e.g. a cohort's bands), shown above it. */
export function PartProblems({ path }: { path: Path }) {
  const { problemsAt } = useEditor();
  const pointer = pointerOf(path);
  const problems = problemsAt(pointer);
  return (
    <div data-pointer={pointer}>
      {problems && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={problems.length === 1 ? problems[0] : undefined}
          description={
            problems.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </div>
  );
}

/** A text bound to a path; `optional`: an empty text removes the property. */
export function TextInput({
  path,
  optional,
  textArea,
  maxLength,
  placeholder,
  testId,
  lang = path.at(-1) === 'zh' ? 'zh-CN' : undefined,
}: {
  path: Path;
  optional?: boolean;
  textArea?: boolean;
  maxLength?: number;
  placeholder?: string;
  testId?: string;
  /** The language of the text the box holds (a Chinese name: zh-CN, whatever the UI language). */
  lang?: 'zh-CN' | 'en';
}) {
  const { method, set } = useEditor();
  const raw = getAt(method, path);
  const value = typeof raw === 'string' ? raw : '';
  const onChange = (text: string) => set(path, optional && text === '' ? undefined : text);
  return textArea ? (
    <Input.TextArea
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoSize={{ minRows: 2, maxRows: 8 }}
      maxLength={maxLength}
      showCount={!!maxLength}
      placeholder={placeholder}
      data-testid={testId}
      lang={lang}
    />
  ) : (
    <Input
      value={value}
      onChange={(e) => onChange(e.target.value)}
      maxLength={maxLength}
      placeholder={placeholder}
      data-testid={testId}
      lang={lang}
    />
  );
}

type NumberProps = Omit<InputNumberProps<number>, 'value' | 'onChange'> & {
  path: Path;
  /** What an empty box stores: null, or nothing (the property is removed). */
  empty?: 'null' | 'remove';
  /** Shown value = stored × scale (percentages of shares). */
  toShown?: (stored: number) => number;
  toStored?: (shown: number) => number;
  testId?: string;
};

/** A number bound to a path. */
export function NumberInput({
  path,
  empty = 'null',
  toShown,
  toStored,
  testId,
  style,
  ...rest
}: NumberProps) {
  const { method, set } = useEditor();
  const raw = getAt(method, path);
  const value = typeof raw === 'number' ? (toShown ? toShown(raw) : raw) : null;
  return (
    <InputNumber<number>
      {...rest}
      style={{ width: '100%', ...style }}
      value={value}
      onChange={(v) =>
        set(
          path,
          typeof v === 'number' ? (toStored ? toStored(v) : v) : empty === 'remove' ? undefined : null,
        )
      }
      data-testid={testId}
    />
  );
}

/** A choice bound to a path. */
export function ChoiceInput<V extends string>({
  path,
  options,
  allowEmpty,
  testId,
  style,
}: {
  path: Path;
  options: { value: V; label: ReactNode }[];
  /** A choice meaning "not set" (the property is removed), with its label. */
  allowEmpty?: ReactNode;
  testId?: string;
  style?: CSSProperties;
}) {
  const { method, set } = useEditor();
  const raw = getAt(method, path) as V | undefined;
  const EMPTY = '\u0000';
  const all = allowEmpty ? [{ value: EMPTY, label: allowEmpty }, ...options] : options;
  return (
    <Select<V | typeof EMPTY>
      style={{ width: '100%', ...style }}
      value={raw === undefined ? (allowEmpty ? EMPTY : undefined) : raw}
      options={all.map((o) => ({ value: o.value, label: o.label }))}
      onChange={(v) => set(path, v === EMPTY ? undefined : v)}
      data-testid={testId}
    />
  );
}

/** What a field around an input takes (see `Field`). */
type Around = { label?: ReactNode; extra?: ReactNode; required?: boolean; tight?: boolean };

/** A labelled number field (`Field` + `NumberInput` on the same path). */
export function NumberField({ label, extra, required, tight, ...input }: NumberProps & Around) {
  return (
    <Field path={input.path} label={label} extra={extra} required={required} tight={tight}>
      <NumberInput {...input} />
    </Field>
  );
}

/** A labelled text field (`Field` + `TextInput` on the same path). */
export function TextField({
  label,
  extra,
  required,
  tight,
  ...input
}: Parameters<typeof TextInput>[0] & Around) {
  return (
    <Field path={input.path} label={label} extra={extra} required={required} tight={tight}>
      <TextInput {...input} />
    </Field>
  );
}

/** A labelled choice (`Field` + `ChoiceInput` on the same path). */
export function ChoiceField<V extends string>({
  label,
  extra,
  required,
  tight,
  ...input
}: Parameters<typeof ChoiceInput<V>>[0] & Around) {
  return (
    <Field path={input.path} label={label} extra={extra} required={required} tight={tight}>
      <ChoiceInput<V> {...input} />
    </Field>
  );
}
