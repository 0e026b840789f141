import { cleanup } from '@testing-library/react';
import { __reset } from './taro';

// Client tests run as the browser build unless a test says otherwise.
beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  __reset();
});

afterEach(() => {
  cleanup();
});
