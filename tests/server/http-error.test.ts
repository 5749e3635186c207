/**
 * The one error answer (server/http-error.ts): the model's refusal to give a result that is not
 * finite (model/finite.ts) is the client's assumptions at fault, a 422 naming the number, never a
 * 500. (The table of bounds keeps requests from getting there; this is the last guard.)
 */
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { NonFiniteResultError } from "../../model/finite.ts";
import { errorHandler } from "../../server/http-error.ts";
import { createLogger } from "../../server/logger.ts";

describe("errorHandler", () => {
  it("answers 422 for a result that would not be finite, with the model's message", async () => {
    const app = express();
    app.get("/x", () => {
      throw new NonFiniteResultError("totalFte of permits in 2031", Infinity);
    });
    app.use(errorHandler(createLogger("silent")));
    const res = await request(app).get("/x").expect(422);
    expect(res.body.error).toMatch(/^the results cannot be computed: totalFte of permits in 2031 is Infinity, not a finite number\./);
    expect(res.body.problems).toEqual([{ path: "assumptions", message: res.body.error }]);
  });
});
