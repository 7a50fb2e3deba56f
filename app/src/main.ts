/**
 * The page: labelled controls → a plan (held in the URL) → the library's
 * answers, drawn with its own Vega-Lite specs (draw.ts: a chart of the same
 * structure only has its data replaced in the live view); the
 * Monte Carlo bands and the fit of an uploaded history in a worker.
 */
import type { Account } from 'relationship-equity';
import { charts } from 'relationship-equity/charts';
import { answersFor } from './answers.js';
import { clear, draw } from './draw.js';
import { CONTROLS, PRESETS, planFromQuery, queryOf, readControl, type Plan } from './plan.js';
import { BAND_ASSUMPTIONS, type FitReply, type Request } from './messages.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
let plan: Plan = planFromQuery(location.search);
let account: Account | null = null;
let accountName = '';
let requests = 0;
// Two workers: a fit (which can take seconds) never holds up the bands.
const bandsWorker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const fitWorker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** The controls, made from the plan's list: a label and a number input each. */
function buildControls(): void {
  const box = $('controls');
  for (const control of CONTROLS) {
    const label = document.createElement('label');
    label.htmlFor = `control-${control.key}`;
    label.textContent = control.label;
    const input = document.createElement('input');
    Object.assign(input, { type: 'number', id: `control-${control.key}`, min: String(control.min), max: String(control.max), step: String(control.step) });
    input.addEventListener('input', () => {
      if (input.value === '' || !input.checkValidity()) return;
      update({ ...plan, [control.key]: readControl(control.key, input.value, plan) });
    });
    box.append(label, input);
  }
  $<HTMLInputElement>('uncertainty').addEventListener('change', (e) => update({ ...plan, uncertainty: (e.target as HTMLInputElement).checked }));
  for (const [name, apply] of Object.entries(PRESETS)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = name;
    button.addEventListener('click', () => update(apply(plan), { syncInputs: true }));
    $('presets').append(button);
  }
}

/** Put the plan's values into the inputs (on load, and after a preset). */
function syncInputs(): void {
  for (const control of CONTROLS) $<HTMLInputElement>(`control-${control.key}`).value = String(plan[control.key]);
  $<HTMLInputElement>('uncertainty').checked = plan.uncertainty;
}

let updates = 0;
/** Recompute and redraw for a new plan; a newer update supersedes one still drawing. */
async function update(next: Plan, options: { syncInputs?: boolean } = {}): Promise<void> {
  const started = performance.now();
  const mine = ++updates;
  plan = next;
  if (options.syncInputs) syncInputs();
  history.replaceState(null, '', queryOf(plan));
  const headline = $('headline');
  try {
    const answers = answersFor(plan, account ?? undefined);
    headline.replaceChildren(...answers.sentences.map((s) => Object.assign(document.createElement('p'), { textContent: s })));
    const title = account ? `${accountName}, in its own units` : undefined;
    const spec = answers.cost ? charts.absence(answers.cost, { width: 600, height: 130, ...(title ? { title } : {}) }) : charts.timeline(answers.run!, { width: 600, height: 130, ...(title ? { title } : {}) });
    await draw($('chart'), spec);
  } catch (error) {
    headline.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: error instanceof Error ? error.message : String(error) }));
    await clear($('chart'));
  }
  if (mine !== updates) return;
  const ms = performance.now() - started;
  document.body.dataset.renderMs = ms.toFixed(1);
  document.dispatchEvent(new CustomEvent('rendered', { detail: { ms, what: 'chart', query: queryOf(plan) } }));
  requestBands(started);
}

/** The bands: the latest plan wanted, and whether the worker is busy with one (at most one in flight, one waiting). */
let bandsGeneration = 0;
let bandsWanted: { readonly generation: number; readonly plan: Plan; readonly account: Account | null; readonly started: number } | null = null;
let bandsRunning: { readonly generation: number; readonly started: number } | null = null;

/** Ask for the bands of the current plan (or hide them); a request waiting for the worker is replaced, never queued. */
function requestBands(started: number): void {
  const figure = $('bands-figure');
  bandsGeneration++;
  if (!plan.uncertainty) {
    figure.hidden = true;
    bandsWanted = null;
    return;
  }
  figure.hidden = false;
  figure.setAttribute('aria-busy', 'true');
  $('bands-note').textContent = 'Computing the range of outcomes…';
  bandsWanted = { generation: bandsGeneration, plan, account, started };
  pumpBands();
}

/** Hand the waiting request to the worker when it is free. */
function pumpBands(): void {
  if (bandsRunning !== null || bandsWanted === null) return;
  const job = bandsWanted;
  bandsWanted = null;
  bandsRunning = { generation: job.generation, started: job.started };
  bandsWorker.postMessage({ kind: 'bands', id: job.generation, plan: job.plan, account: job.account } satisfies Request);
}

bandsWorker.onmessage = async (event: MessageEvent) => {
  const message = event.data as { kind: string; id: number; result?: unknown; message?: string };
  const job = bandsRunning!;
  bandsRunning = null;
  pumpBands();
  if (message.id !== bandsGeneration) return; // superseded: a newer request is waiting or running
  const figure = $('bands-figure');
  if (message.kind === 'error') {
    $('bands-note').replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: `Could not compute the bands: ${message.message}` }));
    figure.removeAttribute('aria-busy');
    return;
  }
  await draw($('bands'), charts.bands(message.result as never, { series: 'interest', width: 600, height: 160 }));
  if (message.id !== bandsGeneration) return;
  figure.removeAttribute('aria-busy');
  $('bands-note').textContent = `The range of interest: ${BAND_ASSUMPTIONS}.`;
  const ms = performance.now() - job.started;
  document.body.dataset.bandsMs = ms.toFixed(1);
  document.dispatchEvent(new CustomEvent('rendered', { detail: { ms, what: 'bands', query: queryOf(plan) } }));
};

/** Show a fit's parameters and warnings, in words. */
function showFit(reply: FitReply): void {
  const box = $('fit');
  const rows = reply.parameters
    .map((p) => `<tr><td>${p.parameter}</td><td>${p.value.toPrecision(3)}</td><td>[${p.interval[0].toPrecision(3)}, ${p.interval[1].toPrecision(3)}]</td><td>${p.identified ? 'yes' : 'no — kept at the default'}</td></tr>`)
    .join('');
  const warnings = reply.warnings.map((w) => `<li class="warning">${escape(w)}</li>`).join('');
  box.innerHTML = `<p>Fitted to ${reply.weeks} weeks from ${escape(reply.origin)} (${escape(reply.likelihood)}).</p>
    <table><thead><tr><th>parameter</th><th>estimate</th><th>95% interval</th><th>pinned down</th></tr></thead><tbody>${rows}</tbody></table>
    <p>${reply.adequate ? 'The model fits this history adequately.' : '<strong class="warning">The model does not fit this history well — read the answers with care.</strong>'}</p>
    ${warnings ? `<ul>${warnings}</ul>` : ''}`;
}

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

let fitRequest = 0;
fitWorker.onmessage = async (event: MessageEvent) => {
  const message = event.data as { kind: string; id: number; result?: unknown; message?: string };
  if (message.id !== fitRequest) return; // a later upload, or back to model units
  if (message.kind === 'error') {
    $('fit').replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: `Could not fit this history: ${message.message}` }));
    return;
  }
  const reply = message.result as FitReply;
  account = reply.account;
  showFit(reply);
  $('model-units').hidden = false;
  $('units').textContent = `Answers for ${accountName}: reach in ${reply.account.units.reach}, interest in ${reply.account.units.interest}.`;
  await update(plan);
};

/** Fit an export (its text and a name for the account). */
function fitHistory(name: string, csv: string): void {
  accountName = name.replace(/\.csv$/i, '');
  $('fit').textContent = `Fitting ${name}…`;
  fitRequest = ++requests;
  fitWorker.postMessage({ kind: 'fit', id: fitRequest, name: accountName, csv } satisfies Request);
}

$<HTMLInputElement>('history').addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) fitHistory(file.name, await file.text());
});
$('sample').addEventListener('click', async () => fitHistory('sample-history.csv', await (await fetch(`${import.meta.env.BASE_URL}sample-history.csv`)).text()));
$('model-units').addEventListener('click', () => {
  fitRequest = 0;
  account = null;
  $('fit').replaceChildren();
  $('units').textContent = '';
  $('model-units').hidden = true;
  $<HTMLInputElement>('history').value = '';
  void update(plan);
});

buildControls();
syncInputs();
void update(plan);
