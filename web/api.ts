/**
 * A small client for the Vaxa server's API (`/api/openapi.json` describes it), used by the views.
 * Every failure becomes an {@link ApiError} carrying the server's own plain-words message.
 */
import type {
  ArchiveAnswer,
  CreateScenarioRequest,
  ForecastAnswer,
  MonteCarloAnswer,
  PackageListAnswer,
  PackageModelAnswer,
  PackageUploadAnswer,
  SavedAnswer,
  ScenarioListAnswer,
  UpdateScenarioRequest,
  Version,
  VersionListAnswer,
} from "../contract/api.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { Assumptions } from "../model/scenario.ts";
import { forecastFromColumns } from "../contract/forecast-columns.ts";
import { revivePackage } from "../contract/package-json.ts";

export type { Assumptions };
export type { PackageListItem, PackageUploadAnswer, ScenarioInfo, Version, VersionInfo } from "../contract/api.ts";

/** An answer of the API that is not 2xx. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

/** A file sent as it is (an uploaded package), not as JSON. */
interface FileBody {
  bytes: Uint8Array;
  name: string;
}

async function request<T>(
  method: string,
  url: string,
  options: { body?: unknown; file?: FileBody; token?: string | null; signal?: AbortSignal; reviver?: (key: string, value: unknown) => unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.file !== undefined) {
    headers["Content-Type"] = "application/octet-stream";
    headers["X-File-Name"] = encodeURIComponent(options.file.name);
  }
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.file !== undefined ? (options.file.bytes as BodyInit) : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as { name?: string }).name === "AbortError") throw error;
    throw new ApiError(0, `the server did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text, options.reviver);
  } catch {
    body = text;
  }
  if (!response.ok) {
    const message = (body as { error?: unknown } | undefined)?.error;
    throw new ApiError(response.status, typeof message === "string" ? message : `HTTP ${response.status}`, body);
  }
  return body as T;
}

const enc = encodeURIComponent;

/** A deterministic forecast's answer with its rows and totals as the views read them. */
type ForecastRows = Omit<ForecastAnswer, "result"> & { result: ForecastResult };

/** The answer with the columns the server sends turned back into rows. */
async function forecastRows(answer: Promise<ForecastAnswer>): Promise<ForecastRows> {
  const { result, ...rest } = await answer;
  return { ...rest, result: forecastFromColumns(result) };
}

export const api = {
  /** The package parsed by the server: what the browser runs the model with. */
  packageModel: (hash?: string) =>
    request<PackageModelAnswer>("GET", hash ? `/api/package/model/${enc(hash)}` : "/api/package/model", { reviver: revivePackage }),
  scenarios: () => request<ScenarioListAnswer>("GET", "/api/scenarios"),
  versions: (id: string) => request<VersionListAnswer>("GET", `/api/scenarios/${enc(id)}/versions`),
  version: (id: string, version: string | number) => request<Version>("GET", `/api/scenarios/${enc(id)}/versions/${enc(String(version))}`),
  versionForecast: (id: string, version: string | number) =>
    forecastRows(request<ForecastAnswer>("GET", `/api/scenarios/${enc(id)}/versions/${enc(String(version))}/forecast`)),
  forecast: (assumptions: Partial<Assumptions>, signal?: AbortSignal) =>
    forecastRows(request<ForecastAnswer>("POST", "/api/forecast", { body: { assumptions }, signal })),
  /** A Monte Carlo run, with the current package or the stored one `packageHash` names (a saved version's). */
  monteCarlo: (assumptions: Partial<Assumptions>, draws: number, seed: number, signal?: AbortSignal, packageHash?: string) =>
    request<MonteCarloAnswer>("POST", "/api/forecast", { body: { assumptions, monteCarlo: { draws, seed }, ...(packageHash ? { packageHash } : {}) }, signal }),
  createScenario: (token: string, body: CreateScenarioRequest) => request<SavedAnswer>("POST", "/api/scenarios", { body, token }),
  updateScenario: (token: string, id: string, body: UpdateScenarioRequest) =>
    request<SavedAnswer>("PUT", `/api/scenarios/${enc(id)}`, { body, token }),
  packages: () => request<PackageListAnswer>("GET", "/api/packages"),
  /** Uploads a package (a ZIP archive or an XLSX workbook); a package with errors is an ApiError whose body's `report` lists them. */
  uploadPackage: (token: string, file: FileBody) => request<PackageUploadAnswer>("POST", "/api/packages", { file, token }),
  /** Link to a stored package as a ZIP archive or an Excel workbook. */
  packageUrl: (hash: string, kind: "zip" | "xlsx") => `/api/packages/${enc(hash)}/package.${kind}`,
  setArchived: (token: string, id: string, archived: boolean) =>
    request<ArchiveAnswer>("POST", `/api/scenarios/${enc(id)}/${archived ? "archive" : "unarchive"}`, { token }),
  /** Link to a version's export (CSV of `table`, or XLSX). */
  exportUrl: (id: string, version: string, kind: "xlsx" | "csv", lang: "sv" | "en", table: "processes" | "totals" = "totals") =>
    kind === "xlsx"
      ? `/api/scenarios/${enc(id)}/versions/${enc(version)}/export.xlsx?lang=${lang}`
      : `/api/scenarios/${enc(id)}/versions/${enc(version)}/export.csv?table=${table}&${lang === "sv" ? "locale=sv" : "locale=en"}&lang=${lang}`,
  /** Link to a version's chart rendered as SVG on the server. */
  chartUrl: (id: string, version: string, chart: string, lang: "sv" | "en") =>
    `/api/scenarios/${enc(id)}/versions/${enc(version)}/charts/${enc(chart)}.svg?lang=${lang}`,
};
