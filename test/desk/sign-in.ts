// Signing in to the desk of a running `digest serve` as an editor does: the sign-in form, the mailed link, its
// confirming button. Shared by the tests that drive the desk over HTTP.
import { simpleParser } from 'mailparser';
import { startSink, type Sink } from '../deliver/support.js';
import { startServe, type Listening } from '../helpers/serve.js';
import { CLI_TIMEOUT } from './workspace.js';

/** The CSRF token of the first form on a page. */
export const csrfOf = (html: string) => /name="csrf" value="([\w-]+)"/.exec(html)![1];
/** `name=value` of the cookie a response sets under `name`. */
export const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`))!;

/** A form post to serve, with a cookie, not following the redirect. */
export const deskPost = (serve: Listening, pathname: string, body: Record<string, string>, cookie: string) =>
  fetch(`${serve.url}${pathname}`, { method: 'POST', body: new URLSearchParams(body), headers: { Cookie: cookie }, redirect: 'manual' });

/** Sign `email` in to the desk: asks for the link, reads it from the next mail the sink receives, confirms it. */
export async function signInToDesk(serve: Listening, sink: Sink, email: string): Promise<{ response: Response; cookie: string }> {
  const form = await fetch(`${serve.url}/desk/login`);
  const before = sink.received.length;
  await deskPost(serve, '/desk/login', { csrf: csrfOf(await form.text()), email }, cookieOf(form, 'roundup_desk_form'));
  await sink.waitFor(() => sink.received.length > before, CLI_TIMEOUT);
  const link = /https:\/\/desk\.test(\/desk\/auth\/\S+)/.exec((await simpleParser(sink.received.at(-1)!.raw)).text ?? '')![1];
  const button = await fetch(`${serve.url}${link}`);
  const response = await deskPost(serve, '/desk/auth', { csrf: csrfOf(await button.text()), token: link.split('/').pop()! }, cookieOf(button, 'roundup_desk_form'));
  return { response, cookie: cookieOf(response, 'roundup_desk') };
}

/** A desk on a running `digest serve` of the workspace's config, mailing through a sink, with `email` signed in. */
export interface OpenDesk {
  sink: Sink;
  serve: Listening;
  cookie: string;
  close(): Promise<void>;
}

export async function openDesk(ws: { configFile: string; dir: string }, secret: string, email = 'ed@desk.test'): Promise<OpenDesk> {
  const sink = await startSink();
  const serve = await startServe(ws.configFile, ws.dir, { DIGEST_SECRET: secret, DIGEST_SMTP_URL: sink.url });
  const { cookie } = await signInToDesk(serve, sink, email);
  return {
    sink,
    serve,
    cookie,
    close: async () => {
      await serve.stop();
      await sink.close();
    },
  };
}
