import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { handleSaveError, type EditFormOptions } from './useEditForm';

/** A stand-in for the antd form: records the field errors set and the field scrolled to. */
function fakeForm() {
  const errors = new Map<string, string[]>();
  const scrolled: string[] = [];
  return {
    errors,
    scrolled,
    setFields: (list: { name: unknown; errors?: string[] }[]) => {
      for (const f of list) errors.set(String(f.name), f.errors ?? []);
    },
    getFieldError: (name: unknown) => errors.get(String(name)) ?? [],
    scrollToField: (name: unknown) => void scrolled.push(String(name)),
  };
}

const OPTIONS: EditFormOptions = {
  fields: ['name', 'scaleMode', 'address'],
  fieldOf: (e) => (e.code === 'DUPLICATE_NAME' ? 'name' : undefined),
  renameField: (field) => field.replace(/^\/?scaleOverride/, 'scaleMode'),
};

const detail = (field: string, zh: string, en: string) => ({ field, code: 'invalid', zh, en });

describe('handleSaveError', () => {
  it('a stale version is a conflict, nothing else', () => {
    const form = fakeForm();
    const e = new ApiError(409, 'VERSION_CONFLICT', '已被他人修改', 'Changed by someone else');
    expect(handleSaveError(form, e, 'zh-CN', OPTIONS)).toBe('conflict');
    expect(form.errors.size).toBe(0);
  });

  it('an error that belongs to one field goes on it, in the current language', () => {
    const form = fakeForm();
    const e = new ApiError(409, 'DUPLICATE_NAME', '名称已存在', 'Name already exists');
    expect(handleSaveError(form, e, 'en', { ...OPTIONS, scrollToError: true })).toBeUndefined();
    expect(form.errors.get('name')).toEqual(['Name already exists']);
    expect(form.scrolled).toEqual(['name']);
  });

  it('field messages land on the fields (renamed where the form names them otherwise)', () => {
    const form = fakeForm();
    const e = new ApiError(400, 'VALIDATION', '校验失败', 'Invalid', [
      detail('/scaleOverride', '规模不对', 'Bad scale'),
      detail('/address', '地址太长', 'Address too long'),
    ]);
    expect(handleSaveError(form, e, 'zh-CN', OPTIONS)).toBeUndefined();
    expect(form.errors.get('scaleMode')).toEqual(['规模不对']);
    expect(form.errors.get('address')).toEqual(['地址太长']);
  });

  it('messages for no field are listed above the form, or the error shown whole', () => {
    const e = new ApiError(400, 'VALIDATION', '校验失败', 'Invalid', [
      detail('/name', '必填', 'Required'),
      detail('/other', '不认识', 'Unknown'),
    ]);
    const listed = handleSaveError(fakeForm(), e, 'zh-CN', OPTIONS);
    expect(listed).toEqual({ error: expect.any(ApiError) });
    const shown = (listed as { error: ApiError }).error;
    expect([shown.zh, shown.en]).toEqual(['/other: 不认识', '/other: Unknown']);
    expect(handleSaveError(fakeForm(), e, 'zh-CN', { ...OPTIONS, unmatched: 'error' })).toEqual({ error: e });
  });

  it('an error without details, or not from the server, is shown above the form', () => {
    const e = new ApiError(500, 'INTERNAL', '服务器错误', 'Server error');
    expect(handleSaveError(fakeForm(), e, 'zh-CN', OPTIONS)).toEqual({ error: e });
    const network = new TypeError('Failed to fetch');
    expect(handleSaveError(fakeForm(), network, 'zh-CN', OPTIONS)).toEqual({ error: network });
  });
});
