/**
 * Data packages stored on the server, content-addressed and immutable:
 *
 * - POST /api/packages                        upload (planner): a ZIP archive of the package folder or
 *                                             an Excel workbook in the package layout, as the raw body;
 *                                             201 stored, 200 already stored, 422 with every finding
 * - GET  /api/packages                        list: the current package and every one uploaded or saved with
 * - GET  /api/packages/:hash/package.zip      download as a ZIP archive
 * - GET  /api/packages/:hash/package.xlsx     download as an Excel workbook (one sheet per file)
 *
 * An upload is read by the same decoder and parser as the command line (`io/package-upload.ts`,
 * `model/parse-package.ts`), so its errors, warnings and notes name the same file, line and field.
 * A valid package is stored under its hash; a scenario version computed with it names it
 * (`packageHash` in POST and PUT /api/scenarios).
 */
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import type { LoadedPackage, PackageListAnswer, PackageUploadAnswer } from "../../contract/api.ts";
import { modelFiles, packageHash, shortId } from "../../io/content-hash.ts";
import { writePackageArchive } from "../../io/package-archive.ts";
import { readUploadedPackage, UnreadableUploadError } from "../../io/package-upload.ts";
import { writePackageWorkbook } from "../../io/package-workbook.ts";
import { byteText } from "../../model/package-limits.ts";
import type { PackageFinding } from "../../model/package-error.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { actorOf, readAccess, requireRole } from "../auth.ts";
import { slug } from "../db/scenario-store.ts";
import { HttpError } from "../http-error.ts";
import type { Services } from "../services.ts";

/** The uploaded file's name from `X-File-Name` (URL-encoded by the browser), cleaned for the record; null without one. */
function fileNameOf(req: Request): string | null {
  const header = req.get("X-File-Name");
  if (header === undefined || header === "") return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    name = header;
  }
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001F\u007F-\u009F]/g, "").slice(0, 200) || null;
}

/** The stored package a URL names by its hash or its 12-digit id, or 400/404. */
export function storedPackage(services: Services, text: string): LoadedPackage {
  const wanted = text.toLowerCase();
  if (!/^([0-9a-f]{12}|[0-9a-f]{64})$/.test(wanted)) {
    throw new HttpError(400, `"${text.slice(0, 80)}" is not a package hash: expected 64 hex digits (or the 12-digit package id)`);
  }
  const hash = services.packages.list().find((p) => p.hash === wanted || shortId(p.hash) === wanted)?.hash;
  const loaded = hash === undefined ? undefined : services.model.package(hash);
  if (loaded === undefined) throw new HttpError(404, `no data package ${wanted} is stored on this server; GET /api/packages lists them`);
  return loaded;
}

/**
 * The upload route. It reads its own body (raw bytes, up to `VAXA_MAX_UPLOAD_BYTES`), so it is
 * mounted before the API's JSON body parser.
 */
export function packageUploadRoutes(api: Router, services: Services): void {
  const { config, packages, audit } = services;
  const limit = config.maxUploadBytes;
  const tooLarge = (error: unknown, _req: Request, _res: Response, next: NextFunction) => {
    if ((error as { type?: string }).type === "entity.too.large") {
      return next(new HttpError(413, `the uploaded file is larger than the limit of ${byteText(limit)} for a data package; a package's own files come to a few hundred kB: leave out other files, or ask an administrator to raise VAXA_MAX_UPLOAD_BYTES`));
    }
    next(error);
  };

  api.post(
    "/packages",
    requireRole("planner", "uploading a data package"),
    express.raw({ type: () => true, limit }),
    tooLarge,
    async (req: Request, res: Response) => {
      const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      if (bytes.length === 0) throw new HttpError(400, "the request has no file: send the package's ZIP archive or Excel workbook as the request body");
      let upload;
      try {
        upload = await readUploadedPackage(bytes);
      } catch (error) {
        if (error instanceof UnreadableUploadError) throw new HttpError(400, error.message);
        throw error;
      }
      const scenarioFiles = Object.keys(upload.files).filter((path) => path.startsWith("scenarios/"));
      const notes: PackageFinding[] =
        scenarioFiles.length === 0
          ? []
          : [{ severity: "note", file: "scenarios/", message: `the package's ${scenarioFiles.length} scenario files are checked but not stored with it: save scenarios in the app, computed with this package` }];
      const parsed = parseDataPackage(upload.files, [...upload.findings, ...notes]);
      if (!parsed.ok) {
        const errors = parsed.report.filter((f) => f.severity === "error");
        const first = errors[0]!;
        const where = [first.file, first.line === undefined ? "" : `line ${first.line}`, first.field ?? ""].filter(Boolean).join(", ");
        throw new HttpError(422, `the data package has ${errors.length} ${errors.length === 1 ? "error" : "errors"}, the first in ${where}: ${first.message}`, undefined, {}, { report: parsed.report });
      }
      const files = modelFiles(upload.files);
      const hash = packageHash(files);
      const created = packages.upload(hash, files, { fileName: fileNameOf(req), format: upload.format, actor: actorOf(req, res) }, audit);
      const answer: PackageUploadAnswer = {
        package: { hash, versionId: shortId(hash) },
        municipality: parsed.package.municipality.name,
        format: upload.format,
        created,
        report: parsed.report,
      };
      res.status(created ? 201 : 200).location(`/api/packages/${hash}/package.zip`).json(answer);
    },
  );
}

export function storedPackageRoutes(api: Router, services: Services): void {
  const read = readAccess(services.config.openReads);

  api.get("/packages", read, (_req, res) => {
    const current = services.model.current.hash;
    const answer: PackageListAnswer = {
      packages: services.packages.list().flatMap((stored) => {
        const loaded = services.model.package(stored.hash);
        if (loaded === undefined) return [];
        const { municipality, baseYear } = loaded.pkg;
        return [
          {
            package: { hash: loaded.hash, versionId: loaded.versionId },
            municipality: municipality.name,
            illustrative: municipality.illustrative ?? null,
            baseYear,
            horizon: municipality.horizon,
            current: loaded.hash === current,
            firstSeen: stored.firstSeen,
            uploads: stored.uploads,
          },
        ];
      }),
    };
    res.json(answer);
  });

  const download = (extension: "zip" | "xlsx", type: string, write: (files: Record<string, string>) => Promise<Uint8Array> | Uint8Array) =>
    api.get(`/packages/:hash/package.${extension}`, read, async (req, res) => {
      const loaded = storedPackage(services, String(req.params.hash));
      const bytes = await write(loaded.files);
      res.setHeader("Content-Disposition", `attachment; filename="${slug(loaded.pkg.municipality.name)}-${loaded.versionId}.${extension}"`);
      res.setHeader("Cache-Control", `${services.config.openReads ? "public" : "private"}, max-age=31536000, immutable`);
      res.type(type).send(Buffer.from(bytes));
    });
  download("zip", "application/zip", writePackageArchive);
  download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", writePackageWorkbook);
}
