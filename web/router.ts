/**
 * Routes are hash fragments: `#planering`, `#ekonomi`, `#beslutsunderlag` (`#planner`, `#finance`,
 * `#council` and `#politiken` also work), with a view's own parameters after `?` — the council
 * view keeps its chosen versions there (`#beslutsunderlag?v=vaxa-utan-att-vaxa@3f2a9c1d0b4e`) so
 * that a link opens them. Pure: text in, route out, and back.
 */
import type { Route, ViewName } from "./state.ts";

const ROUTES: Record<string, ViewName> = {
  planering: "planner",
  planner: "planner",
  ekonomi: "finance",
  finance: "finance",
  beslutsunderlag: "council",
  politiken: "council",
  council: "council",
  data: "data",
};

/** The Swedish fragment of each view, in the order of the navigation. */
export const FRAGMENT: Record<ViewName, string> = { planner: "planering", finance: "ekonomi", council: "beslutsunderlag", data: "data" };

/** The route of a fragment such as `#beslutsunderlag?v=a@1`; an unknown name is the planner. */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, "");
  const [name = "", query = ""] = text.split("?", 2);
  return { view: ROUTES[name] ?? "planner", params: Object.fromEntries(new URLSearchParams(query)) };
}

/** The fragment of a route: `#beslutsunderlag?v=a%401`. */
export function fragmentOf(route: Route): string {
  const query = new URLSearchParams(route.params).toString();
  return `#${FRAGMENT[route.view]}${query ? `?${query}` : ""}`;
}
