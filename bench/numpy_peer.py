"""The numpy peer: the same Monte Carlo as Vaxa's, written as an analyst would in numpy.

`npm run bench` writes the Nacka plan (structure as indices, calibrated base-year FTE, parameter
values, bounds and distributions, the population's base, rates and age bands; model/plan.ts) and
Vaxa's own parameter draws and outcomes to a JSON file and runs this script on it. The script

1. draws every uncertain parameter with numpy (triangular, PERT as a scaled beta, normal,
   lognormal, uniform), clamped to its bounds, and runs the model on them, vectorised over the
   draws: the cohort projection (arrays draws × ages per sex, a loop over the years) for the
   drivers the population drives, then the workload, levers and money; the time of sampling +
   model is the peer's figure;
2. runs the model once more on Vaxa's own draws and reports the largest relative difference, over
   every draw and year, of total FTE with and without levers, NPV and hump depth from Vaxa's, to
   show that the peer computes the same model.

Usage: python3 bench/numpy_peer.py plan.json → after a warm-up, one JSON line on stdout (numpy's
version, the draws, the difference from Vaxa's), then for each line read on stdin one timed run and
its JSON line (ms, cpuMs, samplingMs): bench/numpy-peer.ts alternates these runs with Vaxa's.
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


def cohort_bands(plan, theta):
    """The cohort projection of every draw (model/cohort.ts, model/README.md "Cohort-component
    projection"), from the population's base year to the horizon, arrays draws × ages per sex and a
    loop over the years: each age band's sum of women and men per draw and year (draws × years,
    index 0 = the population's base year)."""
    pop = plan["population"]
    inputs = pop["inputs"]
    rates = inputs["assumptions"]
    n = theta.shape[1]
    col = lambda i: theta[i][:, None]  # noqa: E731  (draws × 1, broadcast over ages)
    arr = lambda xs: np.asarray(xs, dtype=float)  # noqa: E731
    sexes = ("women", "men")
    # each draw's rates (draws × ages): deaths and out-migrants at most 1 per person
    dying = {s: np.minimum(1.0, arr(rates["mortality"][s]) * col(pop["mortality"])) for s in sexes}
    leaving = {s: np.minimum(1.0, arr(rates["outMigrationRate"][s]) * col(pop["outMigration"])) for s in sexes}
    staying = {s: 1 - leaving[s] for s in sexes}
    in_share = {s: arr(rates["inMigrationProfile"][s]) for s in sexes}
    half_fertility = 0.5 * arr(rates["fertility"])
    fertility_scale = theta[pop["fertility"]]
    boy_share = rates["boysPerGirl"] / (1 + rates["boysPerGirl"])
    in_scale = theta[pop["inMigration"]]
    net_scale = theta[plan["growthMultiplier"]]
    # in-migrants per year: perYear + perDwelling × homes built that year (+ perResident × residents, below)
    moving = inputs["inMigrants"]
    Y, first = plan["yearCount"], inputs["baseYear"]
    years = plan["horizon"] - first
    arrivals = np.full(years, float(moving["perYear"]))
    if pop["dwellings"] >= 0 and moving["perDwelling"] > 0:
        homes = np.asarray(plan["driverPath"][pop["dwellings"] * Y:(pop["dwellings"] + 1) * Y])
        arrivals = arrivals + moving["perDwelling"] * homes[first + 1 - plan["baseYear"]:]
    # which ages each band sums (ages × bands); the open group's band has no upper age
    ages = len(in_share["women"])
    in_band = np.zeros((ages, len(pop["band"])))
    for k, b in enumerate(pop["band"]):
        in_band[b["from"]:(ages if b["to"] is None else b["to"] + 1), k] = 1.0

    people = {s: np.tile(arr(inputs["base"][s]), (n, 1)) for s in sexes}
    sums = np.empty((years + 1, n, in_band.shape[1]))
    sums[0] = (people["women"] + people["men"]) @ in_band
    for y in range(1, years + 1):
        residents = people["women"].sum(axis=1) + people["men"].sum(axis=1)
        survived = {}
        for s in sexes:
            # one year older (the open group keeps its members and takes in the age below), less deaths
            aged = np.empty_like(people[s])
            aged[:, 1:] = people[s][:, :-1]
            aged[:, -1] += people[s][:, -1]
            aged[:, 0] = 0.0
            survived[s] = aged - aged * dying[s]
            if s == "women":  # births to the mid-year women: the cohort before and after the year's deaths
                births = fertility_scale * ((aged + survived[s]) @ half_fertility)
        newborn = {"women": births - births * boy_share, "men": births * boy_share}
        for s in sexes:
            survived[s][:, 0] = newborn[s] - newborn[s] * dying[s][:, 0]
        year_in = (arrivals[y - 1] + moving["perResident"] * residents) * in_scale
        year_out = sum(np.einsum("ij,ij->i", survived[s], leaving[s]) for s in sexes)
        # the growth multiplier's extra net migrants come with the in-migrants' age profile
        arriving = year_in + (net_scale - 1) * (year_in - year_out)
        for s in sexes:
            people[s] = np.maximum(0.0, survived[s] * staying[s] + arriving[:, None] * in_share[s])
        sums[y] = (people["women"] + people["men"]) @ in_band
    return [sums[:, :, k].T for k in range(in_band.shape[1])]


def run(plan, theta):
    """Total FTE with levers and without (baseline) per draw and year, NPV and hump depth per draw."""
    Y = plan["yearCount"]
    n = theta.shape[1]
    years = np.arange(Y, dtype=float)
    base_year = plan["baseYear"]
    col = lambda i: theta[i][:, None]  # noqa: E731  (draws × 1, broadcast over years)

    # drivers: ln(D(t) / D(base))
    g = col(plan["growthMultiplier"])
    lr = []
    for d in range(len(plan["driverBase"])):
        base = plan["driverBase"][d]
        anchor = plan["driverAnchor"][d]
        path = np.asarray(plan["driverPath"][d * Y:(d + 1) * Y])
        m = g * col(plan["driverMultiplier"][d])
        scaled = m * path if plan["driverIsFlow"][d] else anchor + m * (path - anchor)
        value = np.where(years > plan["driverAnchorIndex"][d], scaled, path)
        value = np.maximum(value, base * 1e-9)
        lr.append(np.log(value / base) if base > 0 else np.zeros((n, Y)))

    # the drivers the population drives, after its base year s: the driver's value then, A, times
    # its band's growth in the projection, under the driver's own multiplier: A + m_d (A·band(t)/band(s) − A)
    pop = plan.get("population")
    if pop is not None and pop["driver"]:
        s = pop["startIndex"]
        for band, d in zip(cohort_bands(plan, theta), pop["driver"]):
            base = plan["driverBase"][d]
            start = base * np.exp(lr[d][:, s:s + 1])
            m = col(plan["driverMultiplier"][d])
            value = np.maximum(start + m * (start * (band[:, 1:] / band[:, :1]) - start), base * 1e-9)
            lr[d][:, s + 1:] = np.log(value / base) if base > 0 else 0.0

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
    return {"totalFte": total, "baselineFte": base_total, "npv": npv, "humpDepth": hump}


def agreement(plan):
    """Largest relative difference from Vaxa's outcomes on Vaxa's own draws: the same model gives the same outcomes, draw by draw."""
    n = plan["draws"]
    theta = np.repeat(np.asarray(plan["values"], dtype=float)[:, None], n, axis=1)
    for j, i in enumerate(plan["drawnParameters"]):
        theta[i] = plan["drawnValues"][j * n:(j + 1) * n]
    peer = run(plan, theta)
    difference = 0.0
    for name, vaxa in plan["vaxa"].items():
        vaxa = np.asarray(vaxa, dtype=float).reshape(peer[name].shape)
        gap = np.abs(peer[name] - vaxa)
        scale = np.abs(vaxa)
        # 0 where both are 0 (no hump in a draw)
        relative = np.divide(gap, scale, out=np.where(gap == 0, 0.0, np.inf), where=scale > 0)
        difference = max(difference, float(relative.max()))
    return difference


def timed_run(plan, seed):
    """One timed run of sampling + model over the plan's number of draws, in ms."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    theta = sample(plan, plan["draws"], np.random.default_rng(seed))
    t1 = time.perf_counter()
    run(plan, theta)
    t2 = time.perf_counter()
    return {"ms": (t2 - t0) * 1000, "cpuMs": (time.process_time() - c0) * 1000, "samplingMs": (t1 - t0) * 1000}


def main():
    plan = json.load(open(sys.argv[1]))
    timed_run(plan, 41)  # warms up
    print(json.dumps({"numpy": np.__version__, "draws": plan["draws"], "maxRelativeDifferenceFromVaxa": agreement(plan)}), flush=True)
    # then one timed run per line read: bench/numpy-peer.ts alternates them with Vaxa's runs, so that
    # both are timed in the same minute (this machine's speed drifts by up to 2x from minute to minute)
    for r, _ in enumerate(sys.stdin):
        print(json.dumps(timed_run(plan, 42 + r)), flush=True)


if __name__ == "__main__":
    main()
