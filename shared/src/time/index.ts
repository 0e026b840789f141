/** Asia/Shanghai calendar keys and clocks; time limits and lights. */
export * from './shanghai-time';
export * from './time-limit';
export * from './light-bounds';
export * from './work-calendar';
