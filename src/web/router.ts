// A small router over node:http: method + path pattern (`/u/:token`) → handler. Enough for the
// subscriber pages, /healthz, and the archive and feed routes added later.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** client address (the socket's, or the right-most X-Forwarded-For hop when the proxy is trusted) */
  ip: string;
}

export type Handler = (ctx: RequestContext) => void | Promise<void>;

interface Route {
  method: string;
  parts: string[];
  handler: Handler;
}

export type Match = { handler: Handler; params: Record<string, string> } | { allowed: string[] } | null;

export class Router {
  private readonly routes: Route[] = [];

  get(pattern: string, handler: Handler): this {
    return this.on('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.on('POST', pattern, handler);
  }

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), parts: split(pattern), handler });
    return this;
  }

  /** The handler for this request, or the methods the path allows (→ 405), or null (→ 404). */
  match(method: string, pathname: string): Match {
    const want = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
    const segments = split(pathname);
    const allowed: string[] = [];
    for (const r of this.routes) {
      const params = matchParts(r.parts, segments);
      if (!params) continue;
      if (r.method === want) return { handler: r.handler, params };
      allowed.push(r.method);
    }
    return allowed.length > 0 ? { allowed: [...new Set(allowed)] } : null;
  }
}

function split(p: string): string[] {
  return p.split('/').filter((s) => s !== '');
}

function matchParts(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(segments[i]);
      } catch {
        return null;
      }
    } else if (p !== segments[i]) {
      return null;
    }
  }
  return params;
}
