import type { ServerResponse } from 'node:http';
import type { LoginTicket } from '../contract.js';
import type { Auth } from '../auth.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';

/** Builds one-time login URLs for a base URL such as http://127.0.0.1:8740. */
export function loginUrlFor(auth: Auth, baseUrl: string): LoginTicket {
  const { ticket, expiresAt } = auth.createTicket();
  return { url: `${baseUrl}/login?ticket=${ticket}`, expiresAt: expiresAt.toISOString() };
}

/** `GET /login?ticket=…` is public: it trades a valid ticket for the session cookie. */
export function loginRoute(auth: Auth): Route {
  return {
    method: 'GET',
    path: '/login',
    handler: ({ url, res }) => {
      const ticket = url.searchParams.get('ticket') ?? '';
      if (!auth.redeem(ticket)) {
        sendLoginPage(
          res,
          401,
          'This login link has expired or was already used. Run `skiff up` (or open the Skiff app) for a new one.',
        );
        return;
      }
      res.writeHead(302, {
        location: '/',
        'set-cookie': auth.sessionCookie(),
        'cache-control': 'no-store',
      });
      res.end();
    },
  };
}

/** `POST /api/v1/login-tickets`: a signed-in client (the CLI) asks for a login URL. */
export function loginTicketRoute(auth: Auth, baseUrl: () => string): Route {
  return {
    method: 'POST',
    path: '/api/v1/login-tickets',
    handler: ({ res }) => sendJson(res, 201, loginUrlFor(auth, baseUrl())),
  };
}

export function sendLoginPage(res: ServerResponse, status: number, message: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Skiff · Sign in</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font:16px system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<main><h1>Skiff</h1><p>${escapeHtml(message)}</p></main></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
