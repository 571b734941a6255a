// A desk form, as posted, into the correction it asks for.
import { UserError } from '../../errors.js';
import { CORRECTION_KINDS, type CorrectionKind } from '../../types.js';
import type { EditRequest } from '../../desk/edit.js';

/**
 * The most a desk form may send: an introduction of 2000 characters in Chinese or Hindi (3 bytes each in UTF-8,
 * 9 once percent-encoded) is 18 KB, over the 16 KB of the subscriber forms.
 */
export const DESK_FORM_BYTES = 64 * 1024;

export function editRequestFromForm(form: Map<string, string[]>): EditRequest {
  const one = (k: string) => form.get(k)?.[0];
  const action = one('action') ?? '';
  if (!(CORRECTION_KINDS as readonly string[]).includes(action)) throw new UserError(`unknown desk action ${JSON.stringify(action)}`);
  return {
    kind: action as CorrectionKind,
    story: one('story'),
    other: one('other'),
    item: one('item'),
    section: one('section'),
    text: one('text'),
    shown: one('shown'),
  };
}
