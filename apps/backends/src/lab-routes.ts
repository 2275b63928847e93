/** The routes every backend answers, for any method: server01's, with its bodies, so a lesson reads the same answers. */
import { API_ROUTES, DATA_BODY, SESSION_COOKIE } from '@cors-lab/shared';

export interface BackendRoute {
  readonly path: string;
  readonly body: string;
  /** A Set-Cookie line the route sends. */
  readonly setCookie?: string;
}

/** server01's routes; `session` is the value the login route's cookie carries. */
export function labRoutes(session: string): BackendRoute[] {
  return [
    { path: API_ROUTES.data, body: DATA_BODY },
    {
      path: API_ROUTES.login,
      body: 'logged in: server01 set a session cookie',
      setCookie: `${SESSION_COOKIE}=${session}; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`,
    },
    {
      path: API_ROUTES.logout,
      body: 'logged out: server01 cleared the session cookie',
      setCookie: `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`,
    },
  ];
}
