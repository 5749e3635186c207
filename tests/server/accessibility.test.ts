import request from "supertest";
import { describe, expect, it } from "vitest";
import { accessibilityPage, ASSESSED } from "../../server/accessibility.ts";
import { readConfig } from "../../server/config.ts";
import { testServer } from "./helpers.ts";

describe("the accessibility statement", () => {
  it("has what DIGG asks of one: who, what, how far it complies, what is not accessible, a way to report, DIGG's page, how and when assessed", () => {
    const page = accessibilityPage("sv", "Nacka kommun", "mailto:tillganglighet@example.se");
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain("Nacka kommun står bakom Vaxa");
    expect(page).toContain("lagen (2018:1937) om tillgänglighet till digital offentlig service");
    expect(page).toContain("delvis förenlig");
    expect(page).toContain("Innehåll som inte är tillgängligt");
    expect(page).toContain('<a href="mailto:tillganglighet@example.se">Skicka e-post till tillganglighet@example.se</a>');
    expect(page).toContain('href="https://www.digg.se/tdosanmalan"');
    expect(page).toContain("självskattning");
    // ASSESSED is 2026-12-01.
    expect(ASSESSED).toBe("2026-12-01");
    expect(page).toContain("Senaste bedömningen gjordes den 1 december 2026.");
    expect(page).toContain('<a class="skip-link" href="#main">Hoppa till innehållet</a>');
  });

  it("links a form when the contact is one, says plainly when none is set, and is written in English with lang en", () => {
    expect(accessibilityPage("sv", "X", "https://example.se/rapportera")).toContain('<a href="https://example.se/rapportera">Använd formuläret för att rapportera en brist</a>');
    expect(accessibilityPage("sv", "X", undefined)).toContain("VAXA_ACCESSIBILITY_CONTACT");
    const en = accessibilityPage("en", "Nacka kommun", undefined);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("partially compliant");
    expect(en).toContain("1 December 2026");
  });

  it("escapes the organisation's name", () => {
    expect(accessibilityPage("sv", "<b>&", undefined)).toContain("&lt;b&gt;&amp; står bakom Vaxa");
  });
});

describe("VAXA_ACCESSIBILITY_CONTACT", () => {
  it("takes a mailto: address or an https:// form, and refuses anything else naming the variable", () => {
    expect(readConfig({}).accessibilityContact).toBeUndefined();
    expect(readConfig({ VAXA_ACCESSIBILITY_CONTACT: " mailto:a@b.se " }).accessibilityContact).toBe("mailto:a@b.se");
    expect(readConfig({ VAXA_ACCESSIBILITY_CONTACT: "https://b.se/form" }).accessibilityContact).toBe("https://b.se/form");
    expect(() => readConfig({ VAXA_ACCESSIBILITY_CONTACT: "javascript:alert(1)" })).toThrow(/VAXA_ACCESSIBILITY_CONTACT="javascript:alert\(1\)": expected mailto:/);
    expect(() => readConfig({ VAXA_ACCESSIBILITY_CONTACT: "http://b.se" })).toThrow(/VAXA_ACCESSIBILITY_CONTACT/);
  });
});

describe("GET /tillganglighet", () => {
  it("serves the statement with the configured contact, in Swedish and with ?lang=en in English", async () => {
    const { app } = await testServer({ accessibilityContact: "mailto:a@b.se" });
    const sv = await request(app).get("/tillganglighet").expect(200);
    expect(sv.headers["content-type"]).toMatch(/^text\/html/);
    expect(sv.text).toContain("Nacka kommun står bakom Vaxa");
    expect(sv.text).toContain('href="mailto:a@b.se"');
    const en = await request(app).get("/tillganglighet?lang=en").expect(200);
    expect(en.text).toContain("Accessibility statement for Vaxa");
  });
});
