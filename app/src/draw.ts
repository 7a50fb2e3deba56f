/**
 * Drawing the library's Vega-Lite specs into the page fast: a chart whose
 * structure is the one already on screen only has its data replaced in the
 * live Vega view (no compile, no parse, no new view); any other chart is
 * embedded anew. The title is taken out of the spec and shown as text above
 * the chart, so a title with new numbers does not force a new view.
 */
import embed from 'vega-embed';

/** A spec split into what changes from plan to plan and what does not. */
export interface SplitSpec {
  /** The spec with every inline `data: { values }` replaced by a named dataset, and no title. */
  readonly skeleton: Record<string, unknown>;
  /** The values of each named dataset, in the order they appear in the spec. */
  readonly datasets: Readonly<Record<string, readonly unknown[]>>;
  /** The title and subtitle the spec had ('' when none). */
  readonly title: string;
  readonly subtitle: string;
  /** The skeleton as text: two specs with the same key differ only in their data and title. */
  readonly key: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Split a Vega-Lite spec: inline data values become named datasets
 * (`data-0`, `data-1`, … in the order of a depth-first walk) and the
 * top-level title is taken out.
 */
export function splitSpec(spec: Record<string, unknown>): SplitSpec {
  const datasets: Record<string, readonly unknown[]> = {};
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && isObject(value) && Array.isArray(value.values)) {
        const name = `data-${Object.keys(datasets).length}`;
        datasets[name] = value.values;
        out[key] = { name };
      } else out[key] = walk(value);
    }
    return out;
  };
  const { title, ...rest } = spec;
  const skeleton = walk(rest) as Record<string, unknown>;
  const [text, subtitle] = isObject(title) ? [String(title.text ?? ''), String(title.subtitle ?? '')] : [title === undefined ? '' : String(title), ''];
  return { skeleton, datasets, title: text, subtitle, key: JSON.stringify(skeleton) };
}

/** What a chart's element holds: its live view and the key of the structure it shows. */
interface Drawn {
  readonly view: Awaited<ReturnType<typeof embed>>['view'];
  readonly finalize: () => void;
  readonly key: string;
}

/** The views on screen, per element: finalized before a new view is embedded into it (a view holds timers and listeners). */
const drawn = new Map<HTMLElement, Drawn>();
/** Drawings into an element, one after another (so each view is finalized exactly once). */
const queue = new Map<HTMLElement, Promise<void>>();

/** Show the title above the chart (in an element before it, made on first use). */
function showTitle(element: HTMLElement, split: SplitSpec): void {
  let caption = element.previousElementSibling as HTMLElement | null;
  if (!caption?.classList.contains('chart-title')) {
    caption = document.createElement('div');
    caption.className = 'chart-title';
    element.before(caption);
  }
  const [title, subtitle] = [document.createElement('p'), document.createElement('p')];
  title.textContent = split.title;
  subtitle.textContent = split.subtitle;
  subtitle.className = 'subtitle';
  caption.replaceChildren(...(split.title ? [title] : []), ...(split.subtitle ? [subtitle] : []));
}

/** What {@link replaceData} needs of a Vega view. */
export interface LiveView {
  data(name: string, values: object[]): unknown;
  resize(): unknown;
  runAsync(): Promise<unknown>;
}

/** Replace a live view's datasets and re-run it, laid out again (new data can need a wider axis or a longer legend). */
export async function replaceData(view: LiveView, datasets: SplitSpec['datasets']): Promise<void> {
  for (const [name, values] of Object.entries(datasets)) view.data(name, values as object[]);
  view.resize();
  await view.runAsync();
}

/**
 * Draw a spec into an element; resolves when it is on screen. A spec with the
 * structure already shown there updates the live view's data only.
 */
export function draw(element: HTMLElement, spec: Record<string, unknown>): Promise<void> {
  const next = (queue.get(element) ?? Promise.resolve()).then(async () => {
    const split = splitSpec(spec);
    showTitle(element, split);
    const current = drawn.get(element);
    if (current?.key === split.key) return replaceData(current.view, split.datasets);
    current?.finalize();
    drawn.delete(element);
    const result = await embed(element, { ...split.skeleton, datasets: split.datasets } as never, { renderer: 'svg', actions: false });
    drawn.set(element, { view: result.view, finalize: () => result.finalize(), key: split.key });
  });
  queue.set(element, next.catch(() => undefined));
  return next;
}

/** Take a chart off the page (its view finalized, its title removed), after any drawing still under way. */
export function clear(element: HTMLElement): Promise<void> {
  const next = (queue.get(element) ?? Promise.resolve()).then(() => {
    drawn.get(element)?.finalize();
    drawn.delete(element);
    element.replaceChildren();
    const caption = element.previousElementSibling;
    if (caption?.classList.contains('chart-title')) caption.remove();
  });
  queue.set(element, next.catch(() => undefined));
  return next;
}
