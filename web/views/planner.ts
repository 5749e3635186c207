/**
 * The planner view: growth assumptions and levers as sliders with number inputs; the model runs in
 * the browser on every movement (one `evaluate` on the compiled plan, redrawn once per animation
 * frame), so the charts follow the slider. FTE per process and in total against the baseline and
 * the base year's level; save as a scenario version with a planner token.
 */
import { ADOPTION_CURVES, ADOPTION_START } from "../../model/adoption.ts";
import type { ForecastResult } from "../../model/forecast.ts";
import { LEVER_KINDS, leverParameterSpec, REACH } from "../../model/levers.ts";
import { capitalize, parameterLabel } from "../../model/parameter-labels.ts";
import { PACKAGE_PARAMETERS } from "../../model/parameters.ts";
import type { ParameterSpec } from "../../model/registry.ts";
import { fteProcessBarsChart, processBars, type ProcessBar } from "../../charts/fte-process-bars.ts";
import { ftePerYearChart } from "../../charts/fte-per-year.ts";
import { ApiError, api } from "../api.ts";
import { scenarioCaption, scenarioFacts } from "../captions.ts";
import { debounce, el, perFrame, type Slider, slider } from "../controls.ts";
import { ChartFigure } from "../figure.ts";
import type { App, View } from "../main.ts";
import { assumptionsOf, isDirty, leverOfPath, valueOf } from "../state.ts";

/** The width of a chart: its container's, within limits. */
export function chartWidth(container: HTMLElement, fallback = 720): number {
  const w = container.clientWidth;
  return w > 0 ? Math.max(320, Math.min(960, Math.floor(w))) : fallback;
}

export function plannerView(app: App): View {
  const { state, live, t, f } = app;
  const lang = state.lang;
  const pkg = state.pkg;
  const w = () => state.working;
  const baseYear = pkg.baseYear;
  const horizon = pkg.municipality.horizon;
  const processNames = Object.fromEntries(pkg.processes.map((p) => [p.id, p.name[lang]]));
  let focus = Math.min(Math.max(Math.round(Number(app.params.get("year"))) || 2030, baseYear + 1), horizon);

  const root = el("div", { class: "view planner" });
  const heading = el("h1", { text: t.viewTitles.planner });
  const lead = el("p", { class: "lead", text: t.plannerLead });

  // ---- scenario bar
  const pickId = "planner-scenario";
  const pick = el("select", { id: pickId });
  for (const s of state.scenarios) {
    pick.append(el("option", { value: s.id, text: s.name[lang], selected: s.id === w().scenarioId }));
  }
  const loadButton = el("button", { type: "button", class: "secondary", text: t.load });
  const status = el("p", { class: "status", id: "planner-status" });
  const bar = el(
    "div",
    { class: "scenario-bar" },
    el("div", { class: "field-inline" }, el("label", { for: pickId, text: t.startFrom }), pick, loadButton),
    status,
  );
  loadButton.addEventListener("click", async () => {
    loadButton.disabled = true;
    try {
      await app.loadScenario(pick.value);
      app.rerender();
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
      loadButton.disabled = false;
    }
  });

  // ---- controls
  const sliders = new Map<string, Slider>();
  const errors = el("div", { class: "model-errors", role: "alert" });
  const form = el("form", { class: "controls", "aria-labelledby": "planner-assumptions" }, el("h2", { id: "planner-assumptions", text: t.assumptions }), errors);
  form.addEventListener("submit", (event) => event.preventDefault());

  const pct = (v: number) => f.percent(v);
  const times = (v: number) => `${f.fixed(v, 2)} ×`;

  const changedFromDefault = (path: string, value: number) => {
    const d = state.defaults.get(path)?.default;
    return d !== undefined && Math.abs(d - value) > 1e-12;
  };

  const addSlider = (
    parent: HTMLElement,
    path: string,
    spec: { label: string; hint?: string; min: number; max: number; step: number; scale?: number; unit?: string; format: (v: number) => string },
  ): Slider => {
    const value = valueOf(w(), state.defaults, path);
    const control = slider({
      id: `p-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`,
      label: spec.label,
      hint: spec.hint,
      min: spec.min,
      max: spec.max,
      step: spec.step,
      scale: spec.scale,
      unit: spec.unit,
      value: Number.isFinite(value) ? value : spec.min,
      valueLabel: t.valueOf(spec.label),
      format: spec.format,
      changed: path === "growthMultiplier" ? false : changedFromDefault(path, value),
      onInput: (v, event) => onInput(path, v, event?.timeStamp),
      onChange: () => afterChange(),
    });
    control.range.dataset.path = path;
    sliders.set(path, control);
    parent.append(control.element);
    return control;
  };

  /** The slider of a parameter from its registry entry: its range, and a format for its unit. */
  const registrySlider = (parent: HTMLElement, path: string, spec: ParameterSpec, label: string, hint?: string): Slider => {
    const range = spec.slider ?? { min: spec.bounds[0], max: spec.bounds[1], step: 0.01 };
    const { min, max } = "years" in range ? { min: baseYear + 1, max: horizon } : range;
    const digits = Math.max(0, -Math.floor(Math.log10(range.step)));
    const share = spec.unit === "share";
    const format =
      share ? pct
      : spec.unit === "factor" ? times
      : spec.unit === "year" && digits === 0 ? (v: number) => f.year(Math.round(v))
      : spec.unit === "year" || spec.unit === "years" ? (v: number) => f.number(v, digits)
      : (v: number) => f.fixed(v, digits);
    return addSlider(parent, path, {
      label,
      ...(hint === undefined ? {} : { hint }),
      min,
      max,
      step: range.step,
      ...(share ? { scale: 100, unit: "%" } : spec.unit === "factor" ? { unit: "×" } : {}),
      format,
    });
  };

  // Growth
  const growth = el("fieldset", { class: "group" }, el("legend", { text: t.growth }));
  addSlider(growth, "growthMultiplier", {
    label: t.growthMultiplier,
    hint: t.growthHint,
    min: 0,
    max: Math.min(4, state.summary.limits.growthMultiplier[1]),
    step: 0.05,
    unit: "×",
    format: times,
  });
  const driverDetails = el("details", { class: "sub" }, el("summary", { text: t.perDriver }), el("p", { class: "hint", text: t.perDriverHint }));
  for (const id of Object.keys(pkg.drivers)) {
    const path = `drivers.${id}.growthMultiplier`;
    registrySlider(driverDetails, path, PACKAGE_PARAMETERS.driverGrowthMultiplier, parameterLabel(pkg, path, lang));
  }
  growth.append(driverDetails);
  form.append(growth);

  // Levers
  const levers = el("fieldset", { class: "group" }, el("legend", { text: t.levers }), el("p", { class: "hint", text: t.leversHint }));
  for (const [spec, hint] of [
    [PACKAGE_PARAMETERS.intensity, t.intensityHint],
    [PACKAGE_PARAMETERS.midpointShift, t.midpointShiftHint],
  ] as const) {
    registrySlider(levers, spec.name, spec, parameterLabel(pkg, spec.name, lang), hint);
  }
  const leverParams = new Map<string, HTMLElement>();
  for (const lever of pkg.levers) {
    const box = el("fieldset", { class: "lever", "data-lever": lever.id });
    const kind = LEVER_KINDS[lever.kind].label[lang];
    box.append(el("legend", {}, lever.name[lang], el("span", { class: "kind", text: ` (${kind})` })));
    const checkId = `lever-${lever.id}-active`;
    const check = el("input", { type: "checkbox", id: checkId, checked: w().levers.has(lever.id) });
    box.append(el("div", { class: "check" }, check, el("label", { for: checkId, text: t.leverActive(lever.name[lang]) })));
    const params = el("div", { class: "lever-params" });
    const leverSlider = (spec: ParameterSpec, hint?: string) =>
      registrySlider(params, `levers.${lever.id}.${spec.name}`, spec, capitalize(spec.label[lang]), hint);
    leverSlider(leverParameterSpec("efficiency")!, t.efficiencyHint);
    leverSlider(ADOPTION_START);
    const shape: readonly ParameterSpec[] = ADOPTION_CURVES[lever.adoption.curve].shape;
    for (const spec of shape) if (spec.slider) leverSlider(spec);
    const reach = el("details", { class: "sub" }, el("summary", { text: t.reachGroup(lever.targets.length) }));
    for (const target of lever.targets) {
      const process = pkg.processes.find((p) => p.id === target.process);
      const activity = target.activity === "fixed" ? t.fixedWork : (process?.activities.find((a) => a.id === target.activity)?.name[lang] ?? target.activity);
      registrySlider(reach, `levers.${lever.id}.reach.${target.process}.${target.activity}`, REACH, t.reach(process?.name[lang] ?? target.process, activity));
    }
    params.append(reach);
    box.append(params);
    leverParams.set(lever.id, params);
    check.addEventListener("change", () => {
      if (check.checked) w().levers.add(lever.id);
      else w().levers.delete(lever.id);
      setLeverEnabled(lever.id, check.checked);
      reload();
      afterChange();
    });
    levers.append(box);
  }
  form.append(levers);
  const reset = el("button", { type: "button", class: "secondary", text: t.resetAll, disabled: w().scenarioId === null });
  reset.addEventListener("click", async () => {
    if (w().scenarioId) {
      await app.loadScenario(w().scenarioId!, w().version?.versionId ?? "latest");
      app.rerender();
    }
  });
  form.append(el("div", { class: "actions" }, reset));

  function setLeverEnabled(id: string, enabled: boolean): void {
    const params = leverParams.get(id);
    if (!params) return;
    params.classList.toggle("inactive", !enabled);
    for (const input of params.querySelectorAll("input")) input.disabled = !enabled;
  }
  for (const lever of pkg.levers) setLeverEnabled(lever.id, w().levers.has(lever.id));

  // ---- results
  const texts = { showTable: t.showTable, tableRegion: t.tableRegion };
  const focusId = "planner-focus-year";
  const focusSelect = el("select", { id: focusId });
  for (let y = baseYear + 1; y <= horizon; y++) focusSelect.append(el("option", { value: y, text: String(y), selected: y === focus }));
  const figures = el("dl", { class: "key-figures" });
  const live_ = el("p", { class: "visually-hidden", "aria-live": "polite", id: "planner-live" });
  const keySection = el(
    "section",
    { class: "key", "aria-labelledby": "planner-key" },
    el("div", { class: "key-head" }, el("h2", { id: "planner-key", text: t.keyFigures }), el("div", { class: "field-inline" }, el("label", { for: focusId, text: t.focusYear }), focusSelect)),
    figures,
    live_,
  );
  const totalFigure = new ChartFigure("fte-per-year", texts);
  const processFigure = new ChartFigure("fte-process-bars", texts);
  const results = el("div", { class: "results" }, keySection, totalFigure.element, processFigure.element);

  // ---- save
  const save = saveSection(app, () => {
    updateStatus();
  });
  results.append(save);

  root.append(heading, lead, bar, el("div", { class: "planner-grid" }, form, results));

  // ---- behaviour
  let width = 720;
  const measure = () => {
    width = chartWidth(totalFigure.element);
  };
  const resize = debounce(() => {
    measure();
    redraw(true);
  }, 150);
  window.addEventListener("resize", resize);

  let lastInputAt: number | null = null;
  let failing = false;

  function reload(): void {
    const loaded = live.load(assumptionsOf(w(), state.defaults));
    failing = !loaded.ok;
    errors.replaceChildren(
      ...(loaded.ok ? [] : [el("p", { text: t.modelErrors }), el("ul", {}, ...loaded.errors.map((e) => el("li", { text: e })))]),
    );
    redraw(true);
  }

  function onInput(path: string, value: number, eventTime?: number): void {
    const working = w();
    working.values.set(path, value);
    if (path === "growthMultiplier") working.growthMultiplier = value;
    sliders.get(path)?.setChanged(path !== "growthMultiplier" && changedFromDefault(path, value));
    const lever = leverOfPath(path);
    const active = lever === null || path.startsWith("levers.intensity") || path.startsWith("levers.midpointShift") || working.levers.has(lever);
    if (active && !live.set(path, value)) {
      // Not in the plan (should not happen for an active parameter): compile again.
      live.load(assumptionsOf(working, state.defaults));
    }
    if (lastInputAt === null) lastInputAt = eventTime ?? performance.now();
    scheduled();
  }

  const scheduled = perFrame(() => {
    redraw(false);
  });

  const afterChange = debounce(() => {
    updateStatus();
    processFigure.flushTable();
    totalFigure.flushTable();
    announce();
  }, 400);

  let lastResult: ForecastResult | null = null;

  function redraw(tableNow: boolean): void {
    if (failing) return;
    const begun = performance.now();
    const result = live.run();
    lastResult = result;
    drawKeyFigures(result);
    const common = {
      lang,
      versionId: w().version?.versionId ?? t.unsaved,
      scenarioName: w().name[lang],
      municipality: pkg.municipality.name,
      processNames,
      width,
    };
    const total = ftePerYearChart(result, common);
    totalFigure.draw(total, { table: () => totalsTable(result), tableNow });
    const bars = fteProcessBarsChart(result, { ...common, year: focus });
    processFigure.draw(bars, { table: () => barsTable(processBars(result, focus, processNames), focus), tableNow });
    const started = lastInputAt;
    lastInputAt = null;
    window.__vaxa.redraws += 1;
    if (started !== null) {
      // Lay the new charts out now (the browser would before painting) so that the time includes it.
      void results.offsetHeight;
      const done = performance.now();
      window.__vaxa.redrawMs.push(done - started);
      window.__vaxa.renderMs.push(done - begun);
    }
    document.dispatchEvent(new CustomEvent("vaxa:redrawn"));
    if (!tableNow) afterChange();
  }

  function drawKeyFigures(result: ForecastResult): void {
    const row = result.totals.find((r) => r.year === focus)!;
    const base = result.totals[0]!;
    const last = result.totals.at(-1)!;
    const inv = result.investment;
    const item = (name: string, key: string, value: string, detail: string) =>
      el("div", { class: "figure-item", "data-key": key }, el("dt", { text: name }), el("dd", {}, el("span", { class: "value", text: value }), el("span", { class: "detail", text: detail })));
    figures.replaceChildren(
      item(t.kfFte(focus), "fte", f.fte(row.totalFte), t.kfFteDetail(f.fte(row.baselineFte), f.fte(base.totalFte), baseYear)),
      item(t.kfHorizon(horizon), "fte-horizon", f.fte(last.totalFte), t.kfFteDetail(f.fte(last.baselineFte), f.fte(base.totalFte), baseYear)),
      item(t.kfFlat, "flat", result.holdsFlatFrom !== null ? t.kfFlatFrom(result.holdsFlatFrom) : t.kfFlatNever(horizon), ""),
      inv === null
        ? item(t.kfHump, "hump", t.kfNoLevers, "")
        : item(
            t.kfHump,
            "hump",
            inv.humpYear === null ? f.mkr(0) : f.mkr(inv.humpDepth),
            inv.humpYear === null ? "" : t.kfHumpDetail(String(inv.humpYear), inv.paybackYear === null ? t.kfNotPaidBack : String(inv.paybackYear)),
          ),
    );
  }

  function announce(): void {
    if (!lastResult) return;
    live_.textContent = scenarioCaption(scenarioFacts(lastResult, { name: w().name[lang], year: focus }), lang);
  }

  function totalsTable(result: ForecastResult) {
    const base = result.totals[0]!.totalFte;
    return {
      caption: `${t.fte}: ${w().name[lang]}`,
      columns: [
        { label: t.year, value: (r: ForecastResult["totals"][number]) => String(r.year), header: true },
        { label: t.withLevers, value: (r: ForecastResult["totals"][number]) => f.number(r.totalFte, 1), numeric: true },
        { label: t.withoutLevers, value: (r: ForecastResult["totals"][number]) => f.number(r.baselineFte, 1), numeric: true },
        { label: t.baseYearLevel, value: () => f.number(base, 1), numeric: true },
      ],
      rows: result.totals,
    };
  }

  function barsTable(bars: ProcessBar[], year: number) {
    return {
      caption: t.kfFte(year),
      columns: [
        { label: t.process, value: (b: ProcessBar) => b.name, header: true },
        { label: t.withLevers, value: (b: ProcessBar) => f.number(b.scenario, 1), numeric: true },
        { label: t.withoutLevers, value: (b: ProcessBar) => f.number(b.baseline, 1), numeric: true },
        { label: `${t.baseYearLevel} ${baseYear}`, value: (b: ProcessBar) => f.number(b.base, 1), numeric: true },
      ],
      rows: bars,
    };
  }

  function updateStatus(): void {
    const working = w();
    const dirty = isDirty(working, state.defaults);
    const from = working.version && working.scenarioId
      ? t.loadedFrom(working.savedAssumptions?.name[lang] ?? working.scenarioId, t.versionLabel(working.version.number, working.version.versionId))
      : t.newScenario;
    status.replaceChildren(from, dirty && working.version ? el("strong", { class: "dirty", text: ` ${t.changed}` }) : "");
  }

  focusSelect.addEventListener("change", () => {
    focus = Number(focusSelect.value);
    app.setParams({ year: String(focus) });
    redraw(true);
    announce();
  });

  // First draw after the view is in the document (for the chart width).
  updateStatus();
  live.load(assumptionsOf(w(), state.defaults));
  queueMicrotask(() => {
    measure();
    reload();
    announce();
  });

  return {
    element: root,
    destroy() {
      window.removeEventListener("resize", resize);
      resize.cancel();
      afterChange.cancel();
    },
  };
}

/** The save form: name, comment, token, new version or new scenario. */
function saveSection(app: App, onSaved: () => void): HTMLElement {
  const { state, t } = app;
  const lang = state.lang;
  const w = state.working;
  const nameInput = el("input", { type: "text", id: "save-name", value: w.name[lang], autocomplete: "off", maxlength: 120 });
  const comment = el("textarea", { id: "save-comment", rows: 2, maxlength: 1000 });
  const token = el("input", { type: "password", id: "save-token", value: state.token, autocomplete: "off", "aria-describedby": "save-token-hint" });
  const modeVersion = el("input", { type: "radio", name: "save-mode", id: "save-mode-version", value: "version", checked: w.scenarioId !== null, disabled: w.scenarioId === null });
  const modeNew = el("input", { type: "radio", name: "save-mode", id: "save-mode-new", value: "new", checked: w.scenarioId === null });
  const button = el("button", { type: "submit", class: "primary", text: t.saveButton });
  const result = el("div", { class: "save-result", role: "status", id: "save-result" });
  const form = el(
    "form",
    { class: "save", "aria-labelledby": "save-heading" },
    el("h2", { id: "save-heading", text: t.save }),
    el("p", { class: "hint", text: t.saveLead }),
    el("div", { class: "field" }, el("label", { for: "save-name", text: t.saveName }), nameInput),
    el("div", { class: "field" }, el("label", { for: "save-comment", text: t.saveComment }), comment),
    el(
      "div",
      { class: "field" },
      el("label", { for: "save-token", text: t.token }),
      el("p", { class: "hint", id: "save-token-hint", text: t.tokenHint }),
      token,
    ),
    el(
      "fieldset",
      { class: "radios" },
      el("legend", { text: t.saveMode }),
      el("div", {}, modeVersion, el("label", { for: "save-mode-version", text: t.saveAsVersion(w.savedAssumptions?.name[lang] ?? w.name[lang]) })),
      el("div", {}, modeNew, el("label", { for: "save-mode-new", text: t.saveAsNew })),
    ),
    el("div", { class: "actions" }, button),
    result,
  );
  token.addEventListener("change", () => {
    state.token = token.value.trim();
    try {
      sessionStorage.setItem("vaxa.token", state.token);
    } catch {
      // Kept in memory only.
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const working = state.working;
    const name = nameInput.value.trim();
    state.token = token.value.trim();
    if (!state.token) {
      result.replaceChildren(el("p", { class: "error", text: t.needToken }));
      token.focus();
      return;
    }
    if (!name) {
      result.replaceChildren(el("p", { class: "error", text: t.needName }));
      nameInput.focus();
      return;
    }
    try {
      sessionStorage.setItem("vaxa.token", state.token);
    } catch {
      // Kept in memory only.
    }
    // A new name typed in one language names the scenario in both (the other can be edited later).
    const other = lang === "sv" ? "en" : "sv";
    const renamed = name !== working.name[lang];
    working.name = { ...working.name, [lang]: name };
    if (renamed || !working.name[other]) working.name[other] = name;
    const assumptions = assumptionsOf(working, state.defaults);
    const text = comment.value.trim();
    button.disabled = true;
    result.replaceChildren(el("p", { text: t.saving }));
    try {
      const asVersion = modeVersion.checked && working.scenarioId !== null && working.version !== null;
      const answer = asVersion
        ? await api.updateScenario(state.token, working.scenarioId!, { parentVersion: working.version!.hash, assumptions, ...(text ? { comment: text } : {}) })
        : await api.createScenario(state.token, { assumptions, ...(text ? { comment: text } : {}) });
      const { assumptions: saved, ...info } = answer.version;
      working.scenarioId = info.scenarioId;
      working.version = info;
      working.savedAssumptions = saved;
      const created = !("created" in answer) || answer.created;
      await app.refreshScenarios().catch(() => undefined);
      const link = el("a", { href: `#beslutsunderlag?v=${encodeURIComponent(`${info.scenarioId}@${info.versionId}`)}`, text: t.openInCouncil });
      result.replaceChildren(
        el(
          "p",
          { class: "saved" },
          created ? t.saved(saved.name[lang], info.number) : t.savedUnchanged(info.number),
          el("code", { class: "version-id", "data-version-id": info.versionId, text: info.versionId }),
          ". ",
          link,
        ),
      );
      comment.value = "";
      modeVersion.disabled = false;
      onSaved();
    } catch (error) {
      const message = error instanceof ApiError && error.status === 409 && /someone saved/.test(error.message) ? t.conflict : error instanceof Error ? error.message : String(error);
      result.replaceChildren(el("p", { class: "error", text: t.saveFailed(message) }));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
