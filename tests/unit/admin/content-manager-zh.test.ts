import path from 'node:path';
import ours from '../../../src/admin/translations/content-manager.zh-Hans.json';
import additions from '../../../src/admin/translations/content-manager-additions.zh-Hans.json';

/**
 * src/admin/translations/content-manager.zh-Hans.json mends Strapi's content manager in
 * Simplified Chinese: Strapi's zh-Hans file carries its keys prefixed already, so the plugin's own
 * prefixing makes none of them match. Ours is that file's prefixed keys that the plugin looks up
 * (those its English file has). When Strapi changes its file, or mends it, this fails: derive
 * ours again, or delete it.
 */
const PREFIX = 'content-manager.';
const translations = (locale: string): Record<string, string> => {
  const dir = path.join(path.dirname(require.resolve('@strapi/content-manager/package.json')), 'dist', 'admin', 'translations');
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
