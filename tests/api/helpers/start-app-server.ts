import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import * as healthRoute from "../../../app/api/health/route";
import * as sceneHistoryExportRoute from "../../../app/api/export/scenes/[id]/history/route";
import * as runRowsExportRoute from "../../../app/api/export/syncs/[jobId]/rows/route";
import * as sceneRestoreRoute from "../../../app/api/scenes/[id]/restore/route";
import * as sceneSyncLogsRoute from "../../../app/api/scenes/[id]/sync-logs/route";
import * as stashHookRoute from "../../../app/api/stash-hook/route";
import * as trpcRoute from "../../../app/api/trpc/[trpc]/route";
import { proxy } from "../../../proxy";

export interface AppServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export interface AppServerOptions {
  /** Skip the proxy, to show the handlers refuse on their own (defense in depth). */
  withoutProxy?: boolean;
}

/**
 * The app's HTTP surface on a real socket, without a Next build: each request goes through
 * proxy.ts first, as Next runs it, then to the same route handlers Next would call (the tRPC
 * fetch handler, the sync-logs, restore and Stash hook routes, the exports, the health check).
 * Pages and server actions need
 * Next itself; here they reach only the proxy, which decides about them before any page code
 * runs.
 */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  return startHttpServer(async (request) => {
    if (!options.withoutProxy) {
      // A clone: building a NextRequest from a Request takes over its body.
      const gate = proxy(new NextRequest(request.clone()));
      // NextResponse.next() marks "carry on to the route" with this header.
      if (gate.headers.get("x-middleware-next") !== "1") return gate;
    }
    return route(request);
  });
}

/** Any fetch-style handler on a real socket on 127.0.0.1. */
export async function startHttpServer(
  handle: (request: Request) => Promise<Response>,
): Promise<AppServer> {
  const server = createServer((req, res) => {
    void toRequest(req)
      .then(handle)
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`test server: ${String(error)}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function route(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/api/trpc/")) {
    if (request.method === "GET") return trpcRoute.GET(request);
    if (request.method === "POST") return trpcRoute.POST(request);
  }
  if (pathname === "/api/health") {
    return request.method === "GET" ? healthRoute.GET() : new Response(null, { status: 405 });
  }
  if (pathname === "/api/stash-hook") {
    if (request.method !== "POST") return new Response(null, { status: 405 });
    return stashHookRoute.POST(request, { params: Promise.resolve({}) });
  }
  const syncLogs = /^\/api\/scenes\/([^/]+)\/sync-logs$/.exec(pathname);
  if (syncLogs?.[1] !== undefined) {
    if (request.method !== "GET") return new Response(null, { status: 405 });
    const id = decodeURIComponent(syncLogs[1]);
    return sceneSyncLogsRoute.GET(request, { params: Promise.resolve({ id }) });
  }
  const sceneRestore = /^\/api\/scenes\/([^/]+)\/restore$/.exec(pathname);
  if (sceneRestore?.[1] !== undefined) {
    if (request.method !== "POST") return new Response(null, { status: 405 });
    const id = decodeURIComponent(sceneRestore[1]);
    return sceneRestoreRoute.POST(request, { params: Promise.resolve({ id }) });
  }
  const sceneExport = /^\/api\/export\/scenes\/([^/]+)\/history$/.exec(pathname);
  if (sceneExport?.[1] !== undefined) {
    const id = decodeURIComponent(sceneExport[1]);
    return sceneHistoryExportRoute.GET(request, { params: Promise.resolve({ id }) });
  }
  const runExport = /^\/api\/export\/syncs\/([^/]+)\/rows$/.exec(pathname);
  if (runExport?.[1] !== undefined) {
    const jobId = decodeURIComponent(runExport[1]);
    return runRowsExportRoute.GET(request, { params: Promise.resolve({ jobId }) });
  }
  return Response.json({ error: "not served by the test server" }, { status: 404 });
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

async function send(res: ServerResponse, response: Response) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}
