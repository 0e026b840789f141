import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { deserialize, serialize } from 'node:v8';
import { __reset } from './taro';

// jsdom hides Node's structuredClone, which fake-indexeddb stores values with.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;
// jsdom makes no blob URLs: the browser build's photo store (IndexedDB) hands them out.
let blobUrls = 0;
URL.createObjectURL = () => `blob:jsdom/${++blobUrls}`;
URL.revokeObjectURL = () => undefined;

// Client tests run as the browser build unless a test says otherwise.
beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  globalThis.indexedDB = new IDBFactory(); // each test starts with an empty browser photo store
  __reset();
});

afterEach(() => {
  cleanup();
});
