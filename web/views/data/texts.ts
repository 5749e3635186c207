/**
 * The data view's texts in Swedish and English (the app's shared texts are in `web/i18n.ts`; these
 * are the data view's own, kept here so the view is one folder).
 */
import type { Lang } from "../../../contract/locale.ts";

const sv = {
  lead: "Ladda upp kommunens eget datapaket, ladda ner ett paket som Excel-arbetsbok eller zip-fil, räkna ett scenario med ett paket, och se eller arkivera scenarier och deras versioner.",
  token: "Nyckel (token) för planerare eller administratör",
  tokenHint: "Behövs för att ladda upp, spara och arkivera. Sparas bara i den här fliken.",
  needToken: "Skriv in en nyckel först.",
  // Upload
  upload: "Ladda upp ett datapaket",
  uploadHint:
    "Välj en zip-fil med paketets mapp, en Excel-arbetsbok (ett blad per fil, som den du laddar ner här) eller paketets filer (municipality.json, drivers.csv, headcount.csv, processes.json …). Filerna kontrolleras med samma kontroll som kommandoraden: varje fel anges med fil, rad och fält.",
  uploadFiles: "Paketets fil eller filer",
  uploadButton: "Ladda upp och kontrollera",
  uploading: "Laddar upp och kontrollerar …",
  noFile: "Välj en fil först.",
  stored: (municipality: string, id: string) => `Paketet för ${municipality} är sparat som datapaket ${id}.`,
  alreadyStored: (municipality: string, id: string) => `Paketet för ${municipality} fanns redan: datapaket ${id}.`,
  rejected: (n: number) => `Paketet sparades inte: det har ${n} ${n === 1 ? "fel" : "fel"}. Rätta dem och ladda upp igen.`,
  findings: "Kontrollens resultat",
  severity: "Typ",
  file: "Fil",
  line: "Rad",
  field: "Fält",
  message: "Meddelande (modellens eget, på engelska)",
  severities: { error: "fel", warning: "varning", note: "notis" } as Record<"error" | "warning" | "note", string>,
  // Packages
  packages: "Datapaket på servern",
  packagesLead: "Varje paket är oföränderligt och identifieras av sitt innehåll. En scenarioversion minns vilket paket den räknades med.",
  municipality: "Kommun",
  packageId: "Paket-id",
  years: "Basår–horisont",
  uploadedBy: "Uppladdat",
  fromFolder: "serverns paketmapp",
  current: "används för nya scenarier",
  download: "Ladda ner",
  downloadXlsx: (id: string) => `Excel (${id})`,
  downloadZip: (id: string) => `zip (${id})`,
  // Compute with a package
  compute: "Räkna ett scenario med ett datapaket",
  computeHint: "Sparar en ny version av scenariot med samma antaganden, räknad med det valda paketet.",
  computeScenario: "Scenario",
  computePackage: "Datapaket",
  computeComment: "Kommentar",
  computeButton: "Spara ny version",
  computed: (scenario: string, version: string) => `Sparat: ”${scenario}”, ${version}.`,
  unchanged: (scenario: string, version: string) => `Ingen ändring: ”${scenario}” har redan ${version} med det paketet.`,
  computeCommentDefault: (id: string) => `Räknat med datapaket ${id}`,
  // Versions
  versions: "Scenarier och versioner",
  scenario: "Scenario",
  versionCount: "Versioner",
  latest: "Senaste version",
  package: "Paket",
  state: "Läge",
  active: "aktivt",
  archived: (by: string, date: string) => `arkiverat ${date} av ${by}`,
  archive: (name: string) => `Arkivera ”${name}”`,
  unarchive: (name: string) => `Återställ ”${name}”`,
  archiveLabel: "Arkivera",
  unarchiveLabel: "Återställ",
  archivedCount: (n: number) => `${n} arkiverade döljs.`,
  noScenarios: "Inga scenarier att visa.",
};

export type DataTexts = typeof sv;

const en: DataTexts = {
  lead: "Upload the municipality's own data package, download a package as an Excel workbook or a zip file, compute a scenario with a package, and see or archive scenarios and their versions.",
  token: "Planner or administrator token",
  tokenHint: "Needed to upload, save and archive. Kept in this tab only.",
  needToken: "Enter a token first.",
  upload: "Upload a data package",
  uploadHint:
    "Choose a zip file of the package folder, an Excel workbook (one sheet per file, like the one you download here) or the package's files (municipality.json, drivers.csv, headcount.csv, processes.json …). The files are checked by the same checks as the command line: every error names its file, line and field.",
  uploadFiles: "The package's file or files",
  uploadButton: "Upload and check",
  uploading: "Uploading and checking …",
  noFile: "Choose a file first.",
  stored: (municipality, id) => `The package for ${municipality} is stored as data package ${id}.`,
  alreadyStored: (municipality, id) => `The package for ${municipality} was already stored: data package ${id}.`,
  rejected: (n) => `The package was not stored: it has ${n} ${n === 1 ? "error" : "errors"}. Correct them and upload again.`,
  findings: "What the check found",
  severity: "Kind",
  file: "File",
  line: "Line",
  field: "Field",
  message: "Message",
  severities: { error: "error", warning: "warning", note: "note" },
  packages: "Data packages on the server",
  packagesLead: "Every package is immutable and identified by its contents. A scenario version remembers which package it was computed with.",
  municipality: "Municipality",
  packageId: "Package id",
  years: "Base year–horizon",
  uploadedBy: "Uploaded",
  fromFolder: "the server's package folder",
  current: "used for new scenarios",
  download: "Download",
  downloadXlsx: (id) => `Excel (${id})`,
  downloadZip: (id) => `zip (${id})`,
  compute: "Compute a scenario with a data package",
  computeHint: "Saves a new version of the scenario with the same assumptions, computed with the chosen package.",
  computeScenario: "Scenario",
  computePackage: "Data package",
  computeComment: "Comment",
  computeButton: "Save new version",
  computed: (scenario, version) => `Saved: “${scenario}”, ${version}.`,
  unchanged: (scenario, version) => `No change: “${scenario}” already has ${version} with that package.`,
  computeCommentDefault: (id) => `Computed with data package ${id}`,
  versions: "Scenarios and versions",
  scenario: "Scenario",
  versionCount: "Versions",
  latest: "Newest version",
  package: "Package",
  state: "State",
  active: "active",
  archived: (by, date) => `archived ${date} by ${by}`,
  archive: (name) => `Archive “${name}”`,
  unarchive: (name) => `Bring back “${name}”`,
  archiveLabel: "Archive",
  unarchiveLabel: "Bring back",
  archivedCount: (n) => `${n} archived hidden.`,
  noScenarios: "No scenarios to show.",
};

const TABLES: Record<Lang, DataTexts> = { sv, en };

/** The data view's texts in a language. */
export function dataTexts(lang: Lang): DataTexts {
  return TABLES[lang];
}
