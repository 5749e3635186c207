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
 * with the same two `setPrototypeOf` calls behaves as express does, so the cost lies in the change
 * of prototype itself. Vaxa's server paused for such scavenges every 100–150 ms under load, which
 * set /api/health's p99 while Monte Carlo runs.
 *
 * Express still calls `setPrototypeOf`, but with the prototype the object already has, which
 * changes nothing.
 */
import { createServer, IncomingMessage, type Server, ServerResponse } from "node:http";
import type { Express } from "express";

/**
 * A constructor that builds what `base` builds, with `prototype` as the new object's prototype
 * (which must inherit from `base.prototype`). A function rather than a class: a class's instances
 * have the class's own prototype object, not a given one.
 */
function constructing<T extends abstract new (...args: never[]) => object>(base: T, prototype: object): T {
  function Constructor(...args: unknown[]): object {
    return Reflect.construct(base, args, Constructor);
  }
  Constructor.prototype = prototype;
  return Constructor as unknown as T;
}

/** An HTTP server that answers with `app` (not listening yet). */
export function createAppServer(app: Express): Server {
  return createServer(
    {
      IncomingMessage: constructing(IncomingMessage, app.request),
      ServerResponse: constructing(ServerResponse<IncomingMessage>, app.response),
    },
    app,
  );
}
