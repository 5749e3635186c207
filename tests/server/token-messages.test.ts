/**
 * `npm run token` in Swedish (the default) and English (server/token-messages.ts), run in the
 * test's process on a database in a temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tokenCommand } from "../../server/token-command.ts";

let dir: string;
let saved: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "vaxa-token-"));
  saved = process.env.VAXA_DATA_DIR;
  process.env.VAXA_DATA_DIR = dir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.VAXA_DATA_DIR;
  else process.env.VAXA_DATA_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

function token(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = tokenCommand(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("npm run token in Swedish and English", () => {
  it("answers --help and -h with every flag, in Swedish by default", () => {
    const sv = token("--help");
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/^Användning:\n {2}npm run token -- create --role viewer\|planner\|admin --name "<vem som har den>"/);
    for (const flag of ["--role viewer|planner|admin", "--name <vem som har den>", "--expires-in-days <dagar>", "-h, --help", "--lang sv|en"]) expect(sv.stdout).toContain(flag);
    const en = token("-h", "--lang", "en");
    expect(en.stdout).toMatch(/^Usage:\n/);
    expect(en.stdout).toMatch(/--expires-in-days <days> +how many days the token is valid/);
  });

  it("creates, lists and revokes in Swedish, refuses in Swedish", () => {
    expect(token("create", "--role", "admin", "--name", "Ada").stdout).toMatch(/^Skapade token 1 för Ada \(admin\)\. Den visas bara nu:/);
    expect(token("create", "--role", "viewer", "--name", "Bo").code).toBe(0);
    expect(token("list").stdout).toMatch(/2\s+viewer\s+giltig\s+Bo\s+\(skapad \S+ av cli:/);
    expect(token("revoke", "2").stdout).toBe("Återkallade token 2 (Bo, viewer).\n");
    const last = token("revoke", "1");
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/^token 1 är den sista giltiga admin-tokenen och får stå kvar/);
    expect(token("create", "--role", "boss", "--name", "X").stderr).toMatch(/^--role måste vara en av viewer, planner, admin, inte ”boss”/);
    expect(token("remove").stderr).toMatch(/^okänt kommando ”remove” \(kända: create, revoke, list\)/);
  });

  it("refuses an unknown flag, naming the known ones", () => {
    const sv = token("list", "--nam", "x");
    expect(sv).toMatchObject({ code: 1, stderr: "okänd flagga --nam (kända: --role, --name, --expires-in-days, --help, --lang)\nSkriv --help för att se alla flaggor.\n" });
  });
});
