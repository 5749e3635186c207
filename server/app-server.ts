/**
 * The HTTP server for an express app, with each request and response born with the app's own
 * prototypes (`app.request`, `app.response`).
 *
 * Express gives every request and response the app's prototypes with `Object.setPrototypeOf` when
 * it starts handling them (express 5.3, `application.js` `app.handle`). On Node 20 that change of
 * prototype makes much of what the request allocates survive the young generation's garbage
 * collections: measured with `--trace-gc-nvp` under autocannon (10 connections, issue 12), a bare
 * express app promoted 1.9–3.3 MB to the old generation in each scavenge and each scavenge took
 * 17–21 ms; with this server nothing was promoted and a scavenge took 0.7 ms. Plain `node:http`
 * with the same two `setPrototypeOf` calls promoted 0.36 MB a scavenge where it promoted nothing
 * without them, so the cost lies in the change of prototype itself, not in express's own code.
 * Vaxa's server paused for such scavenges every 100–150 ms under load, which set /api/health's p99
 * while Monte Carlo runs.
 *
 * Express still calls `setPrototypeOf`, but with the prototype the object already has, which
 * changes nothing.
 */
import { createServer, IncomingMessage, type Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Express } from "express";

/**
 * Node's own constructors, which are plain functions on Node 20 (`_http_incoming.js`,
 * `_http_server.js`): one can initialise an object that another function's `new` created. Were
 * they ever classes, calling one this way would throw on the first request, and this module's
 * tests would fail.
 */
const initRequest = IncomingMessage as unknown as (this: IncomingMessage, socket: Socket) => void;
const initResponse = ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, options: object) => void;

/**
 * An HTTP server that answers with `app` (not listening yet).
 *
 * The constructors are functions whose `prototype` is the app's object, and they call Node's
 * constructors on the new object. `Reflect.construct` with the app's object as `new.target`'s
 * prototype would do the same in one line, but measured 2–3× slower at p50 and p99 (/api/health
 * alone, 3 alternating runs), like the `setPrototypeOf` it replaces.
 */
export function createAppServer(app: Express): Server {
  function AppRequest(this: IncomingMessage, socket: Socket): void {
    initRequest.call(this, socket);
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: ServerResponse, req: IncomingMessage, options: object): void {
    initResponse.call(this, req, options);
  }
  AppResponse.prototype = app.response;
  return createServer({ IncomingMessage: AppRequest as unknown as typeof IncomingMessage, ServerResponse: AppResponse as unknown as typeof ServerResponse }, app);
}
