/**
 * The page: labelled controls → a plan (held in the URL) → the library's
 * answers, drawn with its own Vega-Lite specs through vega-embed; the
 * Monte Carlo bands and the fit of an uploaded history in a worker.
 */
import embed from 'vega-embed';
import type { Account } from 'relationship-equity';
import { charts } from 'relationship-equity/charts';
import { answersFor } from './answers.js';
import { CONTROLS, PRESETS, planFromQuery, queryOf, readControl, type Plan } from './plan.js';
import { BAND_ASSUMPTIONS, type FitReply, type Request } from './messages.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
let plan: Plan = planFromQuery(location.search);
let account: Account | null = null;
let accountName = '';
let requests = 0;
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
/** A request without its id (the page numbers them). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;
const send = (request: Unnumbered<Request>): number => {
  const id = ++requests;
  worker.postMessage({ ...request, id });
  return id;
};

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

/** The views on screen, per element: finalized before the next drawing into it (a view holds timers and listeners). */
const views = new Map<HTMLElement, { finalize(): void }>();

/** Drawings into an element, one after another (so each view is finalized exactly once). */
const drawing = new Map<HTMLElement, Promise<void>>();

/** Draw a spec into an element; resolves when it is on screen. */
function draw(element: HTMLElement, spec: Record<string, unknown>): Promise<void> {
  const next = (drawing.get(element) ?? Promise.resolve()).then(async () => {
    views.get(element)?.finalize();
    views.set(element, await embed(element, spec as never, { renderer: 'svg', actions: false }));
  });
  drawing.set(element, next.catch(() => undefined));
  return next;
}

/** Recompute and redraw for a new plan. */
async function update(next: Plan, options: { syncInputs?: boolean } = {}): Promise<void> {
  const started = performance.now();
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
  }
  const ms = performance.now() - started;
  document.body.dataset.renderMs = ms.toFixed(1);
  document.dispatchEvent(new CustomEvent('rendered', { detail: { ms, what: 'chart' } }));
  requestBands(started);
}

let bandsRequest = 0;
let bandsStarted = 0;
/** Ask the worker for the bands of the current plan (or hide them). */
function requestBands(started: number): void {
  const figure = $('bands-figure');
  if (!plan.uncertainty) {
    figure.hidden = true;
    bandsRequest = 0;
    return;
  }
  figure.hidden = false;
  figure.setAttribute('aria-busy', 'true');
  $('bands-note').textContent = 'Computing the range of outcomes…';
  bandsStarted = started;
  bandsRequest = send({ kind: 'bands', plan, account });
}

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

worker.onmessage = async (event: MessageEvent) => {
  const message = event.data as { kind: string; id: number; result?: unknown; of?: string; message?: string };
  if (message.kind === 'bands' && message.id === bandsRequest) {
    const figure = $('bands-figure');
    await draw($('bands'), charts.bands(message.result as never, { series: 'interest', width: 600, height: 160 }));
    figure.removeAttribute('aria-busy');
    $('bands-note').textContent = `The range of interest: ${BAND_ASSUMPTIONS}.`;
    const ms = performance.now() - bandsStarted;
    document.body.dataset.bandsMs = ms.toFixed(1);
    document.dispatchEvent(new CustomEvent('rendered', { detail: { ms, what: 'bands' } }));
  } else if (message.kind === 'fit') {
    const reply = message.result as FitReply;
    account = reply.account;
    showFit(reply);
    $('model-units').hidden = false;
    $('units').textContent = `Answers for ${accountName}: reach in ${reply.account.units.reach}, interest in ${reply.account.units.interest}.`;
    await update(plan);
  } else if (message.kind === 'error') {
    const target = message.of === 'fit' ? $('fit') : $('bands-note');
    target.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: `Could not ${message.of === 'fit' ? 'fit this history' : 'compute the bands'}: ${message.message}` }));
    if (message.of === 'bands') $('bands-figure').removeAttribute('aria-busy');
  }
};

/** Fit an export (its text and a name for the account). */
function fitHistory(name: string, csv: string): void {
  accountName = name.replace(/\.csv$/i, '');
  $('fit').textContent = `Fitting ${name}…`;
  send({ kind: 'fit', name: accountName, csv });
}

$<HTMLInputElement>('history').addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) fitHistory(file.name, await file.text());
});
$('sample').addEventListener('click', async () => fitHistory('sample-history.csv', await (await fetch(`${import.meta.env.BASE_URL}sample-history.csv`)).text()));
$('model-units').addEventListener('click', () => {
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
