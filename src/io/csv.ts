/**
 * The CSV dialects analytics exports are written in: commas, semicolons or
 * tabs between fields (detected from the header line), decimal points or
 * decimal commas (a semicolon file is European Excel's: decimal commas),
 * thousands separators (`5,400`, `5.400`, `5 400`), and the headers the
 * common exports use (`Date`, `Video views`, `Videos posted`), or a mapping
 * of your own. Every column is accounted for: mapped, known to be unused
 * (`likes`, `comments`, …), or named in `ignore` — any other is an error, not
 * a column silently dropped.
 *
 * @module
 */
import { ParameterError } from '../core/errors.js';
import { closestName, decimalNumber, knownKeys, plainObject } from '../core/validate.js';

/**
 * The columns a history reads: the day, posts and events made that day, and the
 * views and leads observed.
 *
 * @example
 * ```ts
 * import { HISTORY_COLUMNS } from 'relationship-equity';
 * HISTORY_COLUMNS.includes('views'); // true
 * ```
 */
export const HISTORY_COLUMNS = ['date', 'posts', 'events', 'views', 'leads'] as const;
/** A column a history reads. */
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** How a CSV export is written; every field is detected or defaulted when left out. */
export interface CsvOptions {
  /** The field separator. @defaultValue the one of `,` `;` tab found most in the header line */
  readonly separator?: ',' | ';' | '\t';
  /** The decimal mark. @defaultValue `','` when the separator is `;` (European Excel), else `'.'` */
  readonly decimal?: '.' | ',';
  /** Header names (any case) for the columns read, when the export names them otherwise: `{ views: 'Video views' }`. @defaultValue the common names listed in {@link DEFAULT_HEADERS} */
  readonly columns?: Readonly<Partial<Record<HistoryColumn, string>>>;
  /** Header names (any case) of columns to skip. @defaultValue none, besides the metrics listed in {@link UNUSED_HEADERS} */
  readonly ignore?: readonly string[];
}

/**
 * The header names read as each column by default (lower case), after those of
 * the common analytics exports (TikTok Studio, YouTube Studio, Instagram and
 * Meta Business Suite overviews).
 *
 * @example
 * ```ts
 * import { DEFAULT_HEADERS } from 'relationship-equity';
 * DEFAULT_HEADERS.views.includes('video views'); // true
 * ```
 */
export const DEFAULT_HEADERS: Readonly<Record<HistoryColumn, readonly string[]>> = Object.freeze({
  date: ['date', 'day', 'week', 'week starting', 'period'],
  posts: ['posts', 'videos', 'videos posted', 'videos published', 'uploads', 'published', 'content published', 'posts published'],
  events: ['events', 'challenges', 'events joined', 'campaigns'],
  views: ['views', 'video views', 'impressions', 'reach', 'post impressions', 'accounts reached', 'plays'],
  leads: ['leads', 'enquiries', 'inquiries', 'contacts', 'inbound leads'],
});

/**
 * Metrics the common exports carry that a history does not read: skipped without a word (lower case).
 *
 * @example
 * ```ts
 * import { UNUSED_HEADERS } from 'relationship-equity';
 * UNUSED_HEADERS.includes('likes'); // true
 * ```
 */
export const UNUSED_HEADERS: readonly string[] = Object.freeze([
  'likes', 'comments', 'shares', 'saves', 'followers', 'new followers', 'subscribers', 'subscribers gained', 'subscribers lost',
  'profile views', 'watch time', 'watch time (hours)', 'total watch time', 'average watch time', 'average view duration', 'engagement',
  'engagements', 'engagement rate', 'clicks', 'link clicks', 'website clicks', 'ctr', 'revenue', 'estimated revenue', 'comments added', 'notes',
]);

/** A CSV dialect and header, read once. */
export interface CsvLayout {
  readonly separator: string;
  readonly decimal: '.' | ',';
  /** For every field of a row, the column it is read as, or null when it is skipped. */
  readonly columns: readonly (HistoryColumn | null)[];
}

/** Split one line into fields at `separator` (double quotes may enclose separators; "" is a quote). */
export function splitFields(line: string, separator: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** The separator of a header line: the one of `,` `;` tab found most outside quotes (a comma on a tie). */
function detectSeparator(line: string): string {
  let best = ',';
  let most = 0;
  for (const s of [',', ';', '\t']) {
    const count = splitFields(line, s).length - 1;
    if (count > most) {
      best = s;
      most = count;
    }
  }
  return best;
}

const GROUPED_POINT = /^[+-]?\d{1,3}(?:[, \u00a0\u202f]\d{3})+(?:\.\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:[. \u00a0\u202f]\d{3})+(?:,\d+)?$/;

/**
 * A number as the dialect writes it (`5,400.5` or `5.400,5`, thousands grouped
 * by threes), or undefined for anything else.
 */
export function readNumber(cell: string, decimal: '.' | ','): number | undefined {
  if (decimal === '.') {
    const plain = GROUPED_POINT.test(cell) ? cell.replace(/[, \u00a0\u202f]/g, '') : cell;
    return decimalNumber(plain);
  }
  const plain = GROUPED_COMMA.test(cell) ? cell.replace(/[. \u00a0\u202f]/g, '') : cell;
  if (plain.includes('.')) return undefined; // a point in a decimal-comma file is not a number we can read safely
  return decimalNumber(plain.replace(',', '.'));
}

/** Read the CSV options. */
function readOptions(options: CsvOptions): Required<Pick<CsvOptions, 'columns' | 'ignore'>> & Pick<CsvOptions, 'separator' | 'decimal'> {
  const o = plainObject('options', options);
  if (o.separator !== undefined && o.separator !== ',' && o.separator !== ';' && o.separator !== '\t') throw new ParameterError('options.separator', o.separator, "',', ';' or a tab");
  if (o.decimal !== undefined && o.decimal !== '.' && o.decimal !== ',') throw new ParameterError('options.decimal', o.decimal, "'.' or ','");
  const columns = o.columns === undefined ? {} : plainObject('options.columns', o.columns);
  knownKeys('options.columns', columns, HISTORY_COLUMNS);
  for (const [key, name] of Object.entries(columns)) {
    if (typeof name !== 'string' || name.trim() === '') throw new ParameterError(`options.columns.${key}`, name, 'a header name');
  }
  const ignore = o.ignore === undefined ? [] : o.ignore;
  if (!Array.isArray(ignore) || ignore.some((n) => typeof n !== 'string')) throw new ParameterError('options.ignore', o.ignore, 'an array of header names');
  return {
    ...(o.separator === undefined ? {} : { separator: o.separator as CsvOptions['separator'] }),
    ...(o.decimal === undefined ? {} : { decimal: o.decimal as CsvOptions['decimal'] }),
    columns: columns as CsvOptions['columns'] & object,
    ignore: ignore as string[],
  };
}

/** The column a default header name belongs to (a column itself for a column's name), for a hint. */
function closestColumn(name: string | undefined): HistoryColumn {
  if (name === undefined) return 'views';
  return HISTORY_COLUMNS.find((c) => c === name || DEFAULT_HEADERS[c].includes(name)) ?? 'views';
}

/** The column a header name is read as, by the mapping given, then the default names. */
function columnOf(name: string, mapping: Readonly<Partial<Record<HistoryColumn, string>>>): HistoryColumn | undefined {
  for (const column of HISTORY_COLUMNS) {
    const mapped = mapping[column];
    if (mapped !== undefined) {
      if (mapped.trim().toLowerCase() === name) return column;
      continue; // a mapped column is read from its mapped header only
    }
    if (DEFAULT_HEADERS[column].includes(name)) return column;
  }
  return undefined;
}

/**
 * Read the dialect from the options and the header line, and what each field is.
 *
 * @throws {@link ParameterError} naming `csv line 1` for a header without a date
 * column, a column read twice, a header no option accounts for (with the
 * column probably meant), or no data column; `options.…` for bad options.
 */
export function readLayout(headerLine: string, options: CsvOptions): CsvLayout {
  const o = readOptions(options);
  const separator = o.separator ?? detectSeparator(headerLine);
  const decimal = o.decimal ?? (separator === ';' ? ',' : '.');
  const names = splitFields(headerLine, separator).map((h) => h.toLowerCase());
  const ignore = new Set(o.ignore.map((n) => n.trim().toLowerCase()));
  const read = names.map((name): HistoryColumn | null | undefined => {
    const column = columnOf(name, o.columns);
    if (column !== undefined) return column;
    return ignore.has(name) || UNUSED_HEADERS.includes(name) || name === '' ? null : undefined;
  });
  if (!read.includes('date')) throw new ParameterError('csv line 1', headerLine, `a header naming a \`date\` column (and any of posts, events, views, leads; or map yours with options.columns, e.g. { date: '${names[0] ?? ''}' })`);
  const unknown = read.indexOf(undefined);
  if (unknown >= 0) {
    const name = names[unknown]!;
    const meant = closestName(name, [...HISTORY_COLUMNS, ...Object.values(DEFAULT_HEADERS).flat()]);
    throw new ParameterError(
      'csv line 1',
      headerLine,
      `a header whose columns are all accounted for: \`${name}\` is not a column the reader knows${meant === undefined ? '' : ` — did you mean \`${meant}\`?`} (map it with options.columns, e.g. { ${closestColumn(meant)}: '${name}' }, or skip it with options.ignore)`,
    );
  }
  const columns = read as (HistoryColumn | null)[];
  columns.forEach((column, i) => {
    if (column !== null && columns.indexOf(column) !== i) throw new ParameterError('csv line 1', headerLine, `a header naming each column once (\`${column}\` is read from \`${names[columns.indexOf(column)]}\` and \`${names[i]}\`)`);
  });
  if (!columns.some((c) => c !== null && c !== 'date')) throw new ParameterError('csv line 1', headerLine, `a header naming at least one of posts, events, views, leads besides date (got ${names.join(', ')})`);
  return { separator, decimal, columns };
}
