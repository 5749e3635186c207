/**
 * Every text the commands print, in Swedish (the default) and English: one table per language
 * with the same keys (the English table has the Swedish table's type, so it cannot miss a key).
 * Texts with numbers are functions that take them already formatted (`contract/locale.ts`), so
 * the tables hold words and the formats stay in one place. Quotes are the language's own: ”…” in
 * Swedish, “…” in English.
 */
import type { Lang } from "../contract/locale.ts";
import { commandLineWords } from "../io/command-line.ts";
import type { NumberConvention } from "../model/number-text.ts";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const SV_PLACEHOLDERS = new Map([
  ["<folder>", "<mapp>"],
  ["<file>", "<fil>"],
  ["<file.arrow>", "<fil.arrow>"],
  ["<year>", "<år>"],
  ["<years>", "<år>"],
  ["<code|name>", "<kod|namn>"],
  ["<code>", "<kod>"],
  ["<name>", "<namn>"],
]);

const sv = {
  q: (text: string) => `”${text}”`,
  /** How numbers given on the command line are read (`model/number-text.ts`). */
  numbers: "sv" as NumberConvention,
  cli: commandLineWords("sv", SV_PLACEHOLDERS),
  common: {
    help: "visar den här hjälpen",
    lang: "språket på allt kommandot skriver: sv (svenska) eller en (engelska)",
    data: "datapaketets mapp",
    invalidChoice: (flag: string, value: string, valid: string) => `ogiltigt värde för --${flag}: ”${value}” (giltiga: ${valid})`,
    unknownScenario: (id: string, known: string) => `okänt scenario ”${id}” (kända: ${known})`,
    noScenarios: "inga",
    unknownDriverSet: (id: string, known: string) => `okänd drivaruppsättning ”${id}” (kända: ${known || "inga, paketet har ingen driver-sets.json"})`,
    required: (flag: string, why: string) => `--${flag} behövs: ${why}`,
    integer: (flag: string, text: string) => `--${flag} måste vara ett heltal, inte ”${text}”`,
    atLeast: (flag: string, min: string, text: string) => `--${flag} måste vara minst ${min}, inte ”${text}”`,
    packageProblems: (folder: string, n: number) => `Datapaketet ${folder} har ${count(n, "problem", "problem")}:`,
    scenarioProblems: (id: string) => `Scenariot ”${id}” har problem:`,
    where: (file: string, line: number | undefined, field: string | undefined) =>
      `${file}${line === undefined ? "" : ` rad ${line}`}${field === undefined ? "" : `, fält ”${field}”`}`,
    wrote: (files: string) => `Skrev ${files}.`,
    noLevers: (id: string) => `Scenariot ”${id}” har inga hävstänger.`,
    /** A finding's severity, one and many (`model/package-error.ts`: error, warning, note). */
    severity: { error: ["fel", "fel"], warning: ["varning", "varningar"], note: ["notis", "notiser"] } as Record<"error" | "warning" | "note", [string, string]>,
    noFindings: "inga anmärkningar",
  },
  forecast: {
    help: {
      usage: ["npm run forecast -- [--scenario <id>] [--driver-set <id>] [--format table|csv|json|xlsx|arrow] [--out <fil>]", "npm run forecast -- --data <mapp> --validate"],
      summary:
        "Skriver ett scenarios prognos: årsarbetare per process och år, om antalet hålls på basårets nivå, och investeringspuckeln. " +
        "Med --validate kontrolleras i stället ett datapakets filer: varje fel, varning och notis listas med fil, rad och fält.",
      flags: {
        scenario: "scenariots id (filnamnet i scenarios/ utan .json)",
        "driver-set": "kör scenariot på en av paketets namngivna prognoser (driver-sets.json), t.ex. kommunens egen",
        format: "table (tabell att läsa), csv, json, xlsx eller arrow (de två sista är filer och behöver --out)",
        table: "vad csv och arrow innehåller: processes (en rad per process och år) eller totals (en rad per år)",
        out: "filen att skriva till i stället för skärmen",
        validate: "kontrollera datapaketet och lista varje fel, varning (troligt misstag) och notis; avslutas med kod 1 om något fel finns",
        lang: "språket på allt kommandot skriver: sv (svenska; csv med ; och decimalkomma) eller en (engelska; csv med , och decimalpunkt)",
      },
    },
    needsOut: (format: string) => `--format ${format} skriver en fil: ange dess namn med --out <fil>`,
    validOk: (folder: string, name: string, baseYear: number, horizon: number, processes: number, drivers: number, levers: number, scenarios: string) =>
      `${folder}: OK — ${name}, basår ${baseYear}, horisont ${horizon}, ${count(processes, "process", "processer")}, ` +
      `${count(drivers, "drivare", "drivare")}, ${count(levers, "hävstång", "hävstänger")}, scenarier ${scenarios}`,
    validPopulation: (baseYear: number | null, sets: string) =>
      `${baseYear === null ? "" : `, befolkning framskriven från ${baseYear}`}${sets === "" ? "" : `, drivaruppsättningar ${sets}`}`,
    driverSet: (name: string) => `Drivarnas prognos: ${name}`,
    cohort: (year: number) => `Befolkningens prognos: kohortframskrivning från ${year} (population/)`,
    title: (name: string, scenario: string) => `${name} — scenario ${scenario}: årsarbetare per process`,
    process: "Process",
    total: "Totalt",
    baseline: "Utan hävstänger",
    holdsFlat: (year: number | null) => (year === null ? "Håller nollan: nej, inte till horisontåret" : `Håller nollan: från ${year}`),
    hump: "Investeringspuckel",
    depth: "djup",
    year: "år",
    payback: "återbetald",
    never: "inte inom horisonten",
    npv: (rate: string) => `nuvärde (${rate})`,
    estimate: "Huvudskattning: varje antagande på sin median (ett osäkert antagande på sin fördelnings median).",
    npvConvention: (rate: string) =>
      `Nuvärdet: varje års nettoflöde vid årets slut, diskonterat till basårets slut, i fasta priser med den reala diskonteringsräntan ${rate}.`,
    irr: "internränta",
    none: "ingen",
    several: "flera (kassaflödet byter tecken flera gånger)",
    perFte: "investering per undviken årsarbetare",
  },
  goalSeek: {
    help: {
      usage: ["npm run goal-seek -- --scenario <id> --target-year <år> [--mode reach|timing] [--format text|json]"],
      summary:
        "Söker den minsta insats av scenariots hävstänger som håller totalt antal årsarbetare på eller under basårets nivå " +
        "från målåret till horisonten, och vad den kostar (investeringspuckeln).",
      flags: {
        scenario: "scenariot vars hävstänger skalas (måste ha hävstänger)",
        "target-year": "året från vilket antalet ska hållas på basårets nivå",
        mode: "reach: hur mycket mer arbete hävstängerna når (en faktor på varje räckvidd); timing: hur många år tidigare varje hävstångs mittpunkt ligger",
        format: "text (att läsa) eller json",
      },
    },
    scenarioWhy: "scenariot vars hävstänger ska skalas",
    targetYear: (text: string) => `--target-year måste vara ett år, inte ”${text}”`,
    targetRange: (from: number, to: number) => `--target-year måste ligga mellan ${from} och ${to}`,
    goal: (base: string, baseYear: number, target: number) =>
      `Mål: totalt högst ${base} årsarbetare (basåret ${baseYear}) varje år från ${target} till horisonten.`,
    reachNeeded: (factor: string) => `Hävstängerna måste nå ${factor} gånger så mycket arbete som antaget`,
    beyond: (n: number, of: number) =>
      n === 0 ? ` — möjligt för alla ${of} hävstänger.` : ` — mer än möjligt för ${n} av ${of} hävstänger (de når då allt arbete de riktar sig mot).`,
    reachUnreachable: (factor: string) =>
      `Målet nås inte med dessa hävstänger: inte ens när varje hävstång når allt arbete den riktar sig mot (${factor} gånger så mycket som antaget).`,
    timingNeeded: (years: string) => `Varje hävstångs mittpunkt måste ligga ${years} år tidigare än antaget.`,
    alreadyHolds: "Målet nås redan med hävstängerna som de är antagna.",
    timingUnreachable: (years: string) =>
      `Målet nås inte med dessa hävstänger: inte ens med varje hävstångs mittpunkt ${years} år tidigare (så tidigt det går, ingen mittpunkt före året efter basåret).`,
    firstAbove: (year: number, fte: string) => `Första året över basårets nivå är då ${year}, med ${fte} årsarbetare.`,
    atTarget: (year: number, fte: string) => `Totalt antal årsarbetare ${year}: ${fte}.`,
    inApp: (label: string, value: string) => `I appen (Planering): sätt ${label} till ${value}.`,
    humpLine: (depth: string, year: string, payback: string, npv: string, rate: string) =>
      `Investeringspuckel: djup ${depth}, djupast ${year}, återbetald ${payback}, nuvärde ${npv} (${rate}).`,
  },
  simulate: {
    help: {
      usage: ["npm run simulate -- --scenario <id> [--draws 10000] [--seed 1] [--out resultat.arrow] [--format text|json]"],
      summary:
        "Monte Carlo över scenariots osäkra antaganden: P10/P50/P90 av årsarbetare per år, sannolikheten att hålla nollan och " +
        "investeringspuckelns spridning. Med --out skrivs varje dragning som Apache Arrow.",
      flags: {
        scenario: "scenariot vars osäkra antaganden dras",
        draws: "antal dragningar",
        seed: "slumpfrö (0 till 4294967295); samma frö ger samma siffror",
        out: "Arrow-filen för varje dragnings årsarbetare; bredvid den skrivs .draws.arrow och .summary.json",
        format: "text (att läsa) eller json",
      },
    },
    scenarioWhy: "scenariot vars osäkra antaganden ska dras",
    seedRange: (text: string) => `--seed måste ligga mellan 0 och 4294967295, inte ”${text}”`,
    noUncertainty: (id: string) => `Scenariot ”${id}” har inga osäkra antaganden: varje dragning är den deterministiska prognosen.`,
    progress: "Monte Carlo",
    drawsUnit: "dragningar",
    title: (scenario: string, draws: string, seed: number, n: number) =>
      `Monte Carlo — scenario ${scenario}: ${draws} dragningar, frö ${seed}, ${count(n, "osäkert antagande", "osäkra antaganden")}`,
    columns: ["år", "årsarbetare P10", "P50", "P90", "utan hävstänger P50", "P(≤ basåret)", "P(≤ basåret härifrån)"],
    baseYear: (year: number, fte: string) => `Basåret ${year}: ${fte} årsarbetare.`,
    humpDepth: (p10: string, p50: string, p90: string) => `Investeringspuckelns djup: P10 ${p10}, P50 ${p50}, P90 ${p90}.`,
    npv: (p10: string, p50: string, p90: string) => `Nuvärde: P10 ${p10}, P50 ${p50}, P90 ${p90}.`,
    payback: (p10: string, p50: string, p90: string, share: string) =>
      `Återbetald år: P10 ${p10}, P50 ${p50}, P90 ${p90}; återbetald inom horisonten i ${share} av dragningarna.`,
    never: "inte inom horisonten",
    noLevers: "Scenariot har inga hävstänger: ingen investeringspuckel.",
    headline: (horizon: number, fte: string) => `Huvudskattning (varje antagande på sin median): totalt ${fte} årsarbetare ${horizon}`,
    headlineMoney: (hump: string, npv: string, payback: string) => `, puckel ${hump}, nuvärde ${npv}, återbetald ${payback}`,
    allWithin: "Varje siffra i huvudskattningen ligger inom sitt eget P10–P90.",
    notice: "Observera:",
    figure: {
      humpDepth: "puckelns djup",
      npv: "nuvärdet",
      humpYear: "puckelns djupaste år",
      paybackYear: "återbetalningsåret",
      totalFte: "totalt antal årsarbetare",
    },
    outside: (figure: string, value: string, p10: string, p90: string, p50: string) =>
      `huvudskattningens ${figure} (varje antagande på sin median) är ${value}, utanför sitt eget P10–P90 från Monte Carlo (${p10} till ${p90}, P50 ${p50})`,
  },
  sensitivity: {
    help: {
      usage: ["npm run sensitivity -- --scenario <id> [--outcome fte|humpDepth|npv] [--year <år>] [--process <id>] [--top 15] [--format text|json]"],
      summary:
        "Ett tornadodiagram: för varje osäkert antagande, hur mycket utfallet svänger mellan antagandets P10 och P90 " +
        "när alla andra osäkra antaganden står på sin median, störst först.",
      flags: {
        scenario: "scenariot vars osäkra antaganden svängs",
        outcome: "fte (årsarbetare), humpDepth (puckelns djup) eller npv (nuvärde)",
        year: "året för fte (standard: horisontåret)",
        process: "en process för fte (standard: alla)",
        top: "antal antaganden som visas",
        format: "text (att läsa) eller json",
      },
    },
    scenarioWhy: "scenariot vars osäkra antaganden ska svängas",
    yearRange: (from: number, to: number, text: string) => `--year måste vara ett år från ${from} till ${to}, inte ”${text}”`,
    fteOnly: "--year och --process gäller bara --outcome fte",
    noOutcome: (id: string) => `Scenariot ”${id}” har inga hävstänger och därför ingen investeringspuckel eller nuvärde.`,
    outcome: { fte: (year: number, process: string | null) => `${process === null ? "totalt antal årsarbetare" : `årsarbetare i ${process}`} ${year}`, humpDepth: "investeringspuckelns djup", npv: "nuvärdet" },
    title: (scenario: string, outcome: string) =>
      `Tornado — scenario ${scenario}: ${outcome}, varje antagande från P10 till P90 medan de andra står på sin median`,
    base: (value: string) => `Med varje antagande på sin median: ${value}.`,
    columns: ["antagande", "sving", "vid P10", "vid P90"],
    more: (n: number, all: number) => `… och ${n} till (--top ${all} visar alla).`,
    none: "Scenariot har inga osäkra antaganden.",
  },
  backtest: {
    help: {
      usage: ["npm run backtest -- [--initial 1] [--horizon <år>] [--format text|json]"],
      summary:
        "Hur väl modellen skulle ha förutsagt paketets egen personalhistorik, med rullande startår: från varje historiskt år utom det sista " +
        "körs modellen med drivarna som de blev och jämförs med faktiskt antal årsarbetare (MAPE per process och prognoslängd).",
      flags: {
        initial: "antal historiska år före det första startåret (standard: 1)",
        horizon: "längsta prognoslängd i år (standard: alla)",
        format: "text (att läsa) eller json",
      },
    },
    title: (name: string, years: string) => `Backtest — ${name}: rullande startår över personalhistoriken ${years}`,
    intro: (cutoffs: string, longest: number) => [
      `Prognoser från varje startår ${cutoffs} för de senare historiska åren (1 till ${longest} år framåt),`,
      "med drivarna som de blev och utan hävstänger, mot faktiskt antal årsarbetare.",
      "",
      "Genomsnittligt absolut procentuellt fel (MAPE); lägre är bättre.",
      "  modell     = paketets elasticiteter och standardförändring",
      "  kalibrerad = elasticiteter och standardförändring skattade på åren fram till startåret",
      "  oförändrat = årsarbetarna stannar på startårets nivå",
      "  invånare   = årsarbetarna växer med invånarna",
    ],
    methods: { model: "modell", calibrated: "kalibrerad", naiveFlat: "oförändrat", naiveResidents: "invånare" },
    columns: { process: "process", horizon: "år fram", points: "punkter", best: "bäst" },
    all: "alla",
    total: "Totalt",
    trusted: "Kalibreringen från det sista startåret vilar på skattningar som går att lita på.",
    untrusted: "Historiken är för kort för att lita på den kalibrerade prognosen (se anmärkningarna).",
    notes: "Anmärkningar (modellens egna, på engelska):",
  },
  sources: {
    help: {
      usage: ["npm run sources -- [--data <mapp>] [--check]"],
      summary:
        "Fyller de genererade tabellerna i datapaketets SOURCES.md från modellen och kontrollerar att varje siffra har sin källa " +
        "eller är markerad ASSUMPTION och att varje fil som nämns finns i förrådet.",
      flags: {
        check: "skriv ingenting; misslyckas om filen är inaktuell eller bryter en regel",
      },
    },
    missing: (file: string) => `${file} finns inte: varje datapaket behöver en SOURCES.md`,
    outOfDate: (file: string, folder: string) => `${file} är inaktuell mot modellen: kör npm run sources -- --data ${folder}`,
    updated: (file: string) => `Uppdaterade de genererade delarna av ${file}.`,
    problems: (file: string, n: number) => `${file}: ${count(n, "problem", "problem")}`,
    ok: (file: string, checked: boolean) =>
      `${file}: OK — varje siffra har sin källa, varje fil finns i förrådet${checked ? ", aktuell mot modellen" : ""}`,
  },
  import: {
    help: {
      usage: ["npm run import -- --from <fil> [--from <sida 2> …] [--data <mapp>] [--driver <id,…>] [--set <id>] [--dry-run]"],
      summary:
        "Importerar befolkningsuppgifter från SCB (JSON-stat 2.0, PX, PxWeb-CSV), Kolada (JSON) eller kommunens egen prognos (Excel) " +
        "till datapaketets drivers.csv, eller med --set till en namngiven prognos, och källan till SOURCES.md. Statussymboler (.. . :) " +
        "blir saknade värden, aldrig noll. Inget skrivs om något är fel eller om paketet inte skulle gå igenom --validate.",
      flags: {
        from: "filen att importera: JSON-stat 2.0 (.json), PX (.px), PxWeb-CSV (.csv), Kolada (.json) eller en prognos i Excel (.xlsx); en --from per sida av ett Kolada-svar",
        driver: "drivarna som ska skrivas (standard: paketets åldersgrupper, eller residents för en tabell utan åldrar)",
        bands: "nya åldersgrupper att skriva som drivare: skr, nacka eller egna, t.ex. 80-89,90+",
        region: "regionen, med kod eller namn (standard: den enda, annars paketets kommun)",
        contents: "tabellens innehåll eller Koladas nyckeltal (standard: det enda, eller folkmängden)",
        sheet: "bladet i en Excel-fil (standard: det första med åldrar och år)",
        kind: "actual (utfall) eller forecast (prognos) (standard: prognos för en framskrivning, annars utfall)",
        set: "skriv prognosen som drivaruppsättningen <id> (driver-sets/<id>.csv), t.ex. SCB:s framskrivning bredvid kommunens egen",
        "set-name": "namnet på en ny uppsättning (standard: tabellens titel)",
        format: "filens format (standard: efter filnamnet och innehållet)",
        "dry-run": "visa vad som skulle ändras (drivare, år, före, efter) och skriv ingenting",
      },
    },
    fromWhy: "filen att importera (se --help)",
    invalidSet: (id: string) => `ogiltigt id i --set: ”${id}” (små bokstäver, siffror och _, med en bokstav först)`,
    setIsForecast: "--set skriver en prognos: utelämna --kind actual",
    invalidBand: (band: string) => `ogiltig åldersgrupp i --bands: ”${band}” (t.ex. skr, nacka eller 80-89,90+)`,
    unreadable: (path: string) => `Filen ${path} går inte att läsa.`,
    cell: "cell",
    stopped: (n: number) => `Importen stoppades, inget skrevs (${count(n, "fel", "fel")}):`,
    columns: ["drivare", "år", "före", "efter"],
    dryRun: (n: number, target: string, kind: string) => `Provkörning: ${count(n, "rad", "rader")} i ${target} skulle ändras (${kind === "actual" ? "utfall" : "prognos"}); inget skrevs.`,
    done: (n: number, target: string, kind: string) =>
      `${count(n, "rad", "rader")} i ${target} ändrades (${kind === "actual" ? "utfall" : "prognos"}); källan står i SOURCES.md. Paketet går igenom --validate.`,
  },
  bench: {
    help: {
      usage: ["npm run bench [-- --model-only] [--no-peer]", "npm run bench -- --readme"],
      summary:
        "Mäter hur snabbt modellen, servern och webbläsaren arbetar på Nacka-paketet (tider mäts, de kontrolleras aldrig i testerna) " +
        "och skriver bench/results.json och en tabell för utvecklare.",
      flags: { "model-only": "mät bara modellen, inte servern och webbläsaren", "no-peer": "kör inte numpy-jämförelsen (bench/numpy_peer.py)", readme: "mät inget: skriv om README:s hastighetstabell från bench/results.json", lang: "språket på hjälpen och felmeddelandena: sv eller en (tabellen är på engelska)" },
    },
  },
};

/** The texts of one language. */
export type Messages = typeof sv;

const en: Messages = {
  q: (text) => `“${text}”`,
  numbers: "en",
  cli: commandLineWords("en", SV_PLACEHOLDERS),
  common: {
    help: "shows this help",
    lang: "the language of everything the command prints: sv (Swedish) or en (English)",
    data: "the data package's folder",
    invalidChoice: (flag, value, valid) => `invalid ${flag}: "${value}" (expected one of ${valid})`,
    unknownScenario: (id, known) => `unknown scenario “${id}” (known: ${known})`,
    noScenarios: "none",
    unknownDriverSet: (id, known) => `unknown driver set “${id}” (known: ${known || "none, the package has no driver-sets.json"})`,
    required: (flag, why) => `--${flag} is required: ${why}`,
    integer: (flag, text) => `--${flag} must be a whole number, not “${text}”`,
    atLeast: (flag, min, text) => `--${flag} must be at least ${min}, not “${text}”`,
    packageProblems: (folder, n) => `The data package ${folder} has ${count(n, "problem", "problems")}:`,
    scenarioProblems: (id) => `Scenario “${id}” has problems:`,
    where: (file, line, field) => `${file}${line === undefined ? "" : ` line ${line}`}${field === undefined ? "" : `, field “${field}”`}`,
    wrote: (files) => `Wrote ${files}.`,
    noLevers: (id) => `Scenario “${id}” has no levers.`,
    severity: { error: ["error", "errors"], warning: ["warning", "warnings"], note: ["note", "notes"] },
    noFindings: "no findings",
  },
  forecast: {
    help: {
      usage: ["npm run forecast -- [--scenario <id>] [--driver-set <id>] [--format table|csv|json|xlsx|arrow] [--out <file>]", "npm run forecast -- --data <folder> --validate"],
      summary:
        "Prints a scenario's forecast: FTE per process and year, whether headcount holds at the base year's level, and the investment hump. " +
        "With --validate it checks a data package's files instead: every error, warning and note is listed with file, line and field.",
      flags: {
        scenario: "the scenario's id (its file name in scenarios/ without .json)",
        "driver-set": "run the scenario on one of the package's named forecasts (driver-sets.json), e.g. the municipality's own",
        format: "table (to read), csv, json, xlsx or arrow (the last two are files and need --out)",
        table: "what csv and arrow hold: processes (a row per process and year) or totals (a row per year)",
        out: "the file to write instead of the screen",
        validate: "check the data package and list every error, warning (a likely mistake) and note; exits with code 1 if there is any error",
        lang: "the language of everything the command prints: sv (Swedish; csv with ; and decimal comma) or en (English; csv with , and decimal point)",
      },
    },
    needsOut: (format) => `--format ${format} writes a file: give its name with --out <file>`,
    validOk: (folder, name, baseYear, horizon, processes, drivers, levers, scenarios) =>
      `${folder}: OK — ${name}, base year ${baseYear}, horizon ${horizon}, ${count(processes, "process", "processes")}, ` +
      `${count(drivers, "driver", "drivers")}, ${count(levers, "lever", "levers")}, scenarios ${scenarios}`,
    validPopulation: (baseYear, sets) => `${baseYear === null ? "" : `, population projected from ${baseYear}`}${sets === "" ? "" : `, driver sets ${sets}`}`,
    driverSet: (name) => `Drivers' forecast: ${name}`,
    cohort: (year) => `Population forecast: cohort projection from ${year} (population/)`,
    title: (name, scenario) => `${name} — scenario ${scenario}: FTE per process`,
    process: "Process",
    total: "Total",
    baseline: "Without levers",
    holdsFlat: (year) => (year === null ? "Holds flat: no, not by the horizon" : `Holds flat: from ${year}`),
    hump: "Investment hump",
    depth: "depth",
    year: "year",
    payback: "paid back",
    never: "not within the horizon",
    npv: (rate) => `NPV (${rate})`,
    estimate: "Headline: every assumption at its median (an uncertain assumption at its distribution's median).",
    npvConvention: (rate) =>
      `NPV: each year's net cash flow at the end of that year, discounted to the end of the base year, in constant prices at the real discount rate ${rate}.`,
    irr: "IRR",
    none: "none",
    several: "several (the cash flow changes sign more than once)",
    perFte: "investment per FTE avoided",
  },
  goalSeek: {
    help: {
      usage: ["npm run goal-seek -- --scenario <id> --target-year <year> [--mode reach|timing] [--format text|json]"],
      summary:
        "Finds the smallest use of the scenario's levers that holds total FTE at or below the base year's level from the target year " +
        "to the horizon, and what it costs (the investment hump).",
      flags: {
        scenario: "the scenario whose levers are scaled (it must have levers)",
        "target-year": "the year from which headcount must stay at the base year's level",
        mode: "reach: how much more work the levers reach (a factor on every reach); timing: how many years earlier every lever's midpoint lies",
        format: "text (to read) or json",
      },
    },
    scenarioWhy: "the scenario whose levers to scale",
    targetYear: (text) => `--target-year must be a year, not “${text}”`,
    targetRange: (from, to) => `--target-year must be between ${from} and ${to}`,
    goal: (base, baseYear, target) => `Goal: at most ${base} FTE in total (the base year ${baseYear}) in every year from ${target} to the horizon.`,
    reachNeeded: (factor) => `The levers must reach ${factor} times as much work as assumed`,
    beyond: (n, of) =>
      n === 0 ? ` — possible for all ${of} levers.` : ` — more than is possible for ${n} of ${of} levers (they then reach all the work they target).`,
    reachUnreachable: (factor) =>
      `The goal is not reached with these levers: not even when every lever reaches all the work it targets (${factor} times as much as assumed).`,
    timingNeeded: (years) => `Every lever's midpoint must lie ${years} years earlier than assumed.`,
    alreadyHolds: "The goal is reached with the levers as assumed.",
    timingUnreachable: (years) =>
      `The goal is not reached with these levers: not even with every lever's midpoint ${years} years earlier (as early as it can be, no midpoint before the year after the base year).`,
    firstAbove: (year, fte) => `The first year above the base year's level is then ${year}, with ${fte} FTE.`,
    atTarget: (year, fte) => `Total FTE in ${year}: ${fte}.`,
    inApp: (label, value) => `In the app (Planning): set ${label} to ${value}.`,
    humpLine: (depth, year, payback, npv, rate) => `Investment hump: depth ${depth}, deepest ${year}, paid back ${payback}, NPV ${npv} (${rate}).`,
  },
  simulate: {
    help: {
      usage: ["npm run simulate -- --scenario <id> [--draws 10000] [--seed 1] [--out results.arrow] [--format text|json]"],
      summary:
        "Monte Carlo over the scenario's uncertain assumptions: P10/P50/P90 of FTE per year, the probability of holding flat and the " +
        "spread of the investment hump. With --out every draw is written as Apache Arrow.",
      flags: {
        scenario: "the scenario whose uncertain assumptions are drawn",
        draws: "number of draws",
        seed: "random seed (0 to 4294967295); the same seed gives the same numbers",
        out: "the Arrow file of every draw's FTE; .draws.arrow and .summary.json are written beside it",
        format: "text (to read) or json",
      },
    },
    scenarioWhy: "the scenario whose uncertain assumptions to draw",
    seedRange: (text) => `--seed must be from 0 to 4294967295, not “${text}”`,
    noUncertainty: (id) => `Scenario “${id}” has no uncertain assumptions: every draw is the deterministic forecast.`,
    progress: "Monte Carlo",
    drawsUnit: "draws",
    title: (scenario, draws, seed, n) => `Monte Carlo — scenario ${scenario}: ${draws} draws, seed ${seed}, ${count(n, "uncertain assumption", "uncertain assumptions")}`,
    columns: ["year", "FTE P10", "P50", "P90", "without levers P50", "P(≤ base year)", "P(≤ base year from here on)"],
    baseYear: (year, fte) => `Base year ${year}: ${fte} FTE.`,
    humpDepth: (p10, p50, p90) => `Investment hump depth: P10 ${p10}, P50 ${p50}, P90 ${p90}.`,
    npv: (p10, p50, p90) => `NPV: P10 ${p10}, P50 ${p50}, P90 ${p90}.`,
    payback: (p10, p50, p90, share) => `Payback year: P10 ${p10}, P50 ${p50}, P90 ${p90}; paid back within the horizon in ${share} of the draws.`,
    never: "not within the horizon",
    noLevers: "No levers in this scenario: no investment hump.",
    headline: (horizon, fte) => `Headline forecast (every assumption at its median): total FTE ${horizon} ${fte}`,
    headlineMoney: (hump, npv, payback) => `, hump ${hump}, NPV ${npv}, payback ${payback}`,
    allWithin: "Every headline figure lies within its own P10–P90.",
    notice: "Notice:",
    figure: { humpDepth: "hump depth", npv: "NPV", humpYear: "hump year", paybackYear: "payback year", totalFte: "total FTE" },
    outside: (figure, value, p10, p90, p50) =>
      `the headline ${figure} (every assumption at its median) is ${value}, outside its own Monte Carlo P10–P90 (${p10} to ${p90}, P50 ${p50})`,
  },
  sensitivity: {
    help: {
      usage: ["npm run sensitivity -- --scenario <id> [--outcome fte|humpDepth|npv] [--year <year>] [--process <id>] [--top 15] [--format text|json]"],
      summary:
        "A tornado: for each uncertain assumption, how far the outcome swings between the assumption's P10 and P90 with every other " +
        "uncertain assumption at its median, largest first.",
      flags: {
        scenario: "the scenario whose uncertain assumptions are swung",
        outcome: "fte (FTE), humpDepth (depth of the hump) or npv",
        year: "the year of fte (default: the horizon)",
        process: "one process for fte (default: all)",
        top: "number of assumptions shown",
        format: "text (to read) or json",
      },
    },
    scenarioWhy: "the scenario whose uncertain assumptions to swing",
    yearRange: (from, to, text) => `--year must be a year from ${from} to ${to}, not “${text}”`,
    fteOnly: "--year and --process apply to --outcome fte only",
    noOutcome: (id) => `Scenario “${id}” has no levers, so no investment hump or NPV.`,
    outcome: { fte: (year, process) => `${process === null ? "total FTE" : `FTE in ${process}`} in ${year}`, humpDepth: "the investment hump's depth", npv: "the NPV" },
    title: (scenario, outcome) => `Tornado — scenario ${scenario}: ${outcome}, each assumption from P10 to P90 with the others at their medians`,
    base: (value) => `With every assumption at its median: ${value}.`,
    columns: ["assumption", "swing", "at P10", "at P90"],
    more: (n, all) => `… and ${n} more (--top ${all} shows all).`,
    none: "The scenario has no uncertain assumptions.",
  },
  backtest: {
    help: {
      usage: ["npm run backtest -- [--initial 1] [--horizon <years>] [--format text|json]"],
      summary:
        "How well the model would have predicted the package's own headcount history, by rolling origin: from every history year but the " +
        "last, the model is run with the drivers as they turned out and compared with the actual FTE (MAPE per process and horizon).",
      flags: {
        initial: "history years before the first cutoff (default: 1)",
        horizon: "the longest horizon in years (default: all)",
        format: "text (to read) or json",
      },
    },
    title: (name, years) => `Backtest — ${name}: rolling origin over the headcount history ${years}`,
    intro: (cutoffs, longest) => [
      `Forecasts from each cutoff ${cutoffs} for the later history years (horizon 1 to ${longest} years),`,
      "with the drivers as they turned out and no levers, against the actual headcount.",
      "",
      "Mean absolute percentage error (MAPE); lower is better.",
      "  model      = the package's elasticities and drift",
      "  calibrated = elasticities and a drift fitted on the years up to each cutoff",
      "  flat       = FTE stays at its level in the cutoff year",
      "  residents  = FTE grows with residents",
    ],
    methods: { model: "model", calibrated: "calibrated", naiveFlat: "flat", naiveResidents: "residents" },
    columns: { process: "process", horizon: "horizon", points: "points", best: "best" },
    all: "all",
    total: "Total",
    trusted: "The calibration from the last cutoff rests on trusted fits.",
    untrusted: "The history is too short to trust the calibrated forecast (see the notes).",
    notes: "Notes:",
  },
  sources: {
    help: {
      usage: ["npm run sources -- [--data <folder>] [--check]"],
      summary:
        "Fills the generated tables of the data package's SOURCES.md from the model and checks that every number has its source or is " +
        "marked ASSUMPTION and that every file it names is in the repository.",
      flags: {
        check: "write nothing; fail when the file is out of date or breaks a rule",
      },
    },
    missing: (file) => `${file} does not exist: every package needs a SOURCES.md`,
    outOfDate: (file, folder) => `${file} is out of date with the model: run npm run sources -- --data ${folder}`,
    updated: (file) => `Updated the generated regions of ${file}.`,
    problems: (file, n) => `${file}: ${count(n, "problem", "problems")}`,
    ok: (file, checked) => `${file}: OK — every number named, every file in the repository${checked ? ", up to date with the model" : ""}`,
  },
  import: {
    help: {
      usage: ["npm run import -- --from <file> [--from <page 2> …] [--data <folder>] [--driver <id,…>] [--set <id>] [--dry-run]"],
      summary:
        "Imports population figures from SCB (JSON-stat 2.0, PX, PxWeb CSV), Kolada (JSON) or the municipality's own forecast (Excel) " +
        "into the data package's drivers.csv, or with --set into a named forecast, and their source into SOURCES.md. Status symbols " +
        "(.. . :) become missing values, never zero. Nothing is written if anything is wrong or if the package would not pass --validate.",
      flags: {
        from: "the file to import: JSON-stat 2.0 (.json), PX (.px), PxWeb CSV (.csv), Kolada (.json) or a forecast in Excel (.xlsx); one --from per page of a Kolada answer",
        driver: "the drivers to write (default: the package's age bands, or residents for a table without ages)",
        bands: "new age bands to write as drivers: skr, nacka or your own, e.g. 80-89,90+",
        region: "the region, by code or name (default: the only one, else the package's municipality)",
        contents: "the table's contents or Kolada's KPI (default: the only one, or the population)",
        sheet: "the sheet of an Excel file (default: the first with ages and years)",
        kind: "actual or forecast (default: forecast for a projection, else actual)",
        set: "write the forecast as the driver set <id> (driver-sets/<id>.csv), e.g. SCB's projection beside the municipality's own",
        "set-name": "the name of a new set (default: the table's title)",
        format: "the file's format (default: by the file's name and contents)",
        "dry-run": "show what would change (driver, year, before, after) and write nothing",
      },
    },
    fromWhy: "the file to import (see --help)",
    invalidSet: (id) => `invalid id in --set: “${id}” (lower-case letters, digits and _, starting with a letter)`,
    setIsForecast: "--set writes a forecast: leave out --kind actual",
    invalidBand: (band) => `invalid age band in --bands: “${band}” (e.g. skr, nacka or 80-89,90+)`,
    unreadable: (path) => `The file ${path} cannot be read.`,
    cell: "cell",
    stopped: (n) => `The import stopped, nothing was written (${count(n, "error", "errors")}):`,
    columns: ["driver", "year", "before", "after"],
    dryRun: (n, target, kind) => `Dry run: ${count(n, "row", "rows")} of ${target} would change (${kind}); nothing was written.`,
    done: (n, target, kind) => `${count(n, "row", "rows")} of ${target} changed (${kind}); the source is in SOURCES.md. The package passes --validate.`,
  },
  bench: {
    help: {
      usage: ["npm run bench [-- --model-only] [--no-peer]", "npm run bench -- --readme"],
      summary:
        "Measures how fast the model, the server and the browser work on the Nacka package (timings are measured, never asserted in tests) " +
        "and writes bench/results.json and a table.",
      flags: { "model-only": "measure the model only, not the server and the browser", "no-peer": "do not run the numpy peer (bench/numpy_peer.py)", readme: "measure nothing: rewrite README's speed table from bench/results.json", lang: "the language of the help and the error messages: sv or en (the table is in English)" },
    },
  },
};

/** The texts of every language. */
export const MESSAGES: Record<Lang, Messages> = { sv, en };
