// Booting Strapi and importing pages takes seconds, not the 5 s jest allows by default.
jest.setTimeout(120_000);
