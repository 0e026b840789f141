import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { landmarksFileSchema } from '@pingan/shared/config';
import { labelTitleBar } from '../../../client/src/h5-title-bar';
import { placeNameAt, shapesOf } from '../../../client/src/local/lib/grid-map-data';
import { metresBetween, nearestLandmark, shortGridName } from '../../../client/src/local/pages/map-picker/map-layers';

const demo = (file: string) => JSON.parse(readFileSync(join(__dirname, '../../../data/demo-county', file), 'utf8'));
const shapes = shapesOf(demo('regions.geojson').features);
const { landmarks } = landmarksFileSchema.parse(demo('landmarks.json'));

describe('the map picker’s names (issue 13, item 5)', () => {
  it('names a point by its grid, community and street, and nothing outside every grid', () => {
    expect(placeNameAt(shapes, [111.587499, 33.796931])).toEqual({
      gridCode: '410399001001-03',
      gridName: '城关社区第3网格',
      communityName: '城关社区',
      streetName: '城关街道',
    });
    expect(placeNameAt(shapes, [111.56, 33.79])).toBeUndefined();
  });

  it('writes a grid as 第3网格 under its community’s name', () => {
    const grid = shapes.find((s) => s.code === '410399002001-05')!;
    expect(shortGridName(grid, shapes)).toBe('第5网格');
  });

  it('names a spot by the landmark within 250 m, the nearest first', () => {
    expect(nearestLandmark(landmarks, [111.588, 33.7975])?.name).toBe('县政府');
    expect(nearestLandmark(landmarks, [111.56, 33.79])).toBeUndefined();
    // About 111 m a thousandth of a degree of latitude.
    expect(Math.round(metresBetween([111.588, 33.797], [111.588, 33.798]))).toBe(111);
  });
});

describe('the browser build’s title bar', () => {
  it('names the back and home buttons and makes them keyboard buttons; false before the router added the bar', () => {
    expect(labelTitleBar(document)).toBe(false);
    document.body.innerHTML = `<div id="taro-navigation-bar"><div class="taro-navigation-bar-home"></div><div class="taro-navigation-bar-back"></div>
      <div class="taro-navigation-bar-title-wrap"><div class="taro-navigation-bar-title">我的上报</div></div></div>`;
    expect(labelTitleBar(document)).toBe(true);
    const back = document.querySelector<HTMLElement>('.taro-navigation-bar-back')!;
    expect(back.getAttribute('role')).toBe('button');
    expect(back.getAttribute('aria-label')).toBe('返回');
    expect(document.querySelector('.taro-navigation-bar-home')!.getAttribute('aria-label')).toBe('回到首页');
    expect(document.querySelector('.taro-navigation-bar-title')!.getAttribute('role')).toBe('heading');
    const clicked = jest.fn();
    back.addEventListener('click', clicked);
    back.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(clicked).toHaveBeenCalledTimes(1);
    // Labelled once: a second call adds no second key handler.
    labelTitleBar(document);
    back.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    expect(clicked).toHaveBeenCalledTimes(2);
    document.body.innerHTML = '';
  });
});
