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
