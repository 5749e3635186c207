/**
 * A number box for one parameter of the overlay: what is typed goes to the store as a value of the
 * path (one undo step per box left), an emptied box removes the value (back to its default).
 */
import { type NumberBox, numberBox, type NumberBoxOptions } from "../../controls.ts";
import type { ViewContext } from "../../view.ts";
import { valueOf, withoutValue, withValue } from "../../working.ts";

export function parameterBox(context: ViewContext, path: string, options: Omit<NumberBoxOptions, "value" | "onValue" | "onClear" | "lang">): NumberBox {
  const { store, defaults, lang } = context;
  return numberBox({
    ...options,
    lang,
    value: valueOf(store.state.working.overlay, defaults, path),
    onValue: (v, final) => {
      store.updateOverlay((o) => withValue(o, path, v), path);
      if (final) store.endGesture();
    },
    onClear: () => {
      store.updateOverlay((o) => withoutValue(o, path));
      return valueOf(store.state.working.overlay, defaults, path);
    },
  });
}
