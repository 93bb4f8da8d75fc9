// Each test file starts its own MSW server through mocks/node.ts.
export {};
