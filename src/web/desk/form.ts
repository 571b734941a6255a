// A desk form, as posted, into the correction it asks for.
import { UserError } from '../../errors.js';
import { CORRECTION_KINDS, type CorrectionKind } from '../../types.js';
import type { EditRequest } from '../../desk/edit.js';

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
  };
}
