import Taro from '@tarojs/taro';
import { HELP_ALERT_SOUND, soundHelpAlert } from '../../../client/src/device/alert-sound';

describe('the help alarm in the mini-program', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('vibrates long and plays the packaged beeps through the mute switch, loading the file once', () => {
    process.env.TARO_ENV = 'weapp';
    const player = { src: '', play: jest.fn(), stop: jest.fn() };
    jest.mocked(Taro.createInnerAudioContext).mockReturnValue(player as never);
    soundHelpAlert();
    soundHelpAlert();
    expect(Taro.vibrateLong).toHaveBeenCalledTimes(2);
    expect(Taro.setInnerAudioOption).toHaveBeenCalledWith({ obeyMuteSwitch: false });
    expect(Taro.createInnerAudioContext).toHaveBeenCalledTimes(1);
    expect(player.src).toBe(HELP_ALERT_SOUND);
    expect(player.play).toHaveBeenCalledTimes(2);
  });
});
