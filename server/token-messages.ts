/**
 * What `npm run token` prints, in Swedish (the default) and English: one table per language, the
 * English one typed by the Swedish one so that it cannot miss a text.
 */
import type { Lang } from "../contract/locale.ts";
import { commandLineWords } from "../io/command-line.ts";
import { lastAdminMessage } from "./db/token-store.ts";

const SV_PLACEHOLDERS = new Map([
  ["<days>", "<dagar>"],
  ["<who holds it>", "<vem som har den>"],
]);

const sv = {
  cli: commandLineWords("sv", SV_PLACEHOLDERS),
  help: {
    usage: (roles: string) => [
      `npm run token -- create --role ${roles} --name "<vem som har den>" [--expires-in-days <dagar>]`,
      "npm run token -- revoke <id>",
      "npm run token -- list",
    ],
    summary: (days: number) =>
      "Skapar, listar och återkallar serverns bärartoken i databasen under VAXA_DATA_DIR (standard ./var). En ny token visas bara en gång; " +
      `databasen sparar bara dess hash. En token utan --expires-in-days går inte ut (högst ${days} dagar).`,
    flags: {
      role: "tokenens roll: viewer (läsa), planner (spara scenarier) eller admin (hantera tokens)",
      name: "vem som har tokenen (1 till 120 tecken)",
      "expires-in-days": "hur många dagar tokenen gäller",
      help: "visar den här hjälpen",
      lang: "språket på allt kommandot skriver: sv (svenska) eller en (engelska)",
    },
  },
  invalidLang: (value: string) => `ogiltigt värde för --lang: ”${value}” (giltiga: sv, en)`,
  role: (roles: string, role: string | undefined) => `--role måste vara en av ${roles}${role ? `, inte ”${role}”` : ""}`,
  nameLength: (max: number) => `--name måste säga vem som har tokenen, med 1 till ${max} tecken`,
  nameCharacters: "--name får inte innehålla styrtecken (radbrytningar, tabbar, escape-koder) eller osynliga formateringstecken",
  expiry: (days: number, text: string) => `--expires-in-days måste vara ett helt antal dagar från 1 till ${days}, inte ”${text}”`,
  created: (id: number, name: string, role: string, until: string | null) =>
    `Skapade token ${id} för ${name} (${role})${until ? `, giltig till ${until}` : ""}. Den visas bara nu:`,
  header: "Använd den som huvudet",
  revokeNeedsId: "revoke behöver tokenens id, ett heltal (se npm run token -- list)",
  noToken: (id: number) => `det finns ingen token ${id}`,
  alreadyRevoked: (id: number, name: string, at: string | null) => `token ${id} (${name}) återkallades redan ${at}`,
  lastAdmin: (id: number) =>
    `token ${id} är den sista giltiga admin-tokenen och får stå kvar: utan den kan ingen hantera tokens över HTTP; skapa en annan admin-token först`,
  revoked: (id: number, name: string, role: string) => `Återkallade token ${id} (${name}, ${role}).`,
  none: "Inga tokens än. Servern skapar en admin-token vid sin första start.",
  stateRevoked: (at: string) => `återkallad ${at}`,
  stateValid: "giltig",
  stateValidUntil: (at: string) => `giltig till ${at}`,
  stateExpired: (at: string | null) => `utgången ${at}`,
  createdBy: (at: string, by: string) => `(skapad ${at} av ${by})`,
  unknownCommand: (command: string) => `okänt kommando ”${command}” (kända: create, revoke, list)`,
};

/** The texts of one language. */
export type TokenMessages = typeof sv;

const en: TokenMessages = {
  cli: commandLineWords("en", SV_PLACEHOLDERS),
  help: {
    usage: (roles) => [
      `npm run token -- create --role ${roles} --name "<who holds it>" [--expires-in-days <days>]`,
      "npm run token -- revoke <id>",
      "npm run token -- list",
    ],
    summary: (days) =>
      "Creates, lists and revokes the server's bearer tokens in the database under VAXA_DATA_DIR (default ./var). A new token is shown " +
      `once; the database keeps only its hash. A token without --expires-in-days does not expire (at most ${days} days).`,
    flags: {
      role: "the token's role: viewer (read), planner (save scenarios) or admin (manage tokens)",
      name: "who holds the token (1 to 120 characters)",
      "expires-in-days": "how many days the token is valid",
      help: "shows this help",
      lang: "the language of everything the command prints: sv (Swedish) or en (English)",
    },
  },
  invalidLang: (value) => `invalid lang: "${value}" (expected one of sv, en)`,
  role: (roles, role) => `--role must be one of ${roles}${role ? `, not "${role}"` : ""}`,
  nameLength: (max) => `--name must say who holds the token, in 1 to ${max} characters`,
  nameCharacters: "--name must not contain control characters (line breaks, tabs, escape codes) or invisible formatting characters",
  expiry: (days, text) => `--expires-in-days must be a whole number of days from 1 to ${days}, not "${text}"`,
  created: (id, name, role, until) => `Created token ${id} for ${name} (${role})${until ? `, valid until ${until}` : ""}. It is shown only now:`,
  header: "Use it as the header",
  revokeNeedsId: "revoke needs the token's id, a whole number (see npm run token -- list)",
  noToken: (id) => `there is no token ${id}`,
  alreadyRevoked: (id, name, at) => `token ${id} (${name}) was already revoked at ${at}`,
  lastAdmin: lastAdminMessage,
  revoked: (id, name, role) => `Revoked token ${id} (${name}, ${role}).`,
  none: "No tokens yet. The server creates an admin token on its first start.",
  stateRevoked: (at) => `revoked ${at}`,
  stateValid: "valid",
  stateValidUntil: (at) => `valid until ${at}`,
  stateExpired: (at) => `expired ${at}`,
  createdBy: (at, by) => `(created ${at} by ${by})`,
  unknownCommand: (command) => `unknown command "${command}" (known: create, revoke, list)`,
};

export const TOKEN_MESSAGES: Record<Lang, TokenMessages> = { sv, en };
