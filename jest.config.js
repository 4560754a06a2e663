/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};

module.exports = {
  // Two test files at a time, also on a 2-core machine, where jest would run one (cores − 1): the
  // files mostly wait on Strapi starting, the databases and child processes. Measured on CI's
  // 2-core machine: the PostgreSQL phase 354 s → 247 s, the SQLite phase 315 s → 233 s.
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/integration-timeout.ts'],
    },
    {
      ...common,
      displayName: 'security',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/security/global-setup.ts',
      globalTeardown: '<rootDir>/tests/security/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/integration-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/integration-timeout.ts'],
    },
  ],
};
