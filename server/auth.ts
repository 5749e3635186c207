/**
 * Access: bearer tokens with the roles viewer, planner and admin. Reads are open or need any
 * token (configuration `VAXA_OPEN_READS`); writes always need planner or admin.
 */
import type { NextFunction, Request, Response } from "express";
import type { Actor } from "./db/audit-log.ts";
import { type Role, roleAtLeast, type TokenRecord, type TokenStore, tokenActor } from "./db/token-store.ts";
import { HttpError, requestId } from "./http-error.ts";

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="vaxa"' };

/** The token a request carries, checked once per request and kept in `res.locals.token`. */
export function authenticate(tokens: TokenStore) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,200})\s*$/i.exec(header);
    if (!match) {
      return next(new HttpError(401, 'the Authorization header must be "Bearer <token>"', undefined, CHALLENGE));
    }
    const token = tokens.verify(match[1]!);
    if (!token) {
      const expiredAt = tokens.find(match[1]!)?.expiresAt;
      const message = expiredAt
        ? `the token expired at ${expiredAt}; ask an administrator for a new one`
        : "the token is not valid: it is unknown or has been revoked";
      return next(new HttpError(401, message, undefined, CHALLENGE));
    }
    res.locals.token = token;
    next();
  };
}

/** The checked token of this request, if it has one. */
export function currentToken(res: Response): TokenRecord | undefined {
  return res.locals.token as TokenRecord | undefined;
}

const WHO: Record<Role, string> = {
  viewer: "any valid token (viewer, planner or admin)",
  planner: "a planner or admin token",
  admin: "an admin token",
};

/** Refuses the request unless it carries a token with at least `role`. */
export function requireRole(role: Role, what: string) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const token = currentToken(res);
    if (!token) {
      return next(
        new HttpError(401, `${what} needs ${WHO[role]}: send the header Authorization: Bearer <token>`, undefined, CHALLENGE),
      );
    }
    if (!roleAtLeast(token.role, role)) {
      return next(new HttpError(403, `${what} needs ${WHO[role]}; your token (${token.name}) has the role ${token.role}`));
    }
    next();
  };
}

/** Reads: open, or any valid token when reads are protected. */
export function readAccess(openReads: boolean) {
  const protectedRead = requireRole("viewer", "reading");
  return (req: Request, res: Response, next: NextFunction): void => {
    if (openReads) return next();
    protectedRead(req, res, next);
  };
}

/** Who is acting in this request, for the audit log. */
export function actorOf(req: Request, res: Response): Actor {
  const token = currentToken(res);
  return {
    name: token ? tokenActor(token) : "anonymous",
    requestId: requestId(res),
    ...(req.ip ? { ip: req.ip } : {}),
  };
}

/**
 * Monte Carlo: open like other reads for summaries of at most `openMonteCarloDraws` draws (what
 * the web app asks for); larger runs and Arrow answers need any valid token (viewer or more),
 * unless `openMonteCarlo` opens them all.
 *
 * @returns a check that throws 401 for a request that needs a token and has none.
 */
export function requireMonteCarloAccess(config: { openMonteCarlo: boolean; openMonteCarloDraws: number }) {
  const limit = config.openMonteCarloDraws;
  return (res: Response, run: { draws: number; arrow: boolean }): void => {
    if (config.openMonteCarlo || currentToken(res) || (!run.arrow && run.draws <= limit)) return;
    const what = run.arrow ? "a Monte Carlo run answered as Arrow" : `a Monte Carlo run of more than ${limit} draws`;
    const free = limit > 0 ? `; summaries of up to ${limit} draws need none` : "";
    throw new HttpError(401, `${what} needs ${WHO.viewer}: send the header Authorization: Bearer <token>${free}`, undefined, CHALLENGE);
  };
}

/** Who a request with this token counts against in per-client limits. */
export function tokenClient(token: TokenRecord): string {
  return `token ${token.id}`;
}

/** Who a request counts against in per-client limits: its token, or its address without one. */
export function clientOf(req: Request, res: Response): string {
  const token = currentToken(res);
  return token ? tokenClient(token) : `address ${req.ip ?? "unknown"}`;
}
