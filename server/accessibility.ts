/**
 * The accessibility statement (tillgänglighetsredogörelse) that lagen (2018:1937) om tillgänglighet
 * till digital offentlig service asks of every public body's digital service, after the contents
 * DIGG lists for one (digg.se, "Skapa en tillgänglighetsredogörelse"): who runs the service, its
 * name, how far it complies (helt, delvis or inte förenlig), what is not accessible and why, how
 * to report a problem (`VAXA_ACCESSIBILITY_CONTACT`), DIGG's complaint page, how and when it was
 * assessed. A plain HTML page served at `/tillganglighet` (`?lang=en` in English), reachable
 * without JavaScript and linked from every page's footer.
 */
import { escapeXml } from "../io/svg.ts";

/** When the statement was last assessed and updated: change it with the statement. */
export const ASSESSED = "2026-12-01";

/** DIGG's page for complaints about accessibility. */
const DIGG_COMPLAINTS = "https://www.digg.se/tdosanmalan";

const TEXT = {
  sv: {
    title: "Tillgänglighetsredogörelse för Vaxa",
    skip: "Hoppa till innehållet",
    back: "Till Vaxa",
    intro: (org: string) =>
      `${org} står bakom Vaxa, webbplatsen för bemanningsprognoser och beslutsunderlag om kontorsorganisationen. Vi vill att så många som möjligt ska kunna använda den. Den här redogörelsen beskriver hur Vaxa uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister som är kända och hur du kan rapportera brister till oss så att vi kan åtgärda dem.`,
    howHeading: "Hur tillgänglig är webbplatsen?",
    how: "Vaxa är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Varje diagram har en bildtext skriven från siffrorna och en tabell med samma siffror, så innehållet går att ta del av utan att se diagrammet.",
    notHeading: "Innehåll som inte är tillgängligt",
    not: [
      "Beslutsunderlaget som PDF (”Ladda ned underlaget som PDF”) är inte taggat (PDF/UA): en skärmläsare läser texten i ordning men utan rubrik- och tabellstruktur. Samma underlag finns som webbsida (Beslutsunderlag) och tabellerna som Excel. Skälet är att PDF-biblioteket ännu används utan taggning (WCAG 1.3.1).",
      "Diagrammens verktygstips, som visar ett värde när du pekar med musen, nås inte med tangentbordet. Samma värden finns i tabellen under varje diagram (WCAG 2.1.1).",
      "Excel-filerna har rubrikrader men inga definierade tabellobjekt, så vissa skärmläsare läser inte upp kolumnrubrikerna för varje cell (WCAG 1.3.1).",
    ],
    reportHeading: "Rapportera brister i webbplatsens tillgänglighet",
    report: "Vi strävar hela tiden efter att förbättra Vaxas tillgänglighet. Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, meddela oss:",
    contactMail: (address: string) => `Skicka e-post till ${address}`,
    contactForm: "Använd formuläret för att rapportera en brist",
    noContact: "Den som driver den här installationen av Vaxa har ännu inte angett någon kontaktväg (inställningen VAXA_ACCESSIBILITY_CONTACT). Kontakta kommunen som står bakom webbplatsen, eller DIGG enligt nedan.",
    supervisionHeading: "Tillsyn",
    supervision: "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn enligt lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det:",
    diggLink: "Anmäl bristande tillgänglighet hos DIGG",
    testedHeading: "Hur vi testat webbplatsen",
    tested: (date: string) =>
      `Vi har gjort en självskattning (intern granskning) av Vaxa mot WCAG 2.1 nivå AA. Automatiska tester med axe-core körs på varje vy och på den här sidan, på svenska och engelska, vid varje ändring av programmet; vi har också provat tangentbordsnavigering, liten skärmbredd och det utskrivna beslutsunderlaget. Senaste bedömningen gjordes den ${date}.`,
    updated: (date: string) => `Redogörelsen uppdaterades senast den ${date}.`,
  },
  en: {
    title: "Accessibility statement for Vaxa",
    skip: "Skip to content",
    back: "To Vaxa",
    intro: (org: string) =>
      `${org} runs Vaxa, the website for staffing forecasts and briefings on the office organisation. We want as many people as possible to be able to use it. This statement describes how Vaxa meets the Swedish Act (2018:1937) on accessibility to digital public services, which problems are known, and how you can report problems to us so that we can fix them.`,
    howHeading: "How accessible is the website?",
    how: "Vaxa is partially compliant with the Act on accessibility to digital public services, because of the problems described below. Every chart has a caption written from the numbers and a table of the same numbers, so its content can be read without seeing the chart.",
    notHeading: "Content that is not accessible",
    not: [
      "The briefing as PDF (“Download the paper as PDF”) is not tagged (PDF/UA): a screen reader reads the text in order but without the structure of headings and tables. The same briefing is a web page (Council briefing) and its tables are in Excel. The reason is that the PDF library is not yet used with tagging (WCAG 1.3.1).",
      "The charts' tooltips, which show a value when you point with the mouse, cannot be reached with the keyboard. The same values are in the table under each chart (WCAG 2.1.1).",
      "The Excel files have header rows but no defined table objects, so some screen readers do not read out the column headers for each cell (WCAG 1.3.1).",
    ],
    reportHeading: "Report problems with the website's accessibility",
    report: "We keep working to improve Vaxa's accessibility. If you find problems not described here, or need content in another format, tell us:",
    contactMail: (address: string) => `Send an email to ${address}`,
    contactForm: "Use the form to report a problem",
    noContact: "Whoever runs this installation of Vaxa has not yet given a way to contact them (the setting VAXA_ACCESSIBILITY_CONTACT). Contact the municipality behind the website, or DIGG as below.",
    supervisionHeading: "Supervision",
    supervision: "The Agency for Digital Government (DIGG) supervises the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact DIGG and tell them:",
    diggLink: "Report inaccessibility to DIGG (in Swedish)",
    testedHeading: "How we tested the website",
    tested: (date: string) =>
      `We have assessed Vaxa ourselves against WCAG 2.1 level AA. Automated tests with axe-core run on every view and on this page, in Swedish and English, with every change to the program; we have also tried keyboard navigation, narrow screens and the printed briefing. The latest assessment was made on ${date}.`,
    updated: (date: string) => `This statement was last updated on ${date}.`,
  },
} as const;

/** The statement as an HTML page in `lang`, naming `organisation` and the way to report problems. */
export function accessibilityPage(lang: "sv" | "en", organisation: string, contact: string | undefined): string {
  const t = TEXT[lang];
  const e = escapeXml;
  const date = new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${ASSESSED}T12:00:00Z`));
  const reach =
    contact === undefined
      ? `<p>${e(t.noContact)}</p>`
      : contact.startsWith("mailto:")
        ? `<p><a href="${e(contact)}">${e(t.contactMail(contact.slice("mailto:".length)))}</a></p>`
        : `<p><a href="${e(contact)}">${e(t.contactForm)}</a></p>`;
  const other = lang === "sv" ? { lang: "en", href: "/tillganglighet?lang=en", text: "In English" } : { lang: "sv", href: "/tillganglighet", text: "På svenska" };
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(t.title)} — Vaxa</title>
  <link rel="stylesheet" href="/app.css">
</head>
<body>
  <a class="skip-link" href="#main">${e(t.skip)}</a>
  <header class="site-header"><div class="header-inner"><p class="brand"><a class="brand-link" href="/">Vaxa</a></p></div></header>
  <main id="main" tabindex="-1" class="statement">
    <p><a href="${other.href}" lang="${other.lang}" hreflang="${other.lang}">${other.text}</a></p>
    <h1>${e(t.title)}</h1>
    <p>${e(t.intro(organisation))}</p>
    <h2>${e(t.howHeading)}</h2>
    <p>${e(t.how)}</p>
    <h2>${e(t.notHeading)}</h2>
    <ul>${t.not.map((item) => `<li>${e(item)}</li>`).join("")}</ul>
    <h2>${e(t.reportHeading)}</h2>
    <p>${e(t.report)}</p>
    ${reach}
    <h2>${e(t.supervisionHeading)}</h2>
    <p>${e(t.supervision)}</p>
    <p><a href="${DIGG_COMPLAINTS}" hreflang="sv">${e(t.diggLink)}</a></p>
    <h2>${e(t.testedHeading)}</h2>
    <p>${e(t.tested(date))}</p>
    <p>${e(t.updated(date))}</p>
    <p><a href="/">${e(t.back)}</a></p>
  </main>
</body>
</html>
`;
}
