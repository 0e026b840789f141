/**
 * Stand-ins for the few @taroify/core components the client uses (mapped in jest.project.js): host
 * elements with the props our components pass, so tests read words and click buttons as a user would.
 * The real ones run Taro's selector queries and transitions, which jsdom does not have.
 */
import { createElement, type ReactNode } from 'react';

type Common = { id?: string; className?: string; children?: ReactNode };

export function Loading({ className, children }: Common & { direction?: string; type?: string; size?: number | string }) {
  return createElement('div', { className: `taroify-loading ${className ?? ''}`.trim(), role: 'progressbar' }, children);
}

type ButtonProps = Common & { disabled?: boolean; loading?: boolean; onClick?: () => void };

export function Button({ className, children, disabled, loading, onClick }: ButtonProps) {
  return createElement(
    'button',
    { className, disabled: disabled || loading || false, 'data-loading': loading ? 'true' : undefined, onClick: () => onClick?.() },
    children,
  );
}

type DialogProps = Common & { open?: boolean; onClose?: (opened: boolean) => void };

/** Renders its parts only while open, as the real one leaves nothing to read when closed. */
function DialogRoot({ id, className, open, children }: DialogProps) {
  return open ? createElement('div', { id, className, role: 'dialog', 'aria-modal': 'true' }, children) : null;
}

const part = (tag: string) =>
  function DialogPart({ className, children }: Common) {
    return createElement(tag, { className }, children);
  };

export const Dialog = Object.assign(DialogRoot, { Header: part('h2'), Content: part('div'), Actions: part('div') });
