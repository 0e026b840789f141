import { fireEvent, render, screen } from '@testing-library/react';
import ConfirmDialog from '../../../client/src/components/confirm-dialog';
import { LoadingView } from '../../../client/src/components/page-state';

describe('ConfirmDialog', () => {
  const setup = (props: Partial<Parameters<typeof ConfirmDialog>[0]> = {}) => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    const view = render(
      <ConfirmDialog
        open
        title="确认受理？"
        message="受理后上报人会得到积分。"
        confirmText="受理"
        onConfirm={onConfirm}
        onCancel={onCancel}
        {...props}
      />,
    );
    return { onConfirm, onCancel, ...view };
  };

  it('asks in words and answers with the button tapped', () => {
    const { onConfirm, onCancel } = setup();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByText('受理后上报人会得到积分。')).toBeTruthy();
    fireEvent.click(screen.getByText('受理'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByText('取消'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('shows nothing while closed', () => {
    setup({ open: false });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('ignores both buttons while the action runs', () => {
    const { onConfirm, onCancel } = setup({ busy: true });
    fireEvent.click(screen.getByText('受理'));
    fireEvent.click(screen.getByText('取消'));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });
});

describe('LoadingView', () => {
  it('says what is happening beside the spinner', () => {
    render(<LoadingView text="正在加载案卷…" />);
    expect(screen.getByText('正在加载案卷…')).toBeTruthy();
    expect(document.querySelector('[aria-busy="true"] .taroify-loading')).toBeTruthy();
  });
});
