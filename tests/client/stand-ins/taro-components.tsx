/**
 * Host-element stand-ins for @tarojs/components: enough of each component's props for pages to render
 * in jsdom. Events carry Taro's shape (`detail.value` for inputs), so page code runs unchanged.
 */
import { createElement, type ReactNode } from 'react';

type Common = {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: (event: unknown) => void;
  [data: `data-${string}`]: unknown;
  [aria: `aria-${string}`]: unknown;
  role?: string;
};

function pickDom(props: Common): Record<string, unknown> {
  const dom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'id' || key === 'className' || key === 'role' || key.startsWith('data-') || key.startsWith('aria-')) dom[key] = value;
  }
  if (props.onClick) dom.onClick = (event: unknown) => props.onClick?.(event);
  return dom;
}

export function View(props: Common & { catchMove?: boolean }) {
  return createElement('div', pickDom(props), props.children);
}

export function Text(props: Common & { selectable?: boolean }) {
  return createElement('span', pickDom(props), props.children);
}

type ButtonProps = Common & { disabled?: boolean; loading?: boolean; openType?: string; onAgreePrivacyAuthorization?: () => void };

/** A tap on `open-type="agreePrivacyAuthorization"` fires that event in WeChat: so does a click here. */
export function Button(props: ButtonProps) {
  const dom = pickDom(props);
  if (props.openType === 'agreePrivacyAuthorization') dom.onClick = () => props.onAgreePrivacyAuthorization?.();
  return createElement('button', { ...dom, disabled: props.disabled, 'data-loading': props.loading ? 'true' : undefined }, props.children);
}

type InputProps = Common & {
  value?: string;
  placeholder?: string;
  maxlength?: number;
  onInput?: (event: { detail: { value: string } }) => void;
};

export function Input(props: InputProps) {
  return createElement('input', {
    ...pickDom(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
  });
}

export function Textarea(props: InputProps) {
  return createElement('textarea', {
    ...pickDom(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
  });
}

export function Image(props: Common & { src: string; mode?: string; onError?: (event: unknown) => void }) {
  return createElement('img', {
    ...pickDom(props),
    src: props.src,
    alt: '',
    onError: props.onError && ((event: unknown) => props.onError?.(event)),
  });
}
