// Client modules import their stylesheets; under tests they are nothing (stand-ins/style.ts).
declare module '*.scss';
