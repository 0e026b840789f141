import { askConsent, templateIdsFor } from '../../../client/src/device/subscribe';
import Taro from '../stand-ins/taro';

const TEMPLATES = { accepted: 'tmpl-a', rejected: 'tmpl-r', resolved: 'tmpl-s', closed: 'tmpl-c' };

describe('asking consent for subscribe messages', () => {
  it('asks WeChat, from the mini-program, for the templates of the kinds named, and tells which were accepted', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.requestSubscribeMessage.mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-a': 'accept',
      'tmpl-r': 'reject',
      'tmpl-s': 'accept',
    });
    expect(await askConsent(['accepted', 'rejected', 'resolved'], TEMPLATES)).toEqual(['tmpl-a', 'tmpl-s']);
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-a', 'tmpl-r', 'tmpl-s'] });
  });

  it('asks for at most 3 templates, none the county has not set up, each once', () => {
    expect(templateIdsFor(['accepted', 'rejected', 'resolved', 'closed'], TEMPLATES)).toEqual(['tmpl-a', 'tmpl-r', 'tmpl-s']);
    expect(templateIdsFor(['resolved', 'closed'], { closed: 'tmpl-c' })).toEqual(['tmpl-c']);
    expect(templateIdsFor(['accepted'], { accepted: 'same', rejected: 'same' } as never)).toEqual(['same']);
    expect(templateIdsFor(['accepted'], undefined)).toEqual([]);
  });

  it('never throws: a refusal or a failure means the in-app list alone tells them', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.requestSubscribeMessage.mockRejectedValue({
      errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.',
      errCode: 20004,
    });
    await expect(askConsent(['closed'], TEMPLATES)).resolves.toEqual([]);
  });

  it('does nothing in the browser build, nor without templates', async () => {
    expect(await askConsent(['accepted'], TEMPLATES)).toEqual([]); // TARO_ENV is h5 here
    process.env.TARO_ENV = 'weapp';
    expect(await askConsent(['accepted'], {})).toEqual([]);
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
