import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TYPE_DISPLAY_NAMES } from '../../../src/desk/labels';
import ours from '../../../src/admin/translations/content-manager.zh-Hans.json';
import additions from '../../../src/admin/translations/content-manager-additions.zh-Hans.json';
import adminAdditions from '../../../src/admin/translations/admin-additions.zh-Hans.json';

/**
 * The admin in Simplified Chinese (src/admin/translations/, src/admin/app.tsx).
 * content-manager.zh-Hans.json mends Strapi's content manager: Strapi's zh-Hans file carries its
 * keys prefixed already, so the plugin's own prefixing makes none of them match. Ours is that
 * file's prefixed keys that the plugin looks up (those its English file has). When Strapi changes
 * its file, or mends it, this fails: derive ours again, or delete it. The *-additions files are
 * our Chinese for strings Strapi has in English only; each key must be one Strapi looks up.
 */
const PREFIX = 'content-manager.';
const contentManagerTranslations = path.join(
  path.dirname(require.resolve('@strapi/content-manager/package.json')),
  'dist',
  'admin',
  'translations',
);
const adminTranslations = path.join(
  path.dirname(require.resolve('@strapi/admin/package.json')),
  'dist',
  'admin',
  'admin',
  'src',
  'translations',
);
const translations = (locale: string, dir = contentManagerTranslations): Record<string, string> => {
  const loaded = require(path.join(dir, `${locale}.json.js`));
  return loaded.default ?? loaded;
};

it("holds exactly the Chinese of Strapi's content manager under the keys the plugin looks up", () => {
  const english = translations('en');
  const chinese = translations('zh-Hans');
  const lookedUp = Object.fromEntries(
    Object.entries(chinese).filter(([key]) => key.startsWith(PREFIX) && key.slice(PREFIX.length) in english),
  );
  expect(ours).toEqual(lookedUp);
});

it("is still needed: Strapi's zh-Hans file has no unprefixed key for what editors see", () => {
  const chinese = translations('zh-Hans');
  for (const key of ['HeaderLayout.button.label-add-entry', 'pages.ListView.header-subtitle', 'components.LeftMenu.collection-types']) {
    expect(chinese[key]).toBeUndefined();
    expect(Object.keys(ours)).toContain(PREFIX + key);
  }
});

it('adds Chinese only for strings the content manager has, which Strapi leaves untranslated', () => {
  const english = translations('en');
  for (const key of Object.keys(additions)) {
    expect(english).toHaveProperty([key.slice(PREFIX.length)]);
    expect(Object.keys(ours)).not.toContain(key);
  }
});

it("adds Chinese to the admin's home page only for strings Strapi has in English and not in Chinese", () => {
  const adminEnglish = translations('en', adminTranslations);
  const adminChinese = translations('zh-Hans', adminTranslations);
  const contentManagerEnglish = translations('en');
  for (const key of Object.keys(adminAdditions)) {
    if (key.startsWith(PREFIX)) {
      expect(contentManagerEnglish).toHaveProperty([key.slice(PREFIX.length)]);
      expect(Object.keys({ ...ours, ...additions })).not.toContain(key);
    } else {
      expect(adminEnglish).toHaveProperty([key]);
      expect(adminChinese).not.toHaveProperty([key]);
    }
  }
});

it('translates every bilingual type name, the desk’s bookkeeping types too (Strapi’s home page lists them)', () => {
  const api = path.join(__dirname, '..', '..', '..', 'src', 'api');
  const displayNames = readdirSync(api).flatMap((folder) => {
    const types = path.join(api, folder, 'content-types');
    if (!existsSync(types)) return [];
    return readdirSync(types).map(
      (type) => JSON.parse(readFileSync(path.join(types, type, 'schema.json'), 'utf8')).info.displayName as string,
    );
  });
  const bilingual = displayNames.filter((name) => /\p{Script=Han}/u.test(name));
  expect(bilingual.length).toBeGreaterThan(5);
  expect([...TYPE_DISPLAY_NAMES].sort()).toEqual(bilingual.sort());
});
