/**
 * Measures, from outside the app, how long the planner takes from a slider's input event to the
 * finished redraw. Installed into the page by the benchmark (`page.evaluate`), not part of the
 * app: a capturing `input` listener notes the event's time, a wrapper around
 * `requestAnimationFrame` notes when each frame's callback starts, and a MutationObserver on the
 * charts notes when new SVG arrives. At that moment (the end of the redraw's task: the model run,
 * both charts and the key figures are done) the probe forces layout, as the browser would before
 * painting, and records input → now (`total`) and frame start → now (`render`).
 */

/** What the probe has recorded, one entry per redraw after an input. */
export interface RedrawTimes {
  total: number[];
  render: number[];
}

declare global {
  interface Window {
    /** Set by {@link installRedrawProbe} in the benchmark's page only. */
    redrawProbe?: RedrawTimes;
  }
}

/**
 * Installs the probe in the page it runs in. Pass it to `page.evaluate` as it is: it is serialised
 * and must use nothing outside itself.
 */
export function installRedrawProbe(): void {
  const times: RedrawTimes = { total: [], render: [] };
  window.redrawProbe = times;
  let inputAt: number | null = null;
  let frameAt = 0;
  document.addEventListener("input", (event) => {
    inputAt ??= event.timeStamp;
  }, true);
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    requestFrame((time) => {
      frameAt = performance.now();
      callback(time);
    });
  const charts = new MutationObserver((records) => {
    if (inputAt === null || !records.some((r) => r.target instanceof Element && r.target.matches("figure.chart .plot"))) return;
    void document.body.offsetHeight;
    const done = performance.now();
    times.total.push(done - inputAt);
    times.render.push(done - frameAt);
    inputAt = null;
  });
  charts.observe(document.querySelector("main") ?? document.body, { childList: true, subtree: true });
}
