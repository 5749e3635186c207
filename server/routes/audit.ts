/** GET /api/audit?limit=100&before=<entry id> — the audit log, newest first (admin). */
import type { Router } from "express";
import { z } from "zod";
import { requireRole } from "../auth.ts";
import { invalidRequest } from "../http-error.ts";
import type { Services } from "../services.ts";
import { parseWith } from "../validation.ts";

const query = z.object({
  limit: z.coerce.number({ error: "must be a whole number from 1 to 1000" }).int("must be a whole number from 1 to 1000").min(1, "must be a whole number from 1 to 1000").max(1000, "must be a whole number from 1 to 1000").default(100),
  before: z.coerce.number({ error: "must be an audit entry id (a whole number ≥ 1)" }).int("must be an audit entry id (a whole number ≥ 1)").min(1, "must be an audit entry id (a whole number ≥ 1)").optional(),
});

export function auditRoutes(api: Router, services: Services): void {
  api.get("/audit", requireRole("admin", "reading the audit log"), (req, res) => {
    const parsed = parseWith(query, req.query);
    if (!parsed.ok) throw invalidRequest(parsed.problems);
    res.json({ entries: services.audit.list(parsed.value.limit, parsed.value.before) });
  });
}
