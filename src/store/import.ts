// Turn a subscribers CSV into validated rows: every bad row is reported with its line number and
// reason, duplicates (same address, any case) are merged, and nothing is written unless all is well.
import { parseCsv, sniffSeparator, CsvSyntaxError } from './csv.js';
import { checkEmail } from './email.js';
import { restoreFormula } from './csv.js';
import { SUBSCRIBER_STATUSES, type NewSubscriber, type SubscriberStatus } from './types.js';

export interface RowProblem {
  line: number;
  reason: string;
}

export interface ParsedImport {
  rows: NewSubscriber[];
  problems: RowProblem[];
  /** rows folded into an earlier row for the same address */
  merged: number;
}

/**
 * Columns (header row, any order, case-insensitive; separated by commas, semicolons or tabs): `email` (required), `name`, `sections`
 * (ids separated by `;`, `|` or spaces; empty = all sections), `status` (default active).
 * Other columns are ignored, and other tools' exports import as they are, with what they say about each reader:
 * Mailchimp's (`Email Address`, `First Name`, `Last Name`; a row with an `UNSUB_TIME` is unsubscribed, one with a
 * `CLEAN_TIME` bounced, as in its unsubscribed and cleaned exports), listmonk's (`status` enabled, disabled or
 * blocklisted), Ghost's (`subscribed_to_emails`) and Buttondown's (`subscriber_type`).
 */
export function parseSubscriberCsv(text: string, knownSections: string[] | null): ParsedImport {
  let records;
  try {
    records = parseCsv(text, sniffSeparator(text));
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { rows: [], problems: [{ line: err.line, reason: err.message }], merged: 0 };
    throw err;
  }
  if (records.length === 0) return { rows: [], problems: [{ line: 1, reason: 'the file is empty; expected a header row with an "email" column' }], merged: 0 };
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const iEmail = col('email', 'email address', 'email_address', 'e-mail');
  if (iEmail < 0) return { rows: [], problems: [{ line: records[0].line, reason: noEmailColumn(header) }], merged: 0 };
  const iName = col('name');
  const iFirst = col('first name', 'first_name', 'fname');
  const iLast = col('last name', 'last_name', 'lname');
  const iSections = col('sections');
  const iStatus = col('status');
  const iUnsubTime = col('unsub_time');
  const iCleanTime = col('clean_time');
  const iSubscribed = col('subscribed_to_emails');
  const iType = col('subscriber_type');

  const problems: RowProblem[] = [];
  const byKey = new Map<string, NewSubscriber>();
  let merged = 0;
  for (const rec of records.slice(1)) {
    const get = (i: number) => (i >= 0 && i < rec.fields.length ? rec.fields[i].trim() : '');
    if (rec.fields.length > header.length) {
      problems.push({ line: rec.line, reason: `${rec.fields.length} fields but the header has ${header.length} (quote values that contain commas)` });
      continue;
    }
    // our own export marks cells a spreadsheet would run as formulas with a leading '
    const rawEmail = restoreFormula(iEmail < rec.fields.length ? rec.fields[iEmail] : '');
    const checked = checkEmail(rawEmail);
    if (!checked.ok) {
      problems.push({ line: rec.line, reason: `email ${JSON.stringify(rawEmail.trim())}: ${checked.reason}` });
      continue;
    }
    // our own export marks names a spreadsheet would run as formulas too
    const name = restoreFormula(get(iName)) || [get(iFirst), get(iLast)].filter(Boolean).join(' ');
    if (/[\r\n]/.test(name)) {
      problems.push({ line: rec.line, reason: 'name contains a line break' });
      continue;
    }
    const sections = parseSectionList(get(iSections));
    const unknown = knownSections ? sections.filter((s) => !knownSections.includes(s)) : [];
    if (unknown.length > 0) {
      problems.push({ line: rec.line, reason: `unknown section${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (expected: ${knownSections!.join(', ')})` });
      continue;
    }
    const statusText = get(iStatus).toLowerCase();
    const typeText = get(iType).toLowerCase();
    if (typeText && !BUTTONDOWN_TYPES[typeText]) {
      problems.push({ line: rec.line, reason: `subscriber_type ${JSON.stringify(typeText)}: expected one of ${Object.keys(BUTTONDOWN_TYPES).join(', ')}` });
      continue;
    }
    const status = statusOf(statusText, {
      unsubscribed: get(iUnsubTime) !== '',
      cleaned: get(iCleanTime) !== '',
      subscribed: get(iSubscribed).toLowerCase(),
      type: typeText ? BUTTONDOWN_TYPES[typeText] : undefined,
    });
    if (!status) {
      problems.push({ line: rec.line, reason: `status ${JSON.stringify(statusText)}: expected one of ${SUBSCRIBER_STATUSES.join(', ')} (or another tool's: ${Object.keys(OTHER_STATUSES).join(', ')})` });
      continue;
    }
    const row: NewSubscriber = {
      email: checked.email,
      name: name || null,
      sections: iSections >= 0 ? (sections.length > 0 ? sections : null) : undefined,
      status,
    };
    const earlier = byKey.get(checked.key);
    if (earlier) {
      merged++;
      byKey.set(checked.key, mergeRows(earlier, row));
    } else {
      byKey.set(checked.key, row);
    }
  }
  return { rows: [...byKey.values()], problems, merged };
}

/** Other tools' words for a reader's status: listmonk's and Mailchimp's. */
const OTHER_STATUSES: Record<string, SubscriberStatus> = {
  enabled: 'active',
  subscribed: 'active',
  disabled: 'unsubscribed',
  blocklisted: 'unsubscribed',
  blacklisted: 'unsubscribed',
  cleaned: 'bounced',
};

/** Buttondown's subscriber types: paying or not, paused or churning, they are still subscribed. */
const BUTTONDOWN_TYPES: Record<string, SubscriberStatus> = {
  regular: 'active',
  premium: 'active',
  trialed: 'active',
  unpaid: 'active',
  gifted: 'active',
  churning: 'active',
  paused: 'active',
  past_due: 'active',
  unactivated: 'pending',
  unsubscribed: 'unsubscribed',
  spammy: 'unsubscribed',
  removed: 'unsubscribed',
};

/**
 * A row's status, null when its `status` is not one we know. A row another tool marks as having left (an unsubscribe
 * or clean time, Ghost's subscribed_to_emails=false) is never imported as active, whatever its status column says.
 */
function statusOf(text: string, other: { unsubscribed: boolean; cleaned: boolean; subscribed: string; type?: SubscriberStatus }): SubscriberStatus | null {
  const said = text === '' ? 'active' : SUBSCRIBER_STATUSES.includes(text as SubscriberStatus) ? (text as SubscriberStatus) : OTHER_STATUSES[text];
  if (!said) return null;
  if (said === 'bounced' || said === 'unsubscribed') return said;
  if (other.cleaned) return 'bounced';
  if (other.unsubscribed || other.subscribed === 'false' || other.type === 'unsubscribed') return 'unsubscribed';
  if (other.type === 'pending') return 'pending';
  return said;
}

/**
 * Later rows fill in and override; chosen sections add up. A row saying the reader left (unsubscribed, bounced) is
 * not overridden by another saying active or pending (two tools' exports put together): the store never brings
 * such a reader back by import either.
 */
function mergeRows(a: NewSubscriber, b: NewSubscriber): NewSubscriber {
  const sections = a.sections === undefined ? b.sections : b.sections === undefined ? a.sections : a.sections === null || b.sections === null ? null : [...new Set([...a.sections, ...b.sections])];
  const left = (s: NewSubscriber['status']) => s === 'unsubscribed' || s === 'bounced';
  const status = left(a.status) && !left(b.status) ? a.status : (b.status ?? a.status);
  return { email: a.email, name: b.name ?? a.name, status, sections };
}

export function parseSectionList(text: string): string[] {
  return [...new Set(text.split(/[;,|\s]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Why a header has no "email" column, with the likely cause: a spreadsheet's other encoding, or no header row. */
function noEmailColumn(header: string[]): string {
  const found = `found: ${header.join(', ') || 'nothing'}`;
  if (header.some((h) => h.includes('\0')) || header[0]?.startsWith('\uFFFD')) return `no "email" column in the header: the file is not UTF-8 (UTF-16?); expected a CSV saved as UTF-8`;
  if (header.some((h) => h.includes('@'))) return `no "email" column in the header (${found}); expected a first row naming the columns, such as email,name`;
  return `no "email" column in the header (${found})`;
}
