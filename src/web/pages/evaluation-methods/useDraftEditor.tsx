import { useMemo, type Dispatch, type SetStateAction } from 'react';
import { validateMethod, type Method } from '../../../modules/evaluation/core/method';
import { useLang } from '../../lib/useLang';
import { METHOD_KEY_PATTERN, setAt, tabOf, type Path } from './draft';
import { type Editor } from './editorContext';
import { useProblemText } from './ProblemList';
import { tidyProblems, type ShownProblem } from './problems';

import type { Tab } from './MethodEditor';

interface Options {
  draft: Method;
  setDraft: Dispatch<SetStateAction<Method>>;
  editing: boolean;
  /** The key a new method is saved under (checked); undefined for a new version of a key. */
  checkKey: string | undefined;
  serverProblems: ShownProblem[];
  /** After any change of the draft. */
  changed: () => void;
}

/** Checks of the key the method is saved under (the server checks the same). */
function keyProblems(key: string): ShownProblem[] {
  if (key === '') return [{ path: '/key', zh: '', en: '', worded: { code: 'required' } }];
  if (!METHOD_KEY_PATTERN.test(key))
    return [{ path: '/key', zh: '', en: '', worded: { code: 'keyPattern' } }];
  return [];
}

/**
 * The draft under edit: its problems (own checks first, else the server's), the editor context the
 * sections edit it through, and the number of problems per tab and cohort.
 */
export function useDraftEditor({ draft, setDraft, editing, checkKey, serverProblems, changed }: Options) {
  const lang = useLang();
  const problemText = useProblemText();
  const problems = useMemo<ShownProblem[]>(() => {
    if (!editing) return [];
    const own = [
      ...(checkKey === undefined ? [] : keyProblems(checkKey)),
      ...tidyProblems(validateMethod(draft)),
    ];
    return own.length > 0 ? own : serverProblems;
  }, [editing, checkKey, draft, serverProblems]);

  const byPointer = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems) map.set(p.path, [...(map.get(p.path) ?? []), problemText(p)]);
    return map;
  }, [problems, problemText]);

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
    [draft, setDraft, editing, lang, byPointer, changed],
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

  return { problems, byPointer, editor, counts };
}
