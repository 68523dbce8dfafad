/** Route tests: log demo users in through the real login route and call the API as them. */
import { expect } from 'vitest';
import type { App } from '../platform/http';
import { DEMO_PASSWORD } from '../modules/demo/demo.seed';

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-csrf-token': '1' },
    payload: { username, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'yiyuan_session')!;
  return { cookie: `yiyuan_session=${cookie.value}`, csrf: res.json().csrfToken };
}

/** Logs the users in and returns `call(who, method, url, payload?, headers?)`. */
export async function asUsers(app: App, usernames: string[]) {
  const sessions: Record<string, Session> = {};
  for (const u of usernames) sessions[u] = await login(app, u);
  return (
    who: string,
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: sessions[who]!.cookie, 'x-csrf-token': sessions[who]!.csrf, ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
}

/** A multipart body carrying one file in the field "file", and its content type (route tests). */
export function multipartFile(content: Buffer, filename = '数据.xlsx') {
  const boundary = '----yiyuan' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    body: body as unknown as string,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
