/**
 * Runs contenders side by side: in every round each contender runs once, in an order rotated
 * from round to round, so that a slow spell of a shared machine hits all of them alike.
 */

/**
 * contenders: [{ name, label, note?, runs?, run(context) -> { ms, cpu? } (or ms), check?(context) }]
 * `runs` caps a slow contender's runs below `rounds` (it runs in the first rounds only).
 * perRun: { setup() -> context, teardown(context) }, both untimed, around every single run.
 * A contender that throws is marked failed (its error kept) and skipped from then on.
 * Returns the contenders with `samples` (wall ms) and `cpu` (CPU ms, when known), or `error`.
 */
export async function compare(contenders, { rounds, setup = () => undefined, teardown = () => undefined, log = () => {} }) {
  const results = contenders.map((c) => ({ ...c, samples: [], cpu: [], error: undefined }));
  for (let round = 0; round < rounds; round++) {
    const order = results.map((_, i) => results[(i + round) % results.length]);
    for (const c of order) {
      if (c.error || (c.runs !== undefined && c.samples.length >= c.runs)) continue;
      const context = await setup(c);
      try {
        const timing = await c.run(context);
        const { ms, cpu } = typeof timing === "number" ? { ms: timing, cpu: undefined } : timing;
        if (c.check) await c.check(context);
        c.samples.push(ms);
        if (cpu !== undefined) c.cpu.push(cpu);
        log(`  ${c.label}: ${ms.toFixed(0)} ms${cpu === undefined ? "" : ` (CPU ${cpu.toFixed(0)} ms)`}`);
      } catch (err) {
        c.error = err instanceof Error ? err.message : String(err);
        log(`  ${c.label}: FAILED\n${c.error.replace(/^/gm, "    ")}`);
      } finally {
        await teardown(context, c);
      }
    }
    log(`round ${round + 1}/${rounds} done`);
  }
  return results;
}
