import { gridCodeFromScene, gridScene } from '@pingan/shared/grid';

describe('grid scene', () => {
  it('round-trips a grid code through the QR scene', () => {
    expect(gridCodeFromScene(gridScene('410399001001-03'))).toBe('410399001001-03');
  });

  it('fits the 32 characters WeChat allows in a scene', () => {
    expect(gridScene('410399001001-03').length).toBeLessThanOrEqual(32);
  });

  it('reads a scene that arrives URL-encoded', () => {
    expect(gridCodeFromScene('g%3D410399001001-03')).toBe('410399001001-03');
  });

  it.each([
    ['another prefix', 'x=410399001001-03'],
    ['a community code', 'g=410399001001'],
    ['a micro-grid code', 'g=410399001001-01-02'],
    ['broken percent-encoding', 'g=%E0%A4%A'],
    ['trailing text', 'g=410399001001-03&x=1'],
  ])('rejects %s', (_name, scene) => {
    expect(gridCodeFromScene(scene)).toBeUndefined();
  });
});
