/**
 * Tokens over HTTP (admin): GET /api/tokens, POST /api/tokens { name, role, expiresInDays? } (the
 * token is in the answer, once), DELETE /api/tokens/:id (revoke; never the last valid admin token).
 * `npm run token` does the same on the server.
 */
import type { Router } from "express";
import { actorOf, requireRole } from "../auth.ts";
import { lastAdminMessage } from "../db/token-store.ts";
import { HttpError } from "../http-error.ts";
import type { Services } from "../services.ts";
import { createTokenSchema } from "../validation.ts";
import { readBody } from "./common.ts";

export function tokenRoutes(api: Router, services: Services): void {
  const admin = requireRole("admin", "managing tokens");
  const { tokens } = services;

  api.get("/tokens", admin, (_req, res) => {
    res.json({ tokens: tokens.list() });
  });

  api.post("/tokens", admin, (req, res) => {
    const body = readBody(createTokenSchema, req.body);
    const { expiresInDays } = body;
    const { token, record } = tokens.create(body.name, body.role, actorOf(req, res), expiresInDays === undefined ? {} : { expiresInDays });
    res.status(201).json({ token, record, note: "the token is shown only now: give it to its holder; the server keeps only its hash" });
  });

  api.delete("/tokens/:id", admin, (req, res) => {
    const text = String(req.params.id);
    if (!/^[1-9]\d{0,15}$/.test(text)) throw new HttpError(400, `"${text.slice(0, 40)}" is not a token id: expected a whole number such as 3`);
    const id = Number(text);
    const outcome = tokens.revoke(id, actorOf(req, res));
    if (outcome === "not-found") throw new HttpError(404, `there is no token ${id}`);
    if (outcome === "already-revoked") throw new HttpError(409, `token ${id} is already revoked`);
    if (outcome === "last-admin") throw new HttpError(409, lastAdminMessage(id));
    res.json({ revoked: tokens.get(id) });
  });
}
