import { act, fireEvent, render, screen } from '@testing-library/react';
import PrivacyConsent from '../../client/src/components/privacy-consent';
import { watchPrivacyRequests } from '../../client/src/privacy/privacy-requests';
import Taro from './stand-ins/taro';

type Listener = (resolve: jest.Mock) => void;

function platformAsks(): jest.Mock {
  const listener = Taro.onNeedPrivacyAuthorization.mock.calls[0]![0] as Listener;
  const resolve = jest.fn();
  act(() => listener(resolve));
  return resolve;
}

describe('privacy consent (mini-program)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    watchPrivacyRequests();
  });

  it('shows nothing until WeChat asks, then lets the user agree through the agree button', () => {
    render(<PrivacyConsent />);
    expect(screen.queryByText('用前请您同意')).toBeNull();
    const resolve = platformAsks();
    expect(screen.getByText('用前请您同意')).toBeTruthy();
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    fireEvent.click(screen.getByText('同意'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    expect(screen.queryByText('用前请您同意')).toBeNull();
  });

  it('closes on 不同意 and answers disagree, so only the API that asked fails', () => {
    render(<PrivacyConsent />);
    const resolve = platformAsks();
    fireEvent.click(screen.getByText('不同意'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(screen.queryByText('用前请您同意')).toBeNull();
  });
});

describe('privacy consent (browser build)', () => {
  it('registers nothing: the browser has no privacy gate', () => {
    process.env.TARO_ENV = 'h5';
    watchPrivacyRequests();
    expect(Taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
  });
});
