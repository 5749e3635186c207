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
    if (!token) return next(new HttpError(401, "the token is not valid: it is unknown or has been revoked", undefined, CHALLENGE));
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
