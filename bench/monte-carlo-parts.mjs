// Where a Monte Carlo's time goes beyond the lanes: the same 10,000 runs × 5 years with and without the
// day-to-day noise, and with one summarised series instead of three, beside 10,000 single simulates, one process.
// Usage: npm run build && node bench/monte-carlo-parts.mjs
const L = await import(new URL('../dist/index.js', import.meta.url).href);
const sc = { horizon: '5 years', activity: L.schedule.reference().pause({ from: '18 months', for: '8 months' }) };
const uncertain = { neglectDecay: { kind: 'normal', mean: 0.0015, sd: 0.0004, min: 0 }, 'lag.mean': { kind: 'triangular', min: 240, mode: 365, max: 540 } };
const cases = {
  'noise 0.2, 3 series': { runs: 10000, seed: 'b', scenario: sc, uncertain, noise: { reach: 0.2 } },
  'no noise, 3 series': { runs: 10000, seed: 'b', scenario: sc, uncertain },
  'noise 0.2, equity only': { runs: 10000, seed: 'b', scenario: sc, uncertain, noise: { reach: 0.2 }, series: ['equity'] },
};
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const t = {};
for (const k in cases) { L.monteCarlo(cases[k]); t[k] = []; }
for (let r = 0; r < 3; r++) for (const k in cases) { const s = performance.now(); L.monteCarlo(cases[k]); t[k].push(performance.now() - s); }
const singles = () => { const s = performance.now(); for (let i = 0; i < 10000; i++) L.simulate({ ...sc, parameters: { neglectDecay: 0.0015 + i * 1e-8 } }); return performance.now() - s; };
singles(); const st = med([singles(), singles(), singles()]);
console.log('10k singles', st.toFixed(0));
for (const k in t) console.log(k, med(t[k]).toFixed(0), 'ms', (med(t[k]) / st).toFixed(2) + 'x');
