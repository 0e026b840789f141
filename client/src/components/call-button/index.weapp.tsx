import type { CallButtonProps } from '.'

// The mini-program renders the native component (src/native/call-button, registered app-wide in
// app.config.ts), which reports a tap as a `call` event with `detail.phone`.
export default function CallButton({ role, name, phone, onCall }: CallButtonProps) {
  return <call-button role={role} name={name} phone={phone} onCall={(event: { detail: { phone: string } }) => onCall(event.detail.phone)} />
}
