"""The numpy peer: the same Monte Carlo as Vaxa's, written as an analyst would in numpy.

`npm run bench` writes the Nacka plan (structure as indices, calibrated base-year FTE, parameter
values, bounds and distributions; model/plan.ts) and Vaxa's own parameter draws to a JSON file and
runs this script on it. The script

1. draws every uncertain parameter with numpy (triangular, PERT as a scaled beta, normal,
   lognormal, uniform), clamped to its bounds, and runs the model on them, vectorised over the
   draws: the time of sampling + model is the peer's figure;
2. runs the model once more on Vaxa's own draws and reports the largest relative difference of
   total FTE from Vaxa's, to show that the peer computes the same model.

Usage: python3 bench/numpy_peer.py plan.json runs  → one JSON line on stdout.
"""
import json
import sys
import time

import numpy as np

LEVER_STRIDE = 11
L_EFFICIENCY, L_START, L_SHAPE_1, L_SHAPE_2, L_CEILING, L_DIP = 0, 1, 2, 3, 4, 5
L_PERSON_YEARS, L_CAPEX, L_UPKEEP, L_LICENCES, L_SYSTEM_SAVINGS = 6, 7, 8, 9, 10
MATERIAL_AMOUNT = 1.0


def sample(plan, n, rng):
    """theta (parameters × draws): point values, uncertain parameters drawn and clamped."""
    theta = np.repeat(np.asarray(plan["values"], dtype=float)[:, None], n, axis=1)
    for u in plan["uncertain"]:
        d = u["distribution"]
        t = d["type"]
        if t == "triangular":
            x = rng.triangular(d["min"], d["mode"], d["max"], n) if d["min"] < d["max"] else np.full(n, d["min"])
        elif t == "pert":
            r = d["max"] - d["min"]
            if r == 0:
                x = np.full(n, d["min"])
            else:
                a = 1 + 4 * (d["mode"] - d["min"]) / r
                b = 1 + 4 * (d["max"] - d["mode"]) / r
                x = d["min"] + r * rng.beta(a, b, n)
        elif t == "normal":
            x = rng.normal(d["mean"], d["sd"], n)
        elif t == "lognormal":
            x = rng.lognormal(d["mu"], d["sigma"], n)
        else:
            x = rng.uniform(d["min"], d["max"], n)
        i = u["parameter"]
        theta[i] = np.clip(x, plan["lower"][i], plan["upper"][i])
    return theta


def run(plan, theta):
    """Total FTE per draw and year, NPV and hump depth per draw."""
    Y = plan["yearCount"]
    n = theta.shape[1]
    years = np.arange(Y, dtype=float)
    base_year = plan["baseYear"]
    col = lambda i: theta[i][:, None]  # noqa: E731  (draws × 1, broadcast over years)

    # drivers: ln(D(t) / D(base))
    g = col(plan["growthMultiplier"])
    lr = []
    residents = None
    for d in range(len(plan["driverBase"])):
        base = plan["driverBase"][d]
        anchor = plan["driverAnchor"][d]
        path = np.asarray(plan["driverPath"][d * Y:(d + 1) * Y])
        m = g * col(plan["driverMultiplier"][d])
        scaled = m * path if plan["driverIsFlow"][d] else anchor + m * (path - anchor)
        value = np.where(years > plan["driverAnchorIndex"][d], scaled, path)
        value = np.maximum(value, base * 1e-9)
        lr.append(np.log(value / base) if base > 0 else np.zeros((n, Y)))

    # adoption per lever
    shift = col(plan["midpointShift"])
    adoption = []
    calendar = base_year + years
    for l, curve in enumerate(plan["leverCurve"]):
        p = lambda o: col(plan["leverParameter"][l * LEVER_STRIDE + o])  # noqa: E731
        start, s1, s2, ceiling = p(L_START), p(L_SHAPE_1), p(L_SHAPE_2), p(L_CEILING)
        if curve == 0:  # logistic
            s = np.where(calendar >= start, ceiling / (1 + np.exp(-s2 * (calendar - (s1 + shift)))), 0.0)
        else:  # Bass
            tau = calendar - start + 1
            decay = np.exp(-(s1 + s2) * tau)
            s = np.where(tau > 0, ceiling * (1 - decay) / (1 + (s2 / s1) * decay), 0.0)
        s[:, 0] = 0.0
        adoption.append(s)

    intensity = col(plan["intensity"])
    targets = range(len(plan["targetLever"]))
    reach = [np.minimum(col(plan["targetReach"][t]) * intensity, 1.0) for t in targets]
    remaining = [
        1 - reach[t] * col(plan["leverParameter"][plan["targetLever"][t] * LEVER_STRIDE + L_EFFICIENCY]) * adoption[plan["targetLever"][t]]
        for t in targets
    ]

    P = len(plan["fixedFte"])
    act_start, term_start = plan["processActivityStart"], plan["termStart"]
    fix_start = plan["fixedTermStart"]

    def growth(drivers, elasticities, supported_log):
        log = np.zeros((n, Y))
        for d, e in zip(drivers, elasticities):
            log = log + col(e) * (lr[d] if d >= 0 else supported_log)
        return np.exp(log)

    def supported_log(p, fte):
        ids = plan["supportedList"][plan["supportedStart"][p]:plan["supportedStart"][p + 1]]
        if not ids:
            return None
        base = sum(baseline[q][:, :1] for q in ids)
        return np.log(sum(fte(q) for q in ids) / base)

    baseline, fixed_base, act_base, drift = [None] * P, [None] * P, {}, [None] * P
    for p in plan["processOrder"]:
        sl = supported_log(p, lambda q: baseline[q])
        drift[p] = (1 + col(plan["processDrift"][p])) ** years
        fs, fe = fix_start[p], fix_start[p + 1]
        fixed_base[p] = plan["fixedFte"][p] * growth(plan["fixedTermDriver"][fs:fe], plan["fixedTermElasticity"][fs:fe], sl) * drift[p]
        b = fixed_base[p] + plan["allowanceFte"][p]
        for a in range(act_start[p], act_start[p + 1]):
            ts, te = term_start[a], term_start[a + 1]
            act_base[a] = plan["activityFte"][a] * growth(plan["termDriver"][ts:te], plan["termElasticity"][ts:te], sl) * drift[p]
            b = b + act_base[a]
        baseline[p] = b

    # the J-curve and the competence shift
    development = [np.zeros((n, Y)) for _ in range(P)]
    transition = [np.zeros((n, Y)) for _ in range(P)]
    capex_y = np.zeros((n, Y))
    licences = np.zeros((n, Y))
    system_savings = np.zeros((n, Y))
    build_total = np.zeros((n, Y))
    for l in range(len(plan["leverCurve"])):
        p = lambda o: col(plan["leverParameter"][l * LEVER_STRIDE + o])  # noqa: E731
        s = adoption[l]
        rise = np.diff(s, axis=1, prepend=s[:, :1])
        by = plan["buildYears"][l]
        bf = plan["buildStart"][l] - base_year
        building = (years >= bf) & (years < bf + by)
        build = np.where(building, p(L_PERSON_YEARS) / by if by > 0 else 0.0, 0.0)
        capex_y = capex_y + np.where(building, p(L_CAPEX) / by if by > 0 else 0.0, 0.0)
        build_total = build_total + build
        licences = licences + p(L_LICENCES) * s
        system_savings = system_savings + p(L_SYSTEM_SAVINGS) * s
        ts = range(plan["targetStart"][l], plan["targetStart"][l + 1])
        reached = [reach[t] * (act_base[plan["targetActivity"][t]] if plan["targetActivity"][t] >= 0 else fixed_base[plan["targetProcess"][t]]) for t in ts]
        affected = sum(reached) if reached else np.zeros((n, Y))
        lever_transition = p(L_DIP) * affected * rise
        lever_development = build + p(L_UPKEEP) * s
        safe = np.where(affected > 0, affected, 1.0)
        for k, t in enumerate(ts):
            w = np.where(affected > 0, reached[k] / safe, 1.0 if k == 0 else 0.0)
            development[plan["targetProcess"][t]] += lever_development * w
            transition[plan["targetProcess"][t]] += lever_transition * w

    # delivery with the levers' savings
    delivery = [None] * P
    fixed_targets = {}
    for t in targets:
        if plan["targetActivity"][t] < 0:
            fixed_targets.setdefault(plan["targetProcess"][t], []).append(t)
    act_targets = {}
    for t in targets:
        if plan["targetActivity"][t] >= 0:
            act_targets.setdefault(plan["targetActivity"][t], []).append(t)
    for p in plan["processOrder"]:
        sl = supported_log(p, lambda q: delivery[q] + development[q] + transition[q])
        fs, fe = fix_start[p], fix_start[p + 1]
        moves = lambda drivers: sl is not None and -1 in drivers  # noqa: E731
        fixed = plan["fixedFte"][p] * growth(plan["fixedTermDriver"][fs:fe], plan["fixedTermElasticity"][fs:fe], sl) * drift[p] if moves(plan["fixedTermDriver"][fs:fe]) else fixed_base[p]
        for t in fixed_targets.get(p, []):
            fixed = fixed * remaining[t]
        d = fixed + plan["allowanceFte"][p]
        for a in range(act_start[p], act_start[p + 1]):
            ts, te = term_start[a], term_start[a + 1]
            v = plan["activityFte"][a] * growth(plan["termDriver"][ts:te], plan["termElasticity"][ts:te], sl) * drift[p] if moves(plan["termDriver"][ts:te]) else act_base[a]
            for t in act_targets.get(a, []):
                v = v * remaining[t]
            d = d + v
        delivery[p] = d

    base_total = sum(baseline)
    delivery_total = sum(delivery)
    change = sum(development) + sum(transition)
    total = delivery_total + change
    cost_per_fte = col(plan["costPerFte"])
    net = (base_total - delivery_total) * cost_per_fte + system_savings - (capex_y + licences + change * cost_per_fte)
    cumulative = np.cumsum(net, axis=1)
    npv = (net / (1 + col(plan["discountRate"])) ** years).sum(axis=1)
    trough = np.minimum(cumulative.min(axis=1), 0.0)
    hump = np.where(trough < -MATERIAL_AMOUNT, -trough, 0.0)
    return total, npv, hump


def main():
    plan = json.load(open(sys.argv[1]))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    n = plan["draws"]
    times = []
    sampling = []
    for r in range(runs + 1):
        t0 = time.perf_counter()
        theta = sample(plan, n, np.random.default_rng(42 + r))
        t1 = time.perf_counter()
        run(plan, theta)
        t2 = time.perf_counter()
        if r > 0:  # the first run warms up
            times.append((t2 - t0) * 1000)
            sampling.append((t1 - t0) * 1000)
    # the same draws as Vaxa's: the same model gives the same total FTE
    theta = np.repeat(np.asarray(plan["values"], dtype=float)[:, None], n, axis=1)
    for j, i in enumerate(plan["drawnParameters"]):
        theta[i] = plan["drawnValues"][j * n:(j + 1) * n]
    total, _, _ = run(plan, theta)
    vaxa = np.asarray(plan["vaxaTotalFte"]).reshape(n, -1)
    difference = float(np.max(np.abs(total - vaxa) / np.abs(vaxa)))
    print(json.dumps({
        "numpy": np.__version__,
        "draws": n,
        "runs": runs,
        "ms": float(np.median(times)),
        "samplingMs": float(np.median(sampling)),
        "maxRelativeDifferenceFromVaxa": difference,
    }))


if __name__ == "__main__":
    main()
