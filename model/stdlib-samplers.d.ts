// Types of the stdlib modules `samplers.ts` drives with its own generator: each package's one-draw
// function, which its factory calls with the package's own generators (versions pinned in package.json).

declare module "@stdlib/random-base-improved-ziggurat/lib/improved_ziggurat.js" {
  /** A standard normal sampler over a uniform on [0, 1) and a 32-bit integer generator that share one stream. */
  export default function improvedZiggurat(randu: () => number, randi: () => number): () => number;
}

declare module "@stdlib/random-base-beta/lib/beta.js" {
  /** One beta(α, β) draw from a uniform and a normal sampler that share one stream. */
  export default function sample(randu: () => number, randn: () => number, alpha: number, beta: number): number;
}

declare module "@stdlib/random-base-lognormal/lib/lognormal.js" {
  /** One lognormal draw, exp(μ + σ·n), from a standard normal sampler. */
  export default function lognormal(randn: () => number, mu: number, sigma: number): number;
}
