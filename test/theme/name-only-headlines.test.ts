// A headline made of names and a score ("Hearts 3-1 Hibernian", "Fly-half Ford rejoins Leicester") has no
// keyword and few words of the language; its meaning is nearer its theme than the others' but, being all
// names, not near in absolute terms. It goes to that theme, not to Other; a headline that fits no theme
// ("Volunteers clean up the riverbank") still goes to Other.
import { describe, expect, it } from 'vitest';
import { assignTheme } from '../../src/theme/index.js';
import { cluster } from './items.js';
import { TOPIC_THEMES } from './topic-themes.js';

const themeOf = (title: string) => assignTheme(cluster({ title }), TOPIC_THEMES).themeId;

describe('a headline of names', () => {
  it.each([
    ['Hearts 3-1 Hibernian', 'sport'],
    ['Fly-half Ford rejoins Leicester', 'sport'],
    ['Humanoid robot learns to climb stairs', 'tech'],
  ])('"%s" goes to %s', (title, theme) => {
    expect(themeOf(title)).toBe(theme);
  });

  it('a headline that fits no theme still goes to Other', () => {
    expect(themeOf('Volunteers clean up the riverbank')).toBeNull();
  });
});
